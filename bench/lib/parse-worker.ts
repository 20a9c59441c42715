/**
 * Times parseIssueBody on the hostile bodies, in whatever Node runs this file (the parse
 * scenario runs it under the action's Node 24). Prints one JSON object: WorkerOutput.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseFormTemplate, parseIssueBody } from '../../src/core/form'
import { hostileBodies } from '../../test/unit/form/hostile-bodies'
import { median } from './stats'

const WARM_UP = 3
const RUNS = 20

const PARSE_INPUTS: Record<string, string> = {
  '### + 65,000 spaces': hostileBodies['heading of spaces']!,
  '16,384 lines of ###': hostileBodies['empty headings']!,
  '> x 65,536 (nested quotes)': hostileBodies['nested quotes']!,
  '- [x] a lines to 65,536': hostileBodies['checkbox items']!,
  '``` fences repeated': hostileBodies['empty fences']!,
  '[ x 65,536': hostileBodies['open brackets']!,
  '### + 4,000 spaces': `###${' '.repeat(4_000)}`,
}

export interface ParseTiming {
  input: string
  chars: number
  medianMs: number
  maxMs: number
}

export interface WorkerOutput {
  node: string
  runs: number
  warmUp: number
  timings: ParseTiming[]
}

if (process.argv[2] === '--run') {
  const template = parseFormTemplate(readFileSync('templates/ISSUE_TEMPLATE/escalation.yml', 'utf8'))
  const timings: ParseTiming[] = []
  for (const [input, body] of Object.entries(PARSE_INPUTS)) {
    for (let i = 0; i < WARM_UP; i++) parseIssueBody(body, template)
    const ms: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      parseIssueBody(body, template)
      ms.push(performance.now() - start)
    }
    timings.push({ input, chars: body.length, medianMs: median(ms), maxMs: Math.max(...ms) })
  }
  const output: WorkerOutput = { node: process.version, runs: RUNS, warmUp: WARM_UP, timings }
  process.stdout.write(JSON.stringify(output))
}
