import { mulberry32 } from '../../seeded-random'

/** A seeded source of randomness and of the text issue bodies are made of (for the body fuzzer). */
export class Random {
  /** In [0, 1): mulberry32, the same sequence for the same seed everywhere. */
  readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
    }
    return copy
  }
}

const WORDS = ['pipeline', 'renewal', 'Opportunity', 'sync', 'failed', 'customer', 'the', 'and', 'report', 'quota', 'Q3', '$2.1M', 'ARR']
const MARKS = ['**bold**', '_em_', '`code`', '[link](https://example.com)', '#4521', 'a ### b', '<b>', '&amp;', '\\*']
const EMOJI = ['🚨', '🔥', '👩🏽‍💻', '🇩🇪', '✅', 'é', 'ñ', '中文', 'עברית', 'e\u0301', '\u200d', '🏳️‍🌈']
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u00a0']

export function sentence(random: Random, extra: readonly string[] = []): string {
  const pool = extra.length > 0 ? [...WORDS, ...extra] : WORDS
  return Array.from({ length: random.between(2, 12) }, () => random.pick(pool)).join(' ')
}

/** A few paragraphs of the Markdown filers write: prose, lists, quotes, closed fences. */
export function markdownAnswer(random: Random, flavour: 'plain' | 'emoji' | 'control' = 'plain'): string {
  const extra = flavour === 'emoji' ? EMOJI : flavour === 'control' ? CONTROL : MARKS
  const blocks = Array.from({ length: random.between(1, 4) }, () => {
    const kind = random.int(5)
    if (kind === 0) return Array.from({ length: random.between(1, 4) }, () => `- ${sentence(random, extra)}`).join('\n')
    if (kind === 1) return `> ${sentence(random, extra)}`
    if (kind === 2) return `\`\`\`\n${sentence(random, extra)}\n### ${sentence(random)}\n\`\`\``
    return Array.from({ length: random.between(1, 3) }, () => sentence(random, extra)).join('\n')
  })
  return blocks.join('\n\n')
}

/** Any UTF-16 code units, lone surrogates included. */
export function randomCodeUnits(random: Random, length: number): string {
  const units: number[] = []
  for (let i = 0; i < length; i++) units.push(random.chance(0.1) ? 10 : random.chance(0.5) ? random.between(32, 126) : random.int(0x10000))
  return String.fromCharCode(...units)
}

/** Repeats `unit` to about `size` characters. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)))
}

/** Content that has made Markdown parsers slow, sized to about `size` characters. */
export function hostileContent(random: Random, size: number): string {
  const kind = random.pick(HOSTILE_KINDS)
  return kind(size, random)
}

const HOSTILE_KINDS: ((size: number, random: Random) => string)[] = [
  (size) => repeatTo('a\n=\n', size),
  (size) => repeatTo('a\n-\n', size),
  (size) => `- a\n${repeatTo('b\n', size - 4)}`,
  (size) => `> a\n${repeatTo('log line\n', size - 4)}`,
  (size) => repeatTo('b\n', size),
  (size) => repeatTo('b\n\n', size),
  (size) => repeatTo(`${'- '.repeat(40)}\n`, size),
  (size) => repeatTo(`${'- '.repeat(31)}x\n`, size),
  (size) => repeatTo('>', size),
  (size) => repeatTo('[', size),
  (size) => repeatTo('*_', size),
  (size) => repeatTo('###\n', size),
  (size) => repeatTo('```\n', size),
  (size) => repeatTo('- [x] a\n', size),
  (size, random) => Array.from({ length: Math.floor(size / 40) }, () => `${' '.repeat(random.int(30) * 2)}- a`).join('\n'),
  (size) => `###${' '.repeat(size)}x`,
]
