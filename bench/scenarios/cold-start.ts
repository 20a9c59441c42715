/**
 * The bundle's cold start against bare Node 24: `node -e 0` vs `node dist/index.js` on an event
 * the action ignores (`push`), which it must do with exit 0 and without a single request. The API
 * URL points at a local port whose listener only counts connections, so a stray request shows.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PROJECT_ROOT } from '../../test/harness/action-env'
import { median, round } from '../lib/stats'
import type { Row } from '../lib/types'

const SCENARIO = 'cold-start'
const RUNS = 10
const NODE_24 = join(PROJECT_ROOT, 'node_modules/node/bin/node')
const BUNDLE = join(PROJECT_ROOT, 'dist/index.js')

export async function coldStart(): Promise<Row[]> {
  let connections = 0
  const trap = createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve))
  const port = (trap.address() as AddressInfo).port
  const dir = mkdtempSync(join(tmpdir(), 'escalation-desk-bench-'))
  try {
    writeFileSync(join(dir, 'event.json'), '{}')
    writeFileSync(join(dir, 'output'), '')
    writeFileSync(join(dir, 'summary.md'), '')
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_REPOSITORY: 'acme/support',
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
      GITHUB_GRAPHQL_URL: `http://127.0.0.1:${port}/graphql`,
      RUNNER_TEMP: dir,
      INPUT_TOKEN: 'ghs_localtoken',
    }
    const bare = ['-e', '0']
    const bundle = [BUNDLE]

    // warm-up: file cache, and the check that the action really exits quickly and quietly
    await time(bare, env)
    const check = await time(bundle, env)
    if (check.exitCode !== 0) throw new Error(`cold-start: dist/index.js on a push event exited ${check.exitCode}: ${check.output}`)

    const bareMs: number[] = []
    const bundleMs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      // interleaved, so drift in machine load hits both alike
      bareMs.push((await time(bare, env)).ms)
      const run = await time(bundle, env)
      if (run.exitCode !== 0) throw new Error(`cold-start: dist/index.js exited ${run.exitCode}: ${run.output}`)
      bundleMs.push(run.ms)
    }
    if (connections > 0) throw new Error(`cold-start: the action opened ${connections} connection(s) on an ignored push event`)

    const bareMedian = median(bareMs)
    const bundleMedian = median(bundleMs)
    return [
      { scenario: SCENARIO, metric: `node -e 0 (median of ${RUNS})`, value: round(bareMedian, 1), unit: 'ms' },
      { scenario: SCENARIO, metric: `node dist/index.js, ignored push (median of ${RUNS})`, value: round(bundleMedian, 1), unit: 'ms' },
      { scenario: SCENARIO, metric: 'bundle cost over bare node', value: round(bundleMedian - bareMedian, 1), unit: 'ms' },
      { scenario: SCENARIO, metric: 'requests on an ignored push', value: connections, unit: 'req' },
      { scenario: SCENARIO, metric: 'bundle size (dist/index.js and its chunks)', value: round(bundleBytes() / 1_000_000, 2), unit: 'MB' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await new Promise<void>((resolve) => trap.close(() => resolve()))
  }
}

/** dist/index.js is a small entry that imports the action from dist/chunks/: both are what the runner loads. */
function bundleBytes(): number {
  const chunks = join(PROJECT_ROOT, 'dist/chunks')
  const files = readdirSync(chunks).filter((name) => name.endsWith('.js'))
  return statSync(BUNDLE).size + files.reduce((sum, name) => sum + statSync(join(chunks, name)).size, 0)
}

function time(args: string[], env: Record<string, string>): Promise<{ ms: number; exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(NODE_24, args, { env, cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ ms: performance.now() - start, exitCode: code ?? 1, output }))
  })
}
