/**
 * Charts that render on GitHub: Mermaid `pie` (GitHub draws it in issues and Markdown files)
 * and Unicode block bars in table cells, which read the same in any viewer, e-mail included.
 * No `xychart-beta`: GitHub's Mermaid support for it is not something to depend on.
 */
import { truncate } from '../render/sanitize'

const BAR = '█'
/** Longest bar, in blocks; larger counts are scaled to it. */
export const BAR_WIDTH = 20

export interface Slice {
  label: string
  value: number
}

/** A pie slice label inside double quotes: no quotes, one line, bounded. */
export function pieLabel(text: string): string {
  const oneLine = text
    .replace(/["\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return truncate(oneLine, 60) || '—'
}

/** A fenced Mermaid pie with its values shown; empty when no slice has a value. */
export function pieChart(title: string, slices: readonly Slice[]): string[] {
  const shown = slices.filter((slice) => slice.value > 0)
  if (shown.length === 0) return []
  return [
    '```mermaid',
    'pie showData',
    `    title ${pieLabel(title)}`,
    ...shown.map((slice) => `    "${pieLabel(slice.label)}" : ${slice.value}`),
    '```',
  ]
}

/**
 * `█████ 5`: a bar as long as the count, scaled so `max` fills `BAR_WIDTH` when counts are
 * larger; a non-zero count always shows at least one block. Zero shows just `0`.
 */
export function bar(count: number, max: number): string {
  if (count <= 0) return '0'
  const length = max <= BAR_WIDTH ? count : Math.max(1, Math.round((count / max) * BAR_WIDTH))
  return `${BAR.repeat(length)} ${count}`
}
