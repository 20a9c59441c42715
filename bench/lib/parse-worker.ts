/**
 * Times parseIssueBody on 65,536-character bodies built to make Markdown parsers slow, in
 * whatever Node runs this file (the parse scenario runs it under the action's Node 24). Each
 * hostile content is placed four ways (the whole body, inside a text answer, inside the checklist,
 * after a dropdown answer), repeated or cut to exactly the body limit. Prints one JSON object: WorkerOutput.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseFormTemplate, parseIssueBody } from '../../src/core/form'
import { BODY_LIMIT, hostileBodies } from '../../test/unit/form/hostile-bodies'
import { median } from './stats'

const WARM_UP = 3
const RUNS = 15

/** Hostile bodies grouped by what makes them slow. */
export const PARSE_FAMILIES: Record<string, string[]> = {
  'setext underlines': ['setext underlines', 'setext dashes'],
  'lazy lines after a list item or quote': ['list item then plain lines', 'quote then plain lines'],
  'plain short lines': ['plain short lines', 'blank-separated lines'],
  'heading storms': ['heading of spaces', 'heading of spaces then text', 'empty headings'],
  'deep nesting': [
    'nested quotes',
    'nested quotes with spaces',
    'nested lists',
    'quote staircase',
    'deep lists on every line',
    'list staircase',
  ],
  'thematic breaks': ['thematic breaks of dashes'],
  'fences and HTML left open': ['backticks', 'empty fences', 'tilde fences', 'unclosed comment', 'unclosed pre'],
  'inline runs': [
    'backtick pairs',
    'open brackets',
    'brackets opened then closed',
    'unclosed links',
    'image openers',
    'stars',
    'star letter',
  ],
  'more inline runs': ['star underscore', 'angle brackets', 'comma soup'],
  'checkbox items': ['checkbox items'],
}

const PLACEMENTS: Record<string, [before: string, after: string]> = {
  'whole body': ['', ''],
  'in a text answer': ['### Customer\n\nAcme\n\n### Root cause\n\n', '\n\n### Business impact\n\nAll sales users.\n'],
  'in the checklist': ['### Customer\n\nAcme\n\n### Pre-escalation checklist\n\n- [x] I briefed my manager\n', ''],
  'after a dropdown answer': ['### Requested tier\n\nNone\n\n', '\n\n### Pre-escalation checklist\n\n- [x] I briefed my manager\n'],
}

export interface FamilyTiming {
  family: string
  /** The slowest body of the family: its input and placement. */
  input: string
  chars: number
  medianMs: number
  maxMs: number
}

export interface WorkerOutput {
  node: string
  runs: number
  warmUp: number
  bodies: number
  families: FamilyTiming[]
  /** `###` + 4,000 spaces, the input a peer parser's heading expression is known to be slow on. */
  peer: { chars: number; medianMs: number }
}

/** The content between `before` and `after`, repeated or cut so the body is exactly BODY_LIMIT long. */
function atLimit(content: string, [before, after]: [string, string]): string {
  const room = BODY_LIMIT - before.length - after.length
  const filled = content.length >= room ? content : `${content}\n`.repeat(Math.ceil(room / (content.length + 1)))
  return before + filled.slice(0, room) + after
}

function time(body: string, run: (body: string) => unknown): { medianMs: number; maxMs: number } {
  for (let i = 0; i < WARM_UP; i++) run(body)
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    run(body)
    ms.push(performance.now() - start)
  }
  return { medianMs: median(ms), maxMs: Math.max(...ms) }
}

if (process.argv[2] === '--run') {
  const template = parseFormTemplate(readFileSync('templates/ISSUE_TEMPLATE/escalation.yml', 'utf8'))
  const parse = (body: string) => parseIssueBody(body, template)
  const families: FamilyTiming[] = []
  let bodies = 0
  for (const [family, inputs] of Object.entries(PARSE_FAMILIES)) {
    let worst: FamilyTiming | null = null
    for (const input of inputs) {
      for (const [placement, around] of Object.entries(PLACEMENTS)) {
        const body = atLimit(hostileBodies[input] ?? '', around)
        const timing = time(body, parse)
        bodies++
        if (worst === null || timing.medianMs > worst.medianMs)
          worst = { family, input: `${input}, ${placement}`, chars: body.length, ...timing }
      }
    }
    if (worst !== null) families.push(worst)
  }
  const peerBody = `###${' '.repeat(4_000)}`
  const peer = { chars: peerBody.length, medianMs: time(peerBody, parse).medianMs }
  const output: WorkerOutput = { node: process.version, runs: RUNS, warmUp: WARM_UP, bodies, families, peer }
  process.stdout.write(JSON.stringify(output))
}
