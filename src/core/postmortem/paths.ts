import { utcDate } from '../time/sla-clock'
import type { Config } from '../../config/types'
import type { IssueSnapshot } from '../snapshot'

const MAX_SLUG = 48

/**
 * An ASCII slug of bounded length: accents folded, everything else dashes. Nothing a title
 * holds (`..`, `/`, `.github`, control characters) survives into a path or branch name.
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*\[escalation\]\s*/, '')
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  const cut = slug.length > MAX_SLUG ? slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG) : slug
  return cut.replace(/-+$/, '') || 'escalation'
}

export interface PostMortemLocation {
  path: string
  branch: string
}

/**
 * `<dir>/<YYYY-MM-DD>-<number>-<slug>.md` on branch `postmortem/<number>-<slug>`. The date is
 * the day the issue was filed, so re-closing never moves the document.
 */
export function locatePostMortem(issue: Pick<IssueSnapshot, 'number' | 'title' | 'createdAt'>, config: Config): PostMortemLocation {
  const slug = slugify(issue.title)
  const day = utcDate(issue.createdAt)
  const directory = postMortemDirectory(config)
  return { path: `${directory}/${day}-${issue.number}-${slug}.md`, branch: `postmortem/${issue.number}-${slug}` }
}

/**
 * The folder post-mortems go in. The configuration refuses `..`, absolute paths and `.github`
 * (in any case); this is the second lock on the door, and it refuses rather than guesses.
 */
export function postMortemDirectory(config: Config): string {
  const segments = config.postMortem.directory.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.length === 0 || segments.some((segment) => segment === '..') || segments[0]?.toLowerCase() === '.github') {
    throw new Error(`post-mortem.directory ${JSON.stringify(config.postMortem.directory)} is not a folder the action may write to.`)
  }
  return segments.join('/')
}
