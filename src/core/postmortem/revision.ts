/**
 * Reviewers edit the post-mortem on its branch, and after the merge on the default branch. A
 * later run (a rating recorded, a close delivered again) must not write over their words: the
 * PR's marker records a fingerprint of the document the action last committed, and once the
 * document no longer matches it, the action only brings its own sections up to date.
 */
import { readMarker, renderMarker } from '../render/markers'

/** Sections made of what the action records (clocks, timeline, ratings, people): kept current in a document reviewers edited. */
export const ACTION_SECTIONS = ['Tier and SLA results', 'Timeline', 'Customer satisfaction', 'Communication log', 'People involved']

/** Sections only reviewers write: a follow-up to a merged post-mortem carries them over from it. */
export const REVIEWER_SECTIONS = ['What went well', 'What went badly', 'Where we got lucky', 'Preventive action items']

/** FNV-1a over the text's UTF-16 code units: a short, stable fingerprint (not a security measure). */
export function digest(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** The PR body with its post-mortem marker recording the committed document's fingerprint. */
export function bodyWithDigest(body: string, documentDigest: string): string {
  const marker = readMarker(body)
  if (marker?.kind !== 'postmortem') return body
  const rest = body.slice(body.indexOf('-->') + 3)
  return `${renderMarker('postmortem', { ...(marker.data as object), digest: documentDigest })}${rest}`
}

export function recordedDigest(body: string): string | null {
  const data = readMarker(body)?.data as { digest?: unknown } | undefined
  return typeof data?.digest === 'string' ? data.digest : null
}

interface Section {
  title: string
  /** Line indexes: the heading, and the first line after the section. */
  start: number
  end: number
}

/** Top-level `## ` sections, fenced code skipped (a `## ` line inside a fence is text). */
function sections(lines: string[]): Section[] {
  const found: Section[] = []
  let fence: string | null = null
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trimStart()
    const marker = trimmed.startsWith('```') ? '```' : trimmed.startsWith('~~~') ? '~~~' : null
    if (marker && (fence === null || fence === marker)) fence = fence === null ? marker : null
    if (fence !== null || !line.startsWith('## ')) continue
    const last = found.at(-1)
    if (last) last.end = index
    found.push({ title: line.slice(3).trim(), start: index, end: lines.length })
  }
  return found
}

/** `current` with each of `titles`' sections taken from `fresh`; sections missing on either side are left as they are. */
export function patchSections(current: string, fresh: string, titles: readonly string[] = ACTION_SECTIONS): string {
  const mine = current.split('\n')
  const theirs = fresh.split('\n')
  const freshSections = sections(theirs)
  let result = mine
  for (const title of titles) {
    const target = sections(result).find((section) => section.title === title)
    const source = freshSections.find((section) => section.title === title)
    if (!target || !source) continue
    result = [...result.slice(0, target.start), ...theirs.slice(source.start, source.end), ...result.slice(target.end)]
  }
  return result.join('\n')
}
