/**
 * The fault matrix: every write the action makes to GitHub × every way GitHub fails one. Each
 * cell starts from a repository brought to the run that makes the write (staged once per
 * scenario through the bundle, copied into the cell's own local GitHub), fails that write (a 5xx past the
 * retries, a secondary rate limit with `retry-after: 1`, a 429 with `retry-after: 1`, a hung
 * request dropped after 200 ms, or an answer lost after GitHub stored the write), runs, then
 * redoes the work without faults (the same event again, or the next sweep) and checks that the
 * end state is complete with nothing twice, and that one more run has nothing left to write.
 * A faulted run either succeeds after its retries or fails cleanly: one `::error::`, no stack.
 *
 * The hung request is the local GitHub holding the socket and then dropping it: the action's
 * own 30 s request timeout (REQUEST_TIMEOUT_MS in src/github/octokit.ts) is a constant, not a
 * pacing knob, so a hang that outlasts it cannot be made fast; both reach plugin-retry the same
 * way (a request error without a status, retried as a 500).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { runAction, type RunResult } from '../harness'
import type { FaultAnswer, LocalGitHub, RequestLogEntry, Snapshot } from '../local-github'
import { expectNothingTwice, SCENARIOS, startFaultProxy, type ProxyRule, type Scenario, type Staged } from './fault-matrix-cells'
import { stageOnce, withStaged } from './staged'
import { expectFailure, expectSuccess } from './thread'

type Kind = '5xx' | '403' | '429' | 'timeout' | 'lost'

interface Fault {
  /** What GitHub answers in place of the write; absent: the write is stored and its answer lost. */
  answer?: FaultAnswer
  /** How many attempts it takes. */
  times: number
}

/** One try and plugin-retry’s three (a comment or an issue: a try, a look for it, then a try with two retries). */
const ATTEMPTS = 4
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

const FAULTS: Record<Kind, Fault> = {
  '5xx': { answer: { status: 502 }, times: ATTEMPTS },
  '403': { answer: { status: 403, headers: { 'retry-after': '1' }, message: SECONDARY }, times: 1 },
  '429': { answer: { status: 429, headers: { 'retry-after': '1' } }, times: 1 },
  timeout: { answer: { timeoutMs: 200 }, times: 1 },
  lost: { times: 1 },
}

interface Row {
  scenario: Scenario
  method: string
  /** The OpenAPI template of the REST route, or `graphql`. */
  route: string
  /** The GraphQL mutation's operation name. */
  operation?: string
  what: string
  /** A failure of this write leaves the run successful on purpose: the next run makes it. */
  deferrable?: boolean
  /** Cells that fail because of a product bug, each with why. */
  bugs?: Partial<Record<Kind, string>>
}

const REPO = '/repos/{owner}/{repo}'
const COMMENTS = `${REPO}/issues/{issue_number}/comments`
const LABELS = `${REPO}/issues/{issue_number}/labels`
const ISSUES = `${REPO}/issues`
const { intake, board, ack, owner, completed, resolve, close, completedInReview, emptiedInReview, merge, sweep, race } = SCENARIOS

const ROWS: Row[] = [
  { scenario: intake, method: 'POST', route: COMMENTS, what: 'the card' },
  { scenario: intake, method: 'POST', route: LABELS, what: 'the tier label' },
  { scenario: intake, method: 'POST', route: `${REPO}/issues/{issue_number}/assignees`, what: 'the owner assigned' },
  { scenario: board, method: 'POST', route: 'graphql', operation: 'EscalationAddToProject', what: 'the project item', deferrable: true },
  { scenario: board, method: 'POST', route: 'graphql', operation: 'EscalationProjectField', what: 'a project field', deferrable: true },
  { scenario: ack, method: 'PATCH', route: `${REPO}/issues/comments/{comment_id}`, what: 'the card edited' },
  { scenario: ack, method: 'POST', route: `${REPO}/issues/comments/{comment_id}/reactions`, what: 'the 👍' },
  // A command's 👍 marks it carried out, so it is written after the command's effects.
  { scenario: owner, method: 'DELETE', route: `${REPO}/issues/{issue_number}/assignees`, what: 'the former owner unassigned' },
  { scenario: completed, method: 'DELETE', route: `${REPO}/issues/{issue_number}/labels/{name}`, what: 'needs-info removed' },
  { scenario: resolve, method: 'PATCH', route: `${REPO}/issues/{issue_number}`, what: 'the issue closed' },
  { scenario: close, method: 'POST', route: `${REPO}/git/trees`, what: 'the tree' },
  { scenario: close, method: 'POST', route: `${REPO}/git/commits`, what: 'the commit' },
  { scenario: close, method: 'POST', route: `${REPO}/git/refs`, what: 'the branch' },
  { scenario: close, method: 'POST', route: `${REPO}/pulls`, what: 'the pull request' },
  { scenario: close, method: 'POST', route: LABELS, what: 'the pull request labelled' },
  { scenario: close, method: 'POST', route: `${REPO}/pulls/{pull_number}/requested_reviewers`, what: 'the reviews requested' },
  { scenario: close, method: 'POST', route: COMMENTS, what: 'the resolved notice' },
  { scenario: completedInReview, method: 'PATCH', route: `${REPO}/git/refs/{ref}`, what: 'the branch moved' },
  { scenario: completedInReview, method: 'PATCH', route: `${REPO}/pulls/{pull_number}`, what: 'the pull request edited' },
  { scenario: completedInReview, method: 'POST', route: 'graphql', operation: 'EscalationPostMortemReady', what: 'marked ready' },
  { scenario: emptiedInReview, method: 'POST', route: 'graphql', operation: 'EscalationPostMortemDraft', what: 'back to draft' },
  { scenario: merge, method: 'POST', route: ISSUES, what: 'a preventive action filed' },
  { scenario: merge, method: 'POST', route: `${REPO}/issues/{issue_number}/sub_issues`, what: 'a sub-issue linked' },
  { scenario: sweep, method: 'POST', route: COMMENTS, what: 'the status comment' },
  { scenario: sweep, method: 'POST', route: ISSUES, what: 'the report issue' },
  {
    scenario: sweep,
    method: 'POST',
    route: 'graphql',
    operation: 'EscalationPinReport',
    what: 'the report pinned',
    // Pinning is best effort: a pin that failed leaves the run successful, and the next sweep pins the issue it reads unpinned.
    deferrable: true,
  },
  {
    scenario: race,
    method: 'DELETE',
    route: `${REPO}/issues/comments/{comment_id}`,
    what: 'the twin deleted',
    // When the run that posted the twin cannot remove it, the next sweep that reads both does.
  },
]

const KINDS = Object.keys(FAULTS) as Kind[]
const outcomes = new Map<string, string>()

/** Success, or (only where the fault outlasts the retries or the write may have happened) a clean failure. */
function judge(result: RunResult, kind: Kind): string {
  if (result.exitCode === 0 || (kind !== '5xx' && kind !== 'lost')) {
    expectSuccess(result)
    return 'ok'
  }
  const error = expectFailure(result)
  if (kind === '5xx') expect(error).toContain('502')
  return `failed cleanly (${error.slice(0, 160)})`
}

const writesOf = (requests: readonly { method: string; route: string; operation?: string; write: boolean }[]) =>
  requests.filter((request) => request.write).map((request) => `${request.method} ${request.route} ${request.operation ?? ''}`.trim())

/** The fault armed on the row's write: in the local GitHub's own queue or, for GraphQL and lost answers, in a proxy. */
async function armFault(gh: LocalGitHub, row: Row, fault: Fault) {
  const viaProxy = row.route === 'graphql' || !fault.answer
  const rule: ProxyRule = {
    method: row.method,
    route: row.route,
    operation: row.operation,
    action: fault.answer ? { answer: fault.answer } : { lose: true },
    times: fault.times,
  }
  const rules = [...(row.scenario.alongside ?? []), ...(viaProxy ? [rule] : [])]
  if (!viaProxy) for (let i = 0; i < fault.times; i++) gh.faults.push({ method: row.method, route: row.route }, fault.answer!)
  const proxy = rules.length > 0 ? await startFaultProxy(gh, rules) : null
  const from = gh.requests.length
  const status = fault.answer && 'status' in fault.answer ? fault.answer.status : 0 // a hung request has no status
  const sameWrite = (request: RequestLogEntry) => request.method === row.method && request.route === row.route && request.status === status
  return {
    env: proxy?.env,
    /** Attempts that met the fault. */
    met: () => (proxy && viaProxy ? proxy.hits.filter((hit) => hit.rule === rule) : gh.requests.slice(from).filter(sameWrite)).length,
    async disarm() {
      await proxy?.close()
      gh.faults.clear()
    },
  }
}

/**
 * The work redone without faults: complete, nothing twice, nothing left to write. A run that
 * succeeded must have left nothing to do (but a board update it set aside on purpose).
 */
async function expectRedone(gh: LocalGitHub, row: Row, staged: Staged, succeeded: boolean): Promise<void> {
  const inputs = row.scenario.inputs
  const from = gh.requests.length
  for (const event of staged.rerun) expectSuccess(await runAction(gh, event, { inputs }))
  staged.expectComplete(gh)
  expectNothingTwice(gh)
  if (succeeded && !row.deferrable) {
    expect(writesOf(gh.requests.slice(from)), 'writes of the re-run after a run that succeeded').toEqual([])
    return
  }
  const settled = gh.requests.length
  expectSuccess(await runAction(gh, staged.rerun[0]!, { inputs }))
  expect(writesOf(gh.requests.slice(settled)), 'writes of one more run').toEqual([])
}

/** Each scenario's stage runs once (its own local GitHub); each of its cells starts from a copy. */
const stages = new Map<Scenario, () => Promise<{ value: Staged; snapshot: Snapshot }>>()
const stageOf = (scenario: Scenario) => {
  if (!stages.has(scenario))
    stages.set(
      scenario,
      stageOnce((gh) => scenario.stage(gh), { config: scenario.config }),
    )
  return stages.get(scenario)!
}

async function runCell(row: Row, kind: Kind, name: string): Promise<void> {
  const fault = FAULTS[kind]
  await withStaged(
    stageOf(row.scenario),
    async (gh, staged) => {
      const armed = await armFault(gh, row, fault)
      let result: RunResult
      try {
        result = await runAction(gh, staged.event, { inputs: row.scenario.inputs, env: armed.env })
      } finally {
        await armed.disarm()
      }
      expect(armed.met(), `attempts that met the fault\n${result.stdout}`).toBe(fault.times)
      const outcome = judge(result, kind)
      outcomes.set(name, outcome)
      await expectRedone(gh, row, staged, outcome === 'ok')
    },
    { config: row.scenario.config },
  )
}

const cells = ROWS.flatMap((row) =>
  KINDS.map((kind) => ({ row, kind, name: `${row.scenario.name}: ${row.what} (${row.method} ${row.operation ?? row.route}) × ${kind}` })),
)
console.log(`fault matrix: ${cells.length} cells (${ROWS.length} writes × ${KINDS.length} faults)`)

describe.concurrent('fault matrix', () => {
  for (const { row, kind, name } of cells) {
    const bug = row.bugs?.[kind]
    if (bug) it.fails(`${name} [known bug: ${bug}]`, () => runCell(row, kind, name))
    else it(name, () => runCell(row, kind, name))
  }
  afterAll(() => {
    const lines = cells.map(({ name, row, kind }) => {
      const bug = row.bugs?.[kind] ? ' [known bug]' : ''
      return `${name}${bug}: ${outcomes.get(name) ?? 'did not get through its faulted run'}`
    })
    console.log(`fault matrix, how each faulted run ended:\n${lines.join('\n')}`)
  })
})
