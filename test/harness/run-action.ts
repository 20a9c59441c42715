/** Runs the bundled action the way a runner does: a fresh Node 24 process, a clean environment,
 * the event payload in a file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY read back afterwards.
 * By default through dist/main.js's `run` with short pacing (paced-entry.mjs); `asRunner`
 * starts dist/index.js itself, production pacing and all. */
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Pacing } from '../../src/github/octokit'
import type { LocalGitHub, WebhookEvent } from '../local-github'
import { actionEnv, PROJECT_ROOT, type EnvOptions } from './action-env'
import { TEST_PACING } from './pacing'

export interface RunOptions extends EnvOptions {
  /** Script to run instead of the bundle, relative to the project root (the harness's own tests). */
  entry?: string
  /** Start `dist/index.js` exactly as the runner does (production pacing). */
  asRunner?: boolean
  /** Overrides of TEST_PACING for this run (ignored with `asRunner` or `entry`). */
  pacing?: Partial<Pacing>
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Messages of `::error::` workflow commands, unescaped. */
  errors: string[]
  warnings: string[]
}

const NODE_24 = join(PROJECT_ROOT, 'node_modules/node/bin/node')
const FAKE_CLOCK = pathToFileURL(fileURLToPath(new URL('./fake-clock.mjs', import.meta.url))).href
const PACED_ENTRY = fileURLToPath(new URL('./paced-entry.mjs', import.meta.url))

/** Script and arguments for the child process. */
function commandFor(options: RunOptions): string[] {
  if (options.entry) return [join(PROJECT_ROOT, options.entry)]
  if (options.asRunner) return [join(PROJECT_ROOT, 'dist/index.js')]
  return [PACED_ENTRY, JSON.stringify({ ...TEST_PACING, ...options.pacing })]
}

/** Parses GITHUB_OUTPUT: `name<<DELIMITER` heredocs (what @actions/core writes) and `name=value`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      outputs[name!] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

/** Messages of `::name ...::message` workflow commands, with the runner's %-escapes undone. */
export function parseCommands(stdout: string, name: 'error' | 'warning'): string[] {
  const pattern = new RegExp(`^::${name}(?: [^:]*)?::(.*)$`)
  return stdout
    .split(/\r?\n/)
    .map((line) => pattern.exec(line)?.[1])
    .filter((m) => m !== undefined)
    .map((m) => m.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

export async function runAction(gh: LocalGitHub, event: WebhookEvent, options: RunOptions = {}): Promise<RunResult> {
  // one directory per run, so concurrent runs never share files
  const dir = mkdtempSync(join(tmpdir(), 'escalation-desk-run-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    temp: join(dir, 'runner-temp'),
  }
  writeFileSync(files.event, JSON.stringify(event.payload))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  mkdirSync(files.temp)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    ...actionEnv(gh, event, options),
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    // A larger young generation: a run lives a second or two, and fewer scavenges cost the suite
    // less CPU (a V8 knob of the test processes; the action's own behaviour is the same).
    NODE_OPTIONS: `--max-semi-space-size=32${gh.clock.isSet ? ` --import=${FAKE_CLOCK}` : ''}`,
    ...(gh.clock.isSet ? { FAKE_NOW: gh.clock.now().toISOString() } : {}),
  }
  if (options.env) Object.assign(env, options.env)
  try {
    const { exitCode, stdout, stderr } = await spawnNode(
      commandFor(options),
      env,
      options.cwd ?? PROJECT_ROOT,
      options.timeoutMs ?? 120_000,
    )
    const summary = readFileSync(files.summary, 'utf8')
    // Every job summary a run writes is kept on the local GitHub, for the rendering check of the test that ran it.
    gh.summaries.push(summary)
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
      summary,
      errors: parseCommands(stdout, 'error'),
      warnings: parseCommands(stdout, 'warning'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function spawnNode(args: string[], env: Record<string, string>, cwd: string, timeoutMs: number) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(NODE_24, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout,
        stderr: signal === 'SIGKILL' ? `${stderr}\n[harness] killed after ${timeoutMs} ms` : stderr,
      })
    })
  })
}
