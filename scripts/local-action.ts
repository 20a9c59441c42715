/**
 * Runs the action from source with @github/local-action against a local GitHub: files an
 * escalation, writes the dotenv for its `issues.opened` event, and starts local-action with
 * GITHUB_API_URL exported (from the dotenv alone it arrives too late for getOctokit).
 * Usage: npm run local-action (under the bundled Node 24: local-action's dependencies need Node 22+).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { writeDotenv } from '../test/harness'
import { PROJECT_ROOT } from '../test/harness/action-env'
import { COMPLETE, formBody, startRepo } from '../test/e2e/scenario'

const NODE_24 = join(PROJECT_ROOT, 'node_modules/node/bin/node')
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`local-action needs Node 22 or later (this is ${process.version}): run \`npm run local-action\`, which uses ${NODE_24}.`)
  process.exit(1)
}

const gh = await startRepo()
try {
  const [opened] = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex pipeline wiped',
    body: formBody(COMPLETE),
    labels: ['escalation'],
  })
  const dotenv = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env')
  writeDotenv(gh, opened!, dotenv)
  // Asynchronous: the local GitHub in this process must keep answering while local-action runs.
  const child = spawn('npx', ['--no-install', '@github/local-action', 'run', '.', 'src/main.ts', dotenv], {
    // The bundled Node first on PATH: local-action starts `npx tsx`, whose `env node` must find it.
    env: {
      ...process.env,
      PATH: `${dirname(NODE_24)}:${process.env.PATH ?? ''}`,
      GITHUB_API_URL: gh.url,
      GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
    },
    stdio: 'inherit',
  })
  process.exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  console.log(
    `\nlocal-action exited ${process.exitCode}; #1 now has labels ${gh.labelsOf(1).join(', ')} and ${gh.comments(1).length} comment(s).`,
  )
} finally {
  await gh.close()
}
