/** Issue snapshots and form bodies for the unit tests of the core: plain data, no GitHub. */
import { defaultConfig } from '../../src/config/defaults'
import { parseFormTemplate } from '../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../src/core/form/parse-issue-body'
import type { CommentSnapshot, IssueEvent, IssueSnapshot } from '../../src/core/snapshot'
import type { PostMortemInput } from '../../src/core/postmortem/plan-postmortem'
import { builtInFormText, builtInPostMortemTemplate } from '../../src/templates.generated'

export const config = defaultConfig()
export const template = parseFormTemplate(builtInFormText)
export const at = (time: string) => new Date(time.includes('T') ? time : `2026-11-24T${time}:00Z`)

export const FIELDS: Record<string, string> = {
  customer: 'Globex Corporation',
  'what-happened': 'Every open opportunity was closed overnight.',
  'root-cause': 'A stale-opportunity automation shipped without its stage filter.',
  impact: 'All 140 sales reps cannot work their pipeline; renewal at risk.',
}

/** `### Label` + value per form field, as GitHub renders the form; fields not given: `_No response_`. */
export function body(values: Record<string, string> = FIELDS): string {
  return template.fields
    .filter((field) => field.type !== 'checkboxes' && field.type !== 'dropdown')
    .map((field) => `### ${field.label}\n\n${values[field.id] ?? '_No response_'}`)
    .join('\n\n')
}

let nextId = 1
export function comment(time: string, author: string, text: string, extra: Partial<CommentSnapshot> = {}): CommentSnapshot {
  return {
    id: nextId++,
    body: text,
    author,
    authorIsBot: false,
    createdAt: at(time),
    viewerReactions: [],
    markedForTimeline: false,
    ...extra,
  }
}

export const bot = (time: string, text: string, extra: Partial<CommentSnapshot> = {}) =>
  comment(time, 'github-actions', text, { authorIsBot: true, ...extra })

type EventFields = IssueEvent extends infer E ? (E extends IssueEvent ? Omit<E, 'at' | 'actor' | 'actorIsBot'> : never) : never

export function event(time: string, actor: string, rest: EventFields & { actorIsBot?: boolean }): IssueEvent {
  return { actorIsBot: false, ...rest, at: at(time), actor } as IssueEvent
}

/** Escalation #7, tier-1, filed 09:00 by carla, closed as completed at 13:00 by olivia. */
export function issue(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    number: 7,
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: body(),
    state: 'closed',
    stateReason: 'completed',
    author: 'carla',
    createdAt: at('09:00'),
    closedAt: at('13:00'),
    url: 'https://github.com/acme/support/issues/7',
    labels: ['escalation', 'tier-1'],
    assignees: ['olivia'],
    comments: [],
    commentsTruncated: false,
    events: [
      event('09:00', 'carla', { kind: 'labeled', label: 'escalation' }),
      event('09:00', 'carla', { kind: 'labeled', label: 'tier-1' }),
      event('13:00', 'olivia', { kind: 'closed', stateReason: 'completed' }),
    ],
    ...overrides,
  }
}

export function input(snapshot: IssueSnapshot, overrides: Partial<PostMortemInput> = {}): PostMortemInput {
  return {
    issue: snapshot,
    config,
    template,
    parsed: parseIssueBody(snapshot.body, template),
    documentTemplate: builtInPostMortemTemplate,
    ...overrides,
  }
}
