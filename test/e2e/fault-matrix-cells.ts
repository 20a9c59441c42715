/**
 * The fault matrix's parts: a proxy that fails chosen requests in GitHub's place (GraphQL
 * mutations by their operation name, which the local GitHub's own fault queue cannot tell
 * apart from queries), loses answers after GitHub stored the write, or plays a racing run;
 * the scenarios that bring a repository to the run that makes each write; and the checks that
 * nothing the action wrote is there twice.
 */
import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import { expect } from 'vitest'
import { readMarker } from '../../src/core/render/markers'
import { runAction } from '../harness'
import type { FaultAnswer, LocalGitHub, WebhookEvent } from '../local-github'
import { actionIssues, CRITICAL, pushItems } from './followup-helpers'
import {
  answers,
  cardRow,
  close,
  closeEvent,
  documentOf,
  expectOk,
  file,
  fileAndTakeIn,
  noticeKey,
  postMortemBranches,
  resolvedNotices,
} from './postmortem-helpers'
import { COMPLETE, formBody, teamConfig, type Answers } from './scenario'
import { BOT_LOGIN, expectSuccess, fileEscalation, onlyComment, ownComments, serveAsGitHub } from './thread'

/** What the proxy does to a request it matches. */
export type ProxyAction = { answer: FaultAnswer } | { lose: true } | { twin: true }

export interface ProxyRule {
  method: string
  /** An OpenAPI template (`/repos/{owner}/{repo}/issues`) or `graphql`. */
  route: string
  /** For `graphql`: the mutation's operation name (`EscalationPinReport`). */
  operation?: string
  action: ProxyAction
  /** How many matching requests it takes; later ones pass untouched. */
  times: number
}

/** `/repos/{owner}/{repo}/issues/{issue_number}` matches `/repos/acme/support/issues/7`: segment by segment, no pattern. */
export function matchesTemplate(template: string, url: string): boolean {
  const wanted = template.split('/')
  const actual = url.split('?')[0]!.split('/')
  return (
    wanted.length === actual.length && wanted.every((segment, at) => (segment.startsWith('{') ? actual[at] !== '' : segment === actual[at]))
  )
}

function operationOf(body: string): string | undefined {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query
    const words =
      typeof query === 'string'
        ? query
            .trimStart()
            .slice(0, 200)
            .split(/[\s({]+/)
        : []
    return words[0] === 'mutation' ? words[1] : undefined
  } catch {
    return undefined
  }
}

function matches(rule: ProxyRule, method: string, url: string, body: string): boolean {
  if (rule.method !== method) return false
  if (rule.route === 'graphql') return url.split('?')[0] === '/graphql' && operationOf(body) === rule.operation
  return matchesTemplate(rule.route, url)
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A JSON answer in GitHub's shape; `x-ratelimit-remaining` is not 0, so a 403 is no primary rate limit. */
function fault(res: ServerResponse, answer: Extract<FaultAnswer, { status: number }>): void {
  const body = JSON.stringify({ message: answer.message ?? 'Server Error', documentation_url: 'https://docs.github.com/rest' })
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '999', ...answer.headers })
  res.end(body)
}

/**
 * A proxy in front of the local GitHub applying `rules` (each its `times`, first match wins):
 * an answer in GitHub's place (nothing stored), an answer lost after GitHub stored the write,
 * or a twin (the same request sent once before it, as a racing run would). Pass `env` to
 * `runAction`; `hits` lists each request a rule took (`METHOD url`) with the rule.
 */
export async function startFaultProxy(gh: LocalGitHub, rules: ProxyRule[]) {
  const upstream = new URL(gh.url)
  const left = rules.map((rule) => rule.times)
  const hits: { rule: ProxyRule; request: string }[] = []
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const headers: OutgoingHttpHeaders = { ...req.headers, host: upstream.host }
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, resolve)
      out.on('error', reject)
      out.end(body)
    })
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req)
      const index = rules.findIndex(
        (rule, at) => left[at]! > 0 && matches(rule, req.method ?? 'GET', req.url ?? '/', body.toString('utf8')),
      )
      const action = index >= 0 ? rules[index]!.action : undefined
      if (action) {
        left[index]! -= 1
        hits.push({ rule: rules[index]!, request: `${req.method} ${req.url}` })
      }
      if (action && 'answer' in action) {
        if ('timeoutMs' in action.answer) setTimeout(() => req.socket.destroy(), action.answer.timeoutMs)
        else fault(res, action.answer)
        return
      }
      if (action && 'twin' in action) (await forward(req, body)).resume()
      const answer = await forward(req, body)
      if (action && 'lose' in action) {
        answer.resume()
        answer.on('end', () => res.destroy())
        return
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })().catch(() => res.destroy())
  })
  return { ...(await serveAsGitHub(server)), hits }
}

/** The notification keys a marked comment of the action's stands for: its kind, and each key its marker names. */
function keysOf(body: string): string[] {
  const marker = readMarker(body)
  if (!marker) return []
  const data = (marker.data ?? {}) as { key?: unknown; keys?: unknown }
  const keys = new Set<string>()
  if (typeof data.key === 'string') keys.add(data.key)
  if (Array.isArray(data.keys)) for (const key of data.keys) if (typeof key === 'string') keys.add(key)
  return keys.size === 0 ? [marker.kind] : [...keys].map((key) => `${marker.kind} ${key}`)
}

/**
 * Nothing the action wrote is there twice, anywhere in the repository: on every issue and pull
 * request at most one of its comments per kind and key (one card, one notice per reason), no
 * two issues of its own with the same title, no sub-issue linked twice, and no two pull requests
 * of its own from the same branch.
 */
export function expectNothingTwice(gh: LocalGitHub): void {
  const twice: string[] = []
  const counted = (what: string[]) => {
    const seen = new Map<string, number>()
    for (const item of what) seen.set(item, (seen.get(item) ?? 0) + 1)
    twice.push(...[...seen].filter(([, count]) => count > 1).map(([item, count]) => `${item} ×${count}`))
  }
  const numbers = gh.inventory().numbers
  for (const number of numbers) {
    const own = gh.comments(number).filter((comment) => comment.user.login === BOT_LOGIN)
    counted(own.flatMap((comment) => keysOf(comment.body ?? '').map((key) => `#${number} ${key}`)))
    counted(gh.subIssuesOf(number).map((issue) => `#${number} sub-issue #${issue.number}`))
  }
  const issues = numbers.map((number) => gh.issue(number)).filter((issue) => issue.user?.login === BOT_LOGIN && !issue.pull_request)
  counted(issues.map((issue) => `issue "${issue.title}"`))
  counted(gh.pulls().map((pull) => `pull request from ${pull.head.ref}`))
  expect(twice, 'written twice').toEqual([])
}

/** A repository brought to the run that makes the write under test. */
export interface Staged {
  /** The event whose run meets the fault. */
  event: WebhookEvent
  /** Runs that redo the work without faults, in order: the same event again, or a sweep. */
  rerun: WebhookEvent[]
  /**
   * The end state is complete: every planned write is there (`expectNothingTwice` checks the
   * rest). Given the cell's own GitHub: the stage runs once per scenario, each cell from a copy.
   */
  expectComplete(gh: LocalGitHub): void
}

export interface Scenario {
  name: string
  config?: string
  /** Inputs of every run (a token that can use Projects). */
  inputs?: Record<string, string>
  stage(gh: LocalGitHub): Promise<Staged>
  /** Proxy rules the faulted run needs whatever the fault (a racing run's twin). */
  alongside?: ProxyRule[]
}

const reacted = (gh: LocalGitHub, number: number, commentId: number) =>
  (gh.comments(number).find((comment) => comment.id === commentId)?.reactions as Record<string, number>)['+1']

/** Filed through the form as carla and taken in (card, labels, owner); returns the number and its events. */
async function intake(gh: LocalGitHub, answers: Answers = COMPLETE) {
  const filed = fileEscalation(gh, { answers })
  // The `labeled` event that follows finds nothing left to do: its run is left out.
  expectSuccess(await runAction(gh, filed.opened))
  return filed
}

/** A command typed by olivia a few minutes after intake; the card and its 👍 are what must follow. */
function command(name: string, text: string, expectCard: (gh: LocalGitHub, number: number) => void): Scenario {
  return {
    name,
    async stage(gh) {
      const { number } = await intake(gh)
      gh.clock.advance(12)
      const event = gh.act.comment(number, text, 'olivia')
      return {
        event,
        rerun: [event],
        expectComplete(gh) {
          expect(reacted(gh, number, event.commentId), 'one 👍 on the command').toBe(1)
          expectCard(gh, number)
        },
      }
    },
  }
}

/** The post-mortem as planned: one PR from one branch, labelled, reviews asked, the document there, one notice, the card pointing at it. */
function expectPostMortem(gh: LocalGitHub, number: number, draft = false): void {
  expect(gh.pulls(), 'one post-mortem PR').toHaveLength(1)
  const [pull] = gh.pulls()
  expect(postMortemBranches(gh)).toEqual([pull!.head.ref])
  expect(pull!.labels.map((label) => label.name)).toEqual(['postmortem'])
  expect(pull!.requested_reviewers.map((user) => user.login)).toEqual(['olivia', 'carla'])
  expect(pull!.draft).toBe(draft)
  expect(documentOf(gh, pull!)).toContain('# Post-mortem:')
  expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${pull!.number}`])
  expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${pull!.number}`)
}

const READY = [
  '- [ ] Add a regression test for the stage filter of the stale-opportunity automation @tom due 2026-12-15',
  '- [ ] Alert when more than 50 opportunities close within an hour @olivia due 2026-12-20',
  '- [ ] Write the restore-from-backup procedure (SOP) @olivia due 2027-01-10',
]

/** The same escalation closed again (after a reopen and an edit of its body): the open PR follows. */
function closedAgain(name: string, first: Answers, then: Answers, draftAfter: boolean): Scenario {
  return {
    name,
    async stage(gh) {
      const number = file(gh, { answers: first })
      expectOk(await close(gh, number))
      gh.clock.advance(60 * 26)
      gh.act.reopen(number, 'carla')
      gh.act.editIssue(number, { by: 'carla', body: formBody(then) })
      const event = closeEvent(gh, number)
      return { event, rerun: [event], expectComplete: (gh) => expectPostMortem(gh, number, draftAfter) }
    },
  }
}

/** The 09:23 sweep over a Critical escalation filed at 09:00: the at-risk status, the card, the ledger (its report issue, pinned). */
function sweepAtRisk(name: string, alongside?: ProxyRule[]): Scenario {
  return {
    name,
    alongside,
    async stage(gh) {
      const { number } = await intake(gh, CRITICAL)
      gh.clock.set('2026-11-24T09:23:00Z')
      const event = gh.schedulePayload()
      return {
        event,
        rerun: [event],
        expectComplete(gh) {
          const statuses = ownComments(gh, number, 'status')
          expect(statuses, 'one status comment').toHaveLength(1)
          expect(statuses[0]!.body).toContain('Acknowledge target at risk')
          expect(onlyComment(gh, number, 'card').body).toContain('at risk')
          expect(gh.issuesWithLabel('escalation-report'), 'one report issue').toHaveLength(1)
          const report = gh.issuesWithLabel('escalation-report')[0]!
          expect(ownComments(gh, report, 'ledger').length, 'its ledger').toBeGreaterThan(0)
          // A pin that failed in the faulted run is made by the next sweep, which reads the issue unpinned.
          const pins = gh.requests.filter((request) => request.operation === 'EscalationPinReport' && request.status === 200)
          expect(pins.length, 'the report issue pinned').toBeGreaterThan(0)
        },
      }
    },
  }
}

const WITH_BOARD = teamConfig((config) => (config.project = { owner: 'acme', number: 3 }))

export const SCENARIOS = {
  intake: {
    name: 'intake',
    async stage(gh) {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      return {
        event: opened,
        rerun: [opened],
        expectComplete(gh) {
          expect(onlyComment(gh, number, 'card').body).toContain('**Notified:** @acme/support-leads')
          expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
          expect(gh.assigneesOf(number)).toEqual(['olivia'])
        },
      }
    },
  },
  board: {
    name: 'intake with a Projects board',
    config: WITH_BOARD,
    inputs: { token: 'ghs_deskapp' },
    async stage(gh) {
      gh.createProject({
        owner: 'acme',
        number: 3,
        title: 'Escalations',
        fields: [
          { name: 'Tier', dataType: 'SINGLE_SELECT', options: ['Critical', 'High', 'Standard'] },
          {
            name: 'State',
            dataType: 'SINGLE_SELECT',
            options: ['Filed', 'Acknowledged', 'Investigating', 'Waiting', 'Resolved', 'Closed'],
          },
          { name: 'SLA due', dataType: 'DATE' },
          { name: 'Customer', dataType: 'TEXT' },
          { name: 'ARR', dataType: 'NUMBER' },
          { name: 'Owner', dataType: 'TEXT' },
        ],
      })
      gh.addToken('ghs_deskapp', { login: 'escalation-desk', kind: 'app', projects: true })
      const { opened, number } = fileEscalation(gh, { answers: CRITICAL })
      return {
        event: opened,
        rerun: [opened],
        expectComplete(gh) {
          const items = gh.projectItems(3)
          expect(items, 'one project item').toHaveLength(1)
          expect(items[0]!.content?.number).toBe(number)
          expect(items[0]!.values).toMatchObject({
            Tier: 'Critical',
            State: 'Filed',
            Customer: 'Globex Corporation',
            ARR: 1200000,
            Owner: 'olivia',
          })
        },
      }
    },
  },
  ack: command('/ack', '/ack', (gh, number) => expect(onlyComment(gh, number, 'card').body).toContain('Acknowledged by olivia')),
  owner: command('/owner', '/owner @tom', (gh, number) => {
    expect(gh.assigneesOf(number)).toEqual(['tom'])
    expect(onlyComment(gh, number, 'card').body).toContain('| **Owners** | @tom |')
  }),
  completed: {
    name: 'the filer completes the form',
    async stage(gh) {
      const { number } = await intake(gh, { ...COMPLETE, rootCause: 'tbd' })
      expect(gh.labelsOf(number)).toContain('needs-info')
      gh.clock.advance(20)
      const event = gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) })
      return {
        event,
        rerun: [event],
        expectComplete(gh) {
          expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
          expect(onlyComment(gh, number, 'card').body).not.toContain('**Root cause**')
        },
      }
    },
  },
  resolve: {
    name: '/resolve',
    async stage(gh) {
      const { number } = await intake(gh, CRITICAL)
      gh.clock.advance(60)
      const event = gh.act.comment(number, '/resolve Restored all 1,412 opportunities from the nightly backup.', 'olivia')
      return {
        event,
        rerun: [event],
        expectComplete(gh) {
          expect(gh.issue(number)).toMatchObject({ state: 'closed', state_reason: 'completed' })
          expect(reacted(gh, number, event.commentId)).toBe(1)
          expectPostMortem(gh, number)
        },
      }
    },
  },
  close: {
    name: 'closed as completed',
    async stage(gh) {
      const number = await fileAndTakeIn(gh)
      gh.clock.advance(60)
      const event = closeEvent(gh, number)
      return { event, rerun: [event], expectComplete: (gh) => expectPostMortem(gh, number) }
    },
  },
  completedInReview: closedAgain('a draft post-mortem completed', answers({ rootCause: 'tbd' }), answers({}), false),
  emptiedInReview: closedAgain('a ready post-mortem emptied', answers({}), answers({ rootCause: 'tbd' }), true),
  merge: {
    name: 'the post-mortem merged with preventive actions',
    async stage(gh) {
      const number = file(gh)
      expectOk(await close(gh, number))
      const [pull] = gh.pulls()
      await pushItems(gh, pull!, READY, { run: false })
      const event = gh.act.mergePull(pull!.number, { by: 'olivia' })
      return {
        event,
        rerun: [event],
        expectComplete(gh) {
          const issues = actionIssues(gh)
          expect(issues.map((issue) => issue.title)).toEqual(READY.map((item) => item.slice('- [ ] '.length, item.indexOf(' @'))))
          // Each once (in any order: one linked by a re-run comes after the others).
          expect(
            gh
              .subIssuesOf(number)
              .map((issue) => issue.number)
              .sort((a, b) => a - b),
          ).toEqual(issues.map((issue) => issue.number))
          expect(cardRow(gh, number, 'Preventive actions')?.split(' · ')).toHaveLength(3)
        },
      }
    },
  },
  sweep: sweepAtRisk('a sweep'),
  // A racing sweep posts the same status comment first: this run's settling deletes its own twin.
  race: sweepAtRisk('a sweep racing another', [
    { method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments', action: { twin: true }, times: 1 },
  ]),
} satisfies Record<string, Scenario>
