import type { Config } from '../../config/types'
import type { FormTemplate, ParsedIssueBody } from '../form/types'
import { findMissingFields, type MissingField } from '../intake/check-required'
import { findOwnComment } from '../own-comments'
import type { Action } from '../plan'
import { fitBody } from '../render/limits'
import { readMarker, renderMarker } from '../render/markers'
import { renderNoticeComment } from '../render/notices'
import type { IssueSnapshot } from '../snapshot'
import { assessEscalation } from '../sweep/assess'
import { safeTitle } from '../render/sanitize'
import { renderPostMortem } from './document'
import { locatePostMortem, type PostMortemLocation } from './paths'

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
}

export interface PostMortemInput {
  issue: IssueSnapshot
  config: Config
  template: FormTemplate
  parsed: ParsedIssueBody
  documentTemplate: string
}

export type PostMortemPlan =
  | { kind: 'skip'; reason: string }
  | { kind: 'not-planned'; actions: Action[] }
  | {
      kind: 'publish'
      /** The escalation's tier label at close. */
      tier: string
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

function notPlanned(issue: IssueSnapshot, config: Config): PostMortemPlan {
  const text = config.postMortem.notPlannedComment
  const key = `closed-${issue.stateReason ?? 'other'}:${issue.closedAt?.toISOString() ?? ''}`
  if (!text || findOwnComment(issue.comments, 'notice', key)) return { kind: 'not-planned', actions: [] }
  return { kind: 'not-planned', actions: [{ kind: 'create-comment', marker: 'notice', key, body: renderNoticeComment({ key, text }) }] }
}

/** The post-mortem marker in a PR body says which escalation and file it belongs to. */
export function pullLocation(pull: PullInfo, number: number): PostMortemLocation | null {
  const marker = readMarker(pull.body)
  const data = marker?.kind === 'postmortem' ? (marker.data as { issue?: unknown; path?: unknown; branch?: unknown }) : null
  if (!data || data.issue !== number || typeof data.path !== 'string' || typeof data.branch !== 'string') return null
  return { path: data.path, branch: data.branch }
}

/** What the post-mortem should be now: the document, where it lives, and the PR around it. */
export function planPostMortem(input: PostMortemInput, existing: PostMortemLocation | null): PostMortemPlan {
  const { issue, config } = input
  if (!issue.labels.includes(config.triggerLabel)) return { kind: 'skip', reason: 'not an escalation' }
  if (issue.state !== 'closed') return { kind: 'skip', reason: 'the escalation is open' }
  if (!closedAsCompleted(issue)) return notPlanned(issue, config)
  const location = existing ?? locatePostMortem(issue, config)
  const missing = findMissingFields(input.parsed, input.template, config)
  const assessment = assessEscalation(issue, config, issue.closedAt ?? issue.createdAt, () => false)
  const document = renderPostMortem({ issue, config, parsed: input.parsed, assessment, missing, template: input.documentTemplate })
  const owners = [...new Set([...assessment.tier.owners, ...config.postMortem.reviewers])]
  // GitHub takes titles of up to 256 characters; the cut falls between graphemes. Titles notify like bodies.
  const title = `${safeTitle(`Post-mortem: ${issue.title}`, 240)} (#${issue.number})`
  const body = fitBody(
    [
      renderMarker('postmortem', { issue: issue.number, path: location.path, branch: location.branch }),
      `Post-mortem for escalation #${issue.number}, closed ${issue.closedAt?.toISOString().slice(0, 10) ?? ''}.`,
      '',
      `The document is \`${location.path}\`. Reviewers: fill in what went well, what went badly, where we got lucky, and give each preventive action an owner.`,
      missing.length > 0
        ? `\n**Draft:** ${missing.map((field) => field.label).join(' and ')} missing at close; fill them in before merging.`
        : '',
    ].join('\n'),
  )
  return {
    kind: 'publish',
    tier: assessment.tier.label,
    location,
    document,
    title,
    body,
    draft: missing.length > 0,
    missing,
    reviewers: owners.filter((login) => !login.includes('/')),
    teamReviewers: owners.filter((login) => login.includes('/')).map((team) => team.split('/')[1] ?? team),
  }
}
