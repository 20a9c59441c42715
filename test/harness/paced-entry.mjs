// What the harness starts by default: the bundle's `run` (dist/main.js, the same chunk that
// dist/index.js runs) with the pacing given as JSON in argv. Environment, files and process are
// the runner's, exactly as for dist/index.js; only Octokit's waits are shorter.
import { run } from '../../dist/main.js'

await run({ pacing: JSON.parse(process.argv[2] ?? '{}') })
