/** Issue snapshots, form bodies and derived escalations for the unit tests of the core: plain data, no GitHub. */
import { defaultConfig } from '../../src/config/defaults'
import type { Config } from '../../src/config/types'
import { parseFormTemplate } from '../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../src/core/form/parse-issue-body'
import { deriveEscalation, type Escalation } from '../../src/core/lifecycle/derive'
import type { Action } from '../../src/core/plan'
import type { CommentSnapshot, IssueEvent, IssueSnapshot, RepoPermission } from '../../src/core/snapshot'
import { builtInFormText } from '../../src/templates.generated'

export const template = parseFormTemplate(builtInFormText)
export const at = (time: string) => new Date(time.includes('T') ? time : `2026-11-24T${time}:00Z`)

/** The built-in configuration with a team filled in, as a repository would after copying it. */
export function teamConfig(change: (config: Config) => void = () => {}): Config {
  const config = structuredClone(defaultConfig())
  const people: Record<string, { owners: string[]; notify: string[]; escalationContacts: string[] }> = {
    'tier-1': { owners: ['olivia'], notify: ['acme/support-leads', 'vp-sam'], escalationContacts: ['cto-casey'] },
    'tier-2': { owners: ['olivia'], notify: ['acme/support-leads'], escalationContacts: ['vp-sam'] },
    'tier-3': { owners: ['tom'], notify: [], escalationContacts: ['olivia'] },
  }
  for (const tier of config.tiers) Object.assign(tier, people[tier.label])
  change(config)
  return config
}

export const config = teamConfig()

export const FIELDS: Record<string, string> = {
  customer: 'Globex Corporation',
  arr: '$250,000',
  'what-happened': 'Every open opportunity was closed overnight.',
  'root-cause': 'A stale-opportunity automation shipped without its stage filter.',
  impact: 'All 140 sales reps cannot work their pipeline; renewal at risk.',
  ask: 'A call with their VP of Sales this week.',
}

/** `### Label` + value per form field, as GitHub renders the form; fields not given: `_No response_`. */
export function body(values: Record<string, string> = FIELDS): string {
  return template.fields
    .filter((field) => field.type !== 'checkboxes')
    .map((field) => `### ${field.label}\n\n${values[field.id] ?? (field.type === 'dropdown' ? 'None' : '_No response_')}`)
    .join('\n\n')
}

let nextId = 1000
export function comment(time: string, author: string, text: string, extra: Partial<CommentSnapshot> = {}): CommentSnapshot {
  return {
    id: nextId++,
    body: text,
    author,
    authorIsBot: false,
    byAction: false,
    createdAt: at(time),
    viewerReactions: [],
    markedForTimeline: false,
    ...extra,
  }
}

/** A comment by the action itself (the token's identity). */
export const own = (time: string, text: string, extra: Partial<CommentSnapshot> = {}) =>
  comment(time, 'github-actions', text, { authorIsBot: true, byAction: true, ...extra })

type EventFields = IssueEvent extends infer E ? (E extends IssueEvent ? Omit<E, 'at' | 'actor' | 'actorIsBot' | 'byAction'> : never) : never

export function event(time: string, actor: string, rest: EventFields & { actorIsBot?: boolean; byAction?: boolean }): IssueEvent {
  return { actorIsBot: false, byAction: false, ...rest, at: at(time), actor } as IssueEvent
}

/** Escalation #7 filed 09:00 by carla (triage), open, labelled `escalation` only. */
export function issue(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    number: 7,
    nodeId: 'I_7',
    databaseId: 700007,
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: body(),
    state: 'open',
    stateReason: null,
    author: 'carla',
    createdAt: at('09:00'),
    closedAt: null,
    url: 'https://github.com/acme/support/issues/7',
    labels: ['escalation'],
    assignees: [],
    comments: [],
    commentsTruncated: false,
    events: [event('09:00', 'carla', { kind: 'labeled', label: 'escalation' })],
    ...overrides,
  }
}

export const PEOPLE: Record<string, RepoPermission> = { carla: 'triage', olivia: 'maintain', tom: 'write', rita: 'read' }

export function derive(
  snapshot: IssueSnapshot,
  now = '09:05',
  options: { config?: Config; permissions?: Record<string, RepoPermission> } = {},
): Escalation {
  const chosen = options.config ?? config
  return deriveEscalation({
    issue: snapshot,
    config: chosen,
    template,
    parsed: parseIssueBody(snapshot.body, template),
    permissions: new Map(Object.entries(options.permissions ?? PEOPLE)),
    now: at(now),
  })
}

/** Applies a plan to a snapshot the way GitHub would, so the next plan sees the result. */
export function applied(snapshot: IssueSnapshot, actions: Action[], time = '09:05'): IssueSnapshot {
  const next = structuredClone(snapshot)
  for (const action of actions) {
    if (action.kind === 'add-labels') {
      next.labels.push(...action.labels)
      next.events.push(
        ...action.labels.map((label) => event(time, 'github-actions', { kind: 'labeled', label, actorIsBot: true, byAction: true })),
      )
    }
    if (action.kind === 'remove-label') next.labels = next.labels.filter((label) => label !== action.label)
    if (action.kind === 'add-assignees') {
      next.assignees.push(...action.logins)
      next.events.push(
        ...action.logins.map((assignee) => event(time, 'github-actions', { kind: 'assigned', assignee, actorIsBot: true, byAction: true })),
      )
    }
    if (action.kind === 'remove-assignees') next.assignees = next.assignees.filter((login) => !action.logins.includes(login))
    if (action.kind === 'create-comment') next.comments.push(own(time, action.body))
    if (action.kind === 'update-comment')
      next.comments = next.comments.map((c) => (c.id === action.commentId ? { ...c, body: action.body } : c))
    if (action.kind === 'add-reaction') {
      next.comments = next.comments.map((c) =>
        c.id === action.commentId
          ? { ...c, viewerReactions: [...c.viewerReactions, action.content === '+1' ? 'THUMBS_UP' : 'CONFUSED'] }
          : c,
      )
    }
    if (action.kind === 'close-issue') Object.assign(next, { state: 'closed', stateReason: 'completed', closedAt: at(time) })
  }
  return next
}

export const writes = (actions: Action[]) =>
  actions.map((action) => (action.kind === 'create-comment' ? `create-comment:${action.marker}` : action.kind))
