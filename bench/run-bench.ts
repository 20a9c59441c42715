/**
 * `npm run bench`: runs every scenario in order, prints one table (pass/fail where a row has a
 * target), writes bench/results/latest.json. A script, not a test: it exits 1 only when a
 * scenario throws or a target is missed.
 *
 * `npm run bench -- sweep parse` runs only the named scenarios; `--quick` runs them at small sizes
 * (a smoke run: the figures that matter are the full run's).
 *
 * Adding a scenario: write bench/scenarios/<name>.ts exporting an async function that returns
 * Row[] (bench/lib/types.ts), and list it in SCENARIOS below.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { PROJECT_ROOT } from '../test/harness/action-env'
import { coldStart } from './scenarios/cold-start'
import { commands } from './scenarios/commands'
import { day } from './scenarios/day'
import { followup } from './scenarios/followup'
import { intake } from './scenarios/intake'
import { org } from './scenarios/org'
import { parse } from './scenarios/parse'
import { postmortem } from './scenarios/postmortem'
import { sweep } from './scenarios/sweep'
import { round } from './lib/stats'
import { formatTarget, meets, type Row, type Scenario } from './lib/types'

const SCENARIOS: [name: string, run: Scenario][] = [
  ['intake', intake],
  ['cold-start', coldStart],
  ['parse', parse],
  ['sweep', sweep],
  ['postmortem', postmortem],
  ['commands', commands],
  ['day', day],
  ['followup', followup],
  ['org', org],
]

const RESULTS = join(PROJECT_ROOT, 'bench/results/latest.json')

const started = performance.now()
const rows: Row[] = []
const failures: string[] = []
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
for (const [name, run] of SCENARIOS.filter(([name]) => only.length === 0 || only.includes(name))) {
  const t0 = performance.now()
  process.stderr.write(`bench: ${name} … `)
  try {
    rows.push(...(await run()))
    process.stderr.write(`${round((performance.now() - t0) / 1000, 1)} s\n`)
  } catch (error) {
    process.stderr.write('failed\n')
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const checked = rows.map((row) => (row.target ? { ...row, pass: meets(row.value, row.target) } : row))
printTable(checked)

const cpuList = cpus()
const report = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpuList.length, cpuModel: cpuList[0]?.model ?? 'unknown', memGB: round(totalmem() / 2 ** 30, 1) },
  rows: checked,
}
mkdirSync(join(PROJECT_ROOT, 'bench/results'), { recursive: true })
writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`)

const missed = checked.filter((row) => 'pass' in row && !row.pass)
console.log(
  `\n${rows.length} figures, ${checked.filter((r) => 'pass' in r).length} with targets, ${missed.length} missed; ${round((performance.now() - started) / 1000, 1)} s. Written to bench/results/latest.json`,
)
for (const failure of failures) console.log(`FAILED ${failure}`)
if (failures.length > 0 || missed.length > 0) process.exitCode = 1

function printTable(table: (Row & { pass?: boolean })[]): void {
  const header = ['scenario', 'metric', 'value', 'unit', 'target', 'result']
  const notes: string[] = []
  const body = table.map((row) => {
    let metric = row.metric
    if (row.note) {
      notes.push(row.note)
      metric += ` [${notes.length}]`
    }
    return [
      row.scenario,
      metric,
      row.value.toLocaleString('en-US', { maximumFractionDigits: 2 }),
      row.unit,
      row.target ? formatTarget(row.target) : '',
      row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(' │ ')
      .trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'))
  let previous = ''
  for (const [i, cells] of body.entries()) {
    if (previous && table[i]!.scenario !== previous) console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'))
    previous = table[i]!.scenario
    console.log(line(cells))
  }
  for (const [i, note] of notes.entries()) console.log(`[${i + 1}] ${note}`)
}
