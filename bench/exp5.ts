import { performance } from 'node:perf_hooks'
import { startRepo, teamConfig } from '../test/e2e/scenario'
import { steadyState } from './lib/steady-state'
const gh = await startRepo({ config: null })
const t = performance.now()
const s = await steadyState(gh, {
  count: 1000,
  seededUntil: new Date('2026-11-24T08:00:00Z'),
  configText: teamConfig((c) => (c['max-writes-per-run'] = 1000)),
})
console.log(s.seedMs, s.caughtUp, performance.now() - t)
await gh.close()
