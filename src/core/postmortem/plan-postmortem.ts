import { utcDate } from '../time/sla-clock'
import type { Config } from '../../config/types'
import type { MissingField } from '../intake/check-required'
import type { Escalation } from '../lifecycle/derive'
import { hasPermission } from '../intake/permissions'
import { fitBody } from '../render/limits'
import { readMarker, renderMarker } from '../render/markers'
import { safeInline, safeTitle } from '../render/sanitize'
import type { IssueSnapshot, RepoPermission } from '../snapshot'
import { renderPostMortem } from './document'
import { locatePostMortem, postMortemDirectory, type PostMortemLocation } from './paths'
import { displayTitle } from './title'

export interface PullInfo {
  /** GraphQL node id, for the draft / ready-for-review mutations. */
  id: string
  number: number
  isDraft: boolean
  state: 'OPEN' | 'MERGED' | 'CLOSED'
  title: string
  body: string
  url: string
  headRefName: string
  /** Opened by the action's own identity: only such a PR can be the post-mortem. */
  byAction: boolean
  labels: string[]
  /** Logins, and teams as `team:<slug>`, whose review is requested. */
  requestedReviewers: string[]
}

export interface PostMortemPlanInput {
  escalation: Escalation
  config: Config
  documentTemplate: string
}

export type PostMortemPlan =
  | { kind: 'skip'; reason: string }
  | {
      kind: 'publish'
      location: PostMortemLocation
      document: string
      title: string
      body: string
      draft: boolean
      missing: MissingField[]
      reviewers: string[]
      teamReviewers: string[]
    }

/** Closed as completed means resolved; `not_planned`, `duplicate` and anything new mean not. */
export function closedAsCompleted(issue: IssueSnapshot): boolean {
  return issue.state === 'closed' && (issue.stateReason === 'completed' || issue.stateReason === null)
}

/** Who closed the escalation, as the timeline says: the action closes for a `/resolve`. */
export function closerOf(escalation: Escalation): { login: string | null; viaResolve: boolean } {
  const closed = escalation.issue.events.findLast((event) => event.kind === 'closed')
  if (!closed) return { login: null, viaResolve: false }
  if (closed.byAction) return { login: escalation.resolution?.by ?? null, viaResolve: escalation.resolution !== null }
  return { login: closed.actor, viaResolve: false }
}

/**
 * Whether the close may open the post-mortem: a `/resolve` (accepted from the team), or a close
 * by someone with `post-mortem.close-permission`. An outsider's close is recorded and waits.
 */
export function closeConfirmed(escalation: Escalation, config: Config, permissions: ReadonlyMap<string, RepoPermission>): boolean {
  if (escalation.resolution) return true
  const closer = closerOf(escalation)
  return closer.login !== null && hasPermission(permissions.get(closer.login), config.postMortem.closePermission)
}

const BRANCH_SAFE = /^postmortem\/[a-z0-9][a-z0-9-]{0,80}$/
/** The file name `locatePostMortem` gives: `<YYYY-MM-DD>-<number>-<slug>.md`. */
const FILE_SAFE = /^\d{4}-\d{2}-\d{2}-\d{1,10}-[a-z0-9-]{1,60}\.md$/

/**
 * The post-mortem marker of a PR the action opened says which escalation and file it holds.
 * Even then its data is checked: the issue must be this one, the branch under `postmortem/`,
 * the path a Markdown file under the configured directory without `..`.
 */
export function pullLocation(pull: PullInfo, number: number, config: Config): PostMortemLocation | null {
  if (!pull.byAction) return null
  const marker = readMarker(pull.body)
  const data = marker?.kind === 'postmortem' ? (marker.data as { issue?: unknown; path?: unknown; branch?: unknown }) : null
  if (!data || data.issue !== number || typeof data.path !== 'string' || typeof data.branch !== 'string') return null
  const directory = `${postMortemDirectory(config)}/`
  const pathOk = data.path.startsWith(directory) && FILE_SAFE.test(data.path.slice(directory.length))
  if (!pathOk || !BRANCH_SAFE.test(data.branch) || pull.headRefName !== data.branch) return null
  return { path: data.path, branch: data.branch }
}

/** What the post-mortem should be now: the document, where it lives, and the PR around it. */
export function planPostMortem(input: PostMortemPlanInput, existing: PostMortemLocation | null): PostMortemPlan {
  const { escalation, config } = input
  const { issue } = escalation
  if (!issue.labels.includes(config.triggerLabel)) return { kind: 'skip', reason: 'not an escalation' }
  if (issue.state !== 'closed') return { kind: 'skip', reason: 'the escalation is open' }
  if (!closedAsCompleted(issue)) return { kind: 'skip', reason: `closed as ${issue.stateReason ?? 'not planned'}` }
  const location = existing ?? locatePostMortem(issue, config)
  const { missing } = escalation
  const document = renderPostMortem({ escalation, config, template: input.documentTemplate })
  const people = [...new Set([...escalation.owners, ...config.postMortem.reviewers, issue.author])]
  // GitHub takes titles of up to 256 characters. Titles notify like bodies: mentions and references made inert.
  const title = `Post-mortem: ${safeTitle(displayTitle(issue.title), 228)} (#${issue.number})`
  const body = fitBody(
    [
      renderMarker('postmortem', { issue: issue.number, path: location.path, branch: location.branch }),
      `Post-mortem for escalation #${issue.number} (${safeInline(escalation.tier.name)}), resolved ${utcDate(escalation.resolvedAt ?? issue.closedAt ?? escalation.start)}.`,
      '',
      `The document is \`${location.path}\`. Reviewers: fill in what went well, what went badly and where we got lucky, and give each preventive action an owner and a due date (\`- [ ] <what> @owner due YYYY-MM-DD\`); merged, each becomes a sub-issue of the escalation.`,
      missing.length > 0
        ? `\n**Draft:** ${missing.map((field) => field.label).join(' and ')} missing at close; fill ${missing.length === 1 ? 'it' : 'them'} in before merging.`
        : '',
    ].join('\n'),
  )
  return {
    kind: 'publish',
    location,
    document,
    title,
    body,
    draft: missing.length > 0,
    missing,
    reviewers: people.filter((login) => !login.includes('/')),
    teamReviewers: people.filter((login) => login.includes('/')).map((team) => team.split('/')[1] ?? team),
  }
}
