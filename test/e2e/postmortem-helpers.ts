/**
 * Helpers for the post-mortem end-to-end tests: escalations seeded straight into the local
 * GitHub (closing is what matters here; intake runs only where a test needs its card first),
 * close events run through the bundle, and readers for the pull requests, branches, documents,
 * the card and the notices the action leaves behind.
 */
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { cardRowIn } from '../card-rows'
import { runAction, type RunResult } from '../harness'
import { type LocalGitHub, type WebhookEvent } from '../local-github'
import { COMPLETE, formBody, type Answers } from './scenario'
import { ownComments, type Comment } from './thread'

export { BOT_LOGIN, mark, ownComments as own, withRepo } from './thread'
export type { Comment }

export type Pull = ReturnType<LocalGitHub['pulls']>[number]

/** Every heading of the built-in template, in order (`# Post-mortem: {{title}}` as its prefix). */
export const TEMPLATE_HEADINGS: string[] = readFileSync('templates/postmortem.md', 'utf8')
  .split('\n')
  .filter((line) => /^#{1,6} /.test(line))
  .map((line) => line.replace(/\{\{title\}\}$/, '').trimEnd())

export const ZWJ = '\u200D'

export interface FileOptions {
  title?: string
  answers?: Answers
  /** The tier label put on at filing (its owner assigned); null: only `escalation`, as the form alone does. */
  tier?: string | null
  /** Who files it; carla (triage) unless told. */
  by?: string
}

function openEscalation(gh: LocalGitHub, options: FileOptions) {
  const tier = options.tier === undefined ? 'tier-1' : options.tier
  return gh.act.openIssue({
    by: options.by ?? 'carla',
    title: options.title ?? '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody(options.answers ?? COMPLETE),
    labels: tier ? ['escalation', tier] : ['escalation'],
    assignees: tier ? [tier === 'tier-3' ? 'tom' : 'olivia'] : [],
  })
}

/** An escalation as filed: `escalation` + tier label, olivia assigned, filed now by carla; no run yet. */
export function file(gh: LocalGitHub, options: FileOptions = {}): number {
  return openEscalation(gh, options).number
}

/** An escalation filed and taken in by the action (its card posted): what a close usually meets. */
export async function fileAndTakeIn(gh: LocalGitHub, options: FileOptions = {}): Promise<number> {
  const events = openEscalation(gh, options)
  expectOk(await runAction(gh, events.at(-1)!))
  return events.number
}

/** The close event as GitHub delivers it (olivia, as completed unless told), not yet run. */
export function closeEvent(gh: LocalGitHub, number: number, reason: 'completed' | 'not_planned' | 'duplicate' = 'completed'): WebhookEvent {
  return gh.act.close(number, { by: 'olivia', reason })
}

/** Closes the escalation and runs the bundle on the event. */
export function close(
  gh: LocalGitHub,
  number: number,
  reason: 'completed' | 'not_planned' | 'duplicate' = 'completed',
): Promise<RunResult> {
  return runAction(gh, closeEvent(gh, number, reason))
}

/** One run of the bundle on an event. */
export const run = (gh: LocalGitHub, event: WebhookEvent): Promise<RunResult> => runAction(gh, event)

/** A successful run: exit 0, no `::error::`, nothing on stderr. */
export function expectOk(result: RunResult): void {
  expect(result.errors, result.stdout).toEqual([])
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  expect(result.stderr).toBe('')
}

/** A failed run: non-zero exit, exactly one `::error::` line; returns its message. */
export function expectFailed(result: RunResult): string {
  expect(result.exitCode, result.stdout).not.toBe(0)
  expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1)
  expect(result.stdout, 'no stack trace in the log').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  return result.errors[0]!
}

export const ROUTES = {
  pulls: '/repos/{owner}/{repo}/pulls',
  trees: '/repos/{owner}/{repo}/git/trees',
  commits: '/repos/{owner}/{repo}/git/commits',
  refs: '/repos/{owner}/{repo}/git/refs',
  ref: '/repos/{owner}/{repo}/git/refs/{ref}',
  comments: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
} as const

/** The post-mortem marker of a PR body: which escalation, path and branch it holds. */
export function markerOf(pull: Pull): { issue: number; path: string; branch: string } {
  const match = /^<!-- escalation-desk:postmortem (\{.*?\}) -->/.exec(pull.body ?? '')
  if (!match) throw new Error(`PR #${pull.number} has no post-mortem marker:\n${pull.body}`)
  return JSON.parse(match[1]!)
}

/** The document a PR proposes, read from its head branch at the path its marker names. */
export function documentOf(gh: LocalGitHub, pull: Pull): string {
  const text = gh.readFile(pull.head.ref, markerOf(pull).path)
  if (text === undefined) throw new Error(`no document for PR #${pull.number} on ${pull.head.ref}`)
  return text
}

/** Branches other than the default one. */
export const postMortemBranches = (gh: LocalGitHub) => gh.branches().filter((branch) => branch !== gh.defaultBranch)

/** Every file path in the tree of a ref (blobs only). */
export async function pathsAt(gh: LocalGitHub, ref: string): Promise<string[]> {
  const response = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/git/trees/${gh.branchSha(ref)}?recursive=1`, {
    headers: { accept: 'application/vnd.github+json', authorization: 'Bearer test' },
  })
  expect(response.status).toBe(200)
  const tree = (await response.json()) as { tree: { path: string; type: string }[] }
  return tree.tree.filter((entry) => entry.type === 'blob').map((entry) => entry.path)
}

/** The files a PR's head branch has that the default branch does not. */
export async function newPaths(gh: LocalGitHub, pull: Pull): Promise<string[]> {
  const base = new Set(await pathsAt(gh, gh.defaultBranch))
  return (await pathsAt(gh, pull.head.ref)).filter((path) => !base.has(path))
}

/** The action's notices on the escalation, oldest first. */
export const notices = (gh: LocalGitHub, number: number) => ownComments(gh, number, 'notice')

/** The key a notice's marker records (`resolved:<pr>`, `close-unconfirmed:<closedAt>`, …). */
export function noticeKey(comment: Comment): string {
  const match = /^<!-- escalation-desk:notice (\{.*?\}) -->/.exec(comment.body ?? '')
  if (!match) throw new Error(`not a notice:\n${comment.body}`)
  return (JSON.parse(match[1]!) as { key: string }).key
}

/** The text of a notice, without its marker line. */
export const noticeText = (comment: Comment): string => (comment.body ?? '').split('\n').slice(1).join('\n')

/** The notices saying the escalation is resolved and where its post-mortem is: one per post-mortem PR. */
export const resolvedNotices = (gh: LocalGitHub, number: number) =>
  notices(gh, number).filter((comment) => noticeKey(comment).startsWith('resolved:'))

/** The escalation's one living comment, the card. */
export function cardOf(gh: LocalGitHub, number: number): Comment {
  const cards = ownComments(gh, number, 'card')
  expect(cards, `exactly one card on #${number}`).toHaveLength(1)
  return cards[0]!
}

/** The value of one row of the card's table (`| **Post-mortem** | #12 |` → `#12`), or undefined. */
export function cardRow(gh: LocalGitHub, number: number, name: string): string | undefined {
  return cardRowIn(cardOf(gh, number).body ?? '', name)
}

/** The text under a `## heading` of a document, up to the next `## `. */
export function section(document: string, heading: string): string {
  const start = document.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`no section "${heading}"`)
  const body = document.slice(start + heading.length + 5)
  const end = body.indexOf('\n## ')
  return (end < 0 ? body : body.slice(0, end)).trim()
}

/** The Markdown table rows in a text, each split into cells on unescaped `|`. */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => {
      const cells: string[] = []
      let cell = ''
      for (let i = 1; i < line.length; i++) {
        const char = line[i]!
        if (char === '\\' && i + 1 < line.length) {
          cell += char + line[++i]
        } else if (char === '|') {
          cells.push(cell.trim())
          cell = ''
        } else cell += char
      }
      return cells
    })
}

/** Each table in a document has the same number of cells in every row. */
export function expectTablesIntact(document: string): void {
  for (const block of document.split(/\n\s*\n/)) {
    const rows = tableRows(block)
    if (rows.length === 0) continue
    const width = rows[0]!.length
    for (const row of rows) expect(row, `row of a ${width}-column table: ${row.join(' ‖ ')}`).toHaveLength(width)
  }
}

/**
 * `@name` and `@org/team` anywhere in a text that GitHub would link: no joiner after the `@`,
 * not in code, not in an HTML comment (the action's markers).
 */
export function liveMentions(text: string): string[] {
  const prose = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/(?:^|[^\w`])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?)/g)].map((match) => match[1]!)
}

/** The answers with `changes` applied. */
export const answers = (changes: Answers): Answers => ({ ...COMPLETE, ...changes })

export { COMPLETE, formBody }
