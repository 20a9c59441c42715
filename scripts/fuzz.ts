/**
 * `npm run fuzz`: parses generated issue bodies and reports, per family of mutation, crashes,
 * lost fields (an answer present in the body but parsed missing or different), headings GitHub
 * renders that the parse missed, and the slowest parse. A script, not a test: seeded, so every
 * run parses the same bodies; exits 1 on any crash, lost field or parse over 50 ms.
 *
 * Times: wall clock, and CPU time (process.cpuUsage, 1 µs resolution), which leaves out the time
 * a busy shared machine takes the process off the CPU. The body slowest in CPU time is re-timed
 * (median of 7 wall-clock runs): that figure is held to the 50 ms limit.
 *
 *   npm run fuzz -- --count 100000 --seed 1 --github-every 4
 *   npm run fuzz -- --replay 4242      prints body 4242 of the run and what went wrong
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { parseFormTemplate, parseIssueBody, type FormTemplate, type ParsedIssueBody } from '../src/core/form'
import { FAMILIES, generateBody, type GeneratedBody } from '../test/unit/form/fuzz-bodies'
import { findProblems, foundBeyondGitHub, FUZZ_FORM_YAML, missedVersusGitHub, type Problem } from '../test/unit/form/fuzz-check'
import { Random } from '../test/unit/form/fuzz-random'

const TIME_LIMIT_MS = 50
const RETIME_RUNS = 7

interface FamilyStats {
  bodies: number
  maxChars: number
  crashes: number
  lost: number
  wronglyFound: number
  extraLost: number
  missedVsGitHub: number
  beyondGitHub: number
  totalMs: number
  slowestWallMs: number
  slowestCpuMs: number
  slowest: { body: string; template: FormTemplate; index: number } | null
}

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'github-every': { type: 'string', default: '4' },
    replay: { type: 'string' },
  },
})
const count = Number(args.count)
const seed = Number(args.seed)
const githubEvery = Number(args['github-every'])
const root = new URL('..', import.meta.url).pathname
const forms = [
  parseFormTemplate(readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8')),
  parseFormTemplate(FUZZ_FORM_YAML),
]
const families = Object.keys(FAMILIES)

/** Body `index` of the run: its own seed, so any one can be replayed alone. */
function bodyAt(index: number): { generated: GeneratedBody; template: FormTemplate } {
  const random = new Random(seed * 1_000_003 + index)
  const template = random.pick(forms)
  return { generated: generateBody(families[index % families.length] ?? 'as written', template, random), template }
}

if (args.replay !== undefined) {
  const { generated, template } = bodyAt(Number(args.replay))
  const parsed = parseIssueBody(generated.body, template)
  const runs = Array.from({ length: 21 }, () => {
    const t0 = performance.now()
    parseIssueBody(generated.body, template)
    return performance.now() - t0
  }).sort((a, b) => a - b)
  const report = { family: generated.family, chars: generated.body.length, medianMs: runs[10], problems: findProblems(generated, parsed) }
  console.log(JSON.stringify({ ...report, body: generated.body.slice(0, 2_000) }, null, 2))
  process.exit(0)
}

const stats = new Map<string, FamilyStats>(families.map((family) => [family, emptyStats()]))
const examples: string[] = []
const started = performance.now()
for (let index = 0; index < count; index++) {
  const { generated, template } = bodyAt(index)
  const family = stats.get(generated.family) ?? emptyStats()
  family.bodies++
  family.maxChars = Math.max(family.maxChars, generated.body.length)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let parsed: ParsedIssueBody
  try {
    parsed = parseIssueBody(generated.body, template)
  } catch (error) {
    family.crashes++
    note(index, generated.family, `crash: ${error instanceof Error ? error.message : String(error)}`)
    continue
  }
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  family.totalMs += ms
  family.slowestWallMs = Math.max(family.slowestWallMs, ms)
  if (cpuMs > family.slowestCpuMs) Object.assign(family, { slowestCpuMs: cpuMs, slowest: { body: generated.body, template, index } })
  tally(family, index, generated.family, findProblems(generated, parsed))
  if (index % githubEvery === 0) {
    family.missedVsGitHub += missedVersusGitHub(generated.body, template, parsed).length
    family.beyondGitHub += foundBeyondGitHub(generated, parsed, template)
  }
}
const elapsed = (performance.now() - started) / 1000

const rows = [...stats].map(([name, family]) => ({ name, ...family, retimedMs: retime(family) }))
printTable(rows)
const slowest = [...rows].sort((a, b) => b.retimedMs - a.retimedMs).slice(0, 3)
console.log(
  `slowest re-timed: ${slowest.map((row) => `${row.name} body ${row.slowest?.index} (${row.slowest?.body.length} chars)`).join(', ')}`,
)
for (const example of examples) console.log(example)
const failed = rows.some((row) => row.crashes + row.lost + row.wronglyFound + row.extraLost > 0 || row.retimedMs > TIME_LIMIT_MS)
console.log(
  `\n${count.toLocaleString('en-US')} bodies (seed ${seed}) in ${elapsed.toFixed(0)} s; GitHub (cmark-gfm) compared on every ${githubEvery}th. ${failed ? 'FAILED' : 'OK'}`,
)
if (failed) process.exitCode = 1

function tally(family: FamilyStats, index: number, name: string, problems: Problem[]): void {
  for (const problem of problems) {
    if (problem.kind === 'lost') family.lost++
    else if (problem.kind === 'wrongly found') family.wronglyFound++
    else family.extraLost++
    note(index, name, `${problem.kind} ${problem.field}: ${problem.detail}`)
  }
}

function note(index: number, family: string, text: string): void {
  if (examples.length < 12) examples.push(`  body ${index} (${family}): ${text}`)
}

/** The slowest body's median over a few more runs: one slow run may be a GC pause or a busy machine. */
function retime(family: FamilyStats): number {
  if (family.slowest === null) return 0
  const { body, template } = family.slowest
  const runs: number[] = []
  for (let i = 0; i < RETIME_RUNS; i++) {
    const t0 = performance.now()
    parseIssueBody(body, template)
    runs.push(performance.now() - t0)
  }
  return runs.sort((a, b) => a - b)[Math.floor(RETIME_RUNS / 2)] ?? 0
}

function emptyStats(): FamilyStats {
  const zero = { bodies: 0, maxChars: 0, crashes: 0, lost: 0, wronglyFound: 0, extraLost: 0, missedVsGitHub: 0, beyondGitHub: 0 }
  return { ...zero, totalMs: 0, slowestWallMs: 0, slowestCpuMs: 0, slowest: null }
}

function printTable(table: (FamilyStats & { name: string; retimedMs: number })[]): void {
  const header = ['family', 'bodies', 'max chars', 'crashes', 'lost', 'wrongly found', 'extra lost', 'missed vs GitHub', 'beyond GitHub']
  header.push('mean ms', 'max wall ms', 'max CPU ms', 're-timed ms')
  const body = table.map((row) => [
    row.name,
    ...[row.bodies, row.maxChars, row.crashes, row.lost, row.wronglyFound, row.extraLost, row.missedVsGitHub, row.beyondGitHub].map((n) =>
      n.toLocaleString('en-US'),
    ),
    ...[row.bodies === 0 ? 0 : row.totalMs / row.bodies, row.slowestWallMs, row.slowestCpuMs, row.retimedMs].map((ms) => ms.toFixed(2)),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' │ ')
  console.log(line(header))
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'))
  for (const cells of body) console.log(line(cells))
}
