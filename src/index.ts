// The entry GitHub's runner starts (dist/index.js); the action itself is `run` in main.ts.
import { run } from './main'

await run()
