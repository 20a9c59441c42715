import type { FieldValue, FormField, FormTemplate } from '../../../src/core/form/types'
import { hostileContent, markdownAnswer, type Random, randomCodeUnits, sentence } from './fuzz-random'
import { BODY_LIMIT } from './hostile-bodies'

/** One generated body and what parsing it must give. */
export interface GeneratedBody {
  family: string
  body: string
  /** Fields whose answer is in the body as written: the parse must give exactly this. */
  expected: Map<string, FieldValue>
  /** Fields whose heading the mutation removed: the parse must list them as absent. */
  absent: Set<string>
  /** Text added to a choice or checkbox section: it must survive in that field's `extra`. */
  extra: Map<string, string>
}

/** One field's section as GitHub writes it, and the answer it carries. */
interface Section {
  field: FormField
  heading: string
  value: string
  expected: FieldValue
  /** False once a mutation makes the answer depend on how the parser splits edited text. */
  checked: boolean
}

type Mutation = (sections: Section[], random: Random, generated: GeneratedBody) => void

const NO_RESPONSE = '_No response_'
const OPENERS = ['```', '~~~~', '```shell', '<pre>', '<!--', '<script>', '<style>', '<?php', '<![CDATA[', '<!DOCTYPE html']

export const FAMILIES: Record<string, Mutation> = {
  'as written': () => {},
  crlf: () => {},
  'byte-order mark': () => {},
  'deleted headings': (sections, random, generated) => {
    for (let n = random.between(1, 3); n > 0 && sections.length > 1; n--) {
      const index = random.int(sections.length)
      const [removed] = sections.splice(index, 1)
      if (removed === undefined) continue
      generated.absent.add(removed.field.id)
      // Its answer now runs on into the section before it.
      const before = sections[index - 1]
      if (before === undefined) continue
      before.value = `${before.value}\n\n${removed.value}`
      before.checked = false
    }
  },
  'renamed heading': (sections, random, generated) => {
    const index = random.int(sections.length)
    const renamed = sections[index]
    if (renamed === undefined) return
    renamed.heading = `### ${renamed.field.label} (${sentence(random)})`
    generated.absent.add(renamed.field.id)
    const before = sections[index - 1]
    if (before !== undefined) before.checked = false
  },
  're-cased headings': (sections, random) => {
    for (const section of sections)
      section.heading = `###${random.pick([' ', '  ', '\t'])}${recase(section.field.label, random)}${random.pick(['', ' ', ' ###'])}`
  },
  'reordered sections': (sections, random) => {
    sections.splice(0, sections.length, ...random.shuffle(sections))
  },
  'pasted heading': (sections, random) => {
    const section = pickText(sections, random)
    if (section !== undefined) setText(section, `${section.value}\n\n### ${sentence(random)}\n\n${sentence(random)}`)
  },
  'left open': (sections, random) => {
    const section = pickText(sections, random)
    if (section !== undefined) setText(section, `${section.value}\n\n${random.pick(OPENERS)}\n${markdownAnswer(random)}`)
  },
  'fenced copies of headings': (sections, random) => {
    const section = pickText(sections, random)
    const later = sections.slice(sections.indexOf(section as Section) + 1).map((s) => s.heading)
    const copies = later.map((heading) => `${random.pick(['', '\n'])}${heading}\n${sentence(random)}`).join('\n')
    if (section !== undefined) setText(section, `${section.value}\n\n\`\`\`\n${copies}\n\`\`\``)
  },
  'dropdown then pasted text': (sections, random, generated) => {
    const section = sections.find((s) => s.field.type === 'dropdown')
    if (section === undefined) return
    const pasted = `### ${sentence(random)}\n\n${sentence(random)}`
    section.value = `${section.value}\n\n${pasted}`
    generated.extra.set(section.field.id, pasted)
  },
  'checklist then notes': (sections, random, generated) => {
    const section = sections.find((s) => s.field.type === 'checkboxes')
    if (section === undefined) return
    const notes = `${random.pick(['', '### Notes\n\n'])}${sentence(random)}`
    section.value = `${section.value.replaceAll('[X]', random.pick(['[X]', '[x]']))}\n\n${notes}`
    generated.extra.set(section.field.id, notes)
  },
  'thematic breaks': (sections, random) => {
    const index = sections.findIndex((s) => textAnswer(s) && sections[sections.indexOf(s) + 1] !== undefined)
    const section = sections[index]
    const next = sections[index + 1]
    if (section === undefined || next === undefined) return
    setText(section, `${section.value}\n\n${random.pick(['- ', '* ', '_ '].map((mark) => mark.repeat(random.between(3, 60)).trim()))}`)
    next.heading = `${' '.repeat(random.int(4))}${next.heading}`
  },
  'emoji and scripts': (sections, random) => fillText(sections, random, () => markdownAnswer(random, 'emoji')),
  'NUL and control characters': (sections, random) => fillText(sections, random, () => markdownAnswer(random, 'control')),
  'random code units': (sections, random) => fillText(sections, random, () => randomCodeUnits(random, random.between(1, 400))),
  'huge line': (sections, random) =>
    padOne(sections, random, (room) =>
      sentence(random)
        .repeat(Math.ceil(room / 40))
        .slice(0, room),
    ),
  '### storm': (sections, random) =>
    padOne(sections, random, (room) =>
      Array.from({ length: Math.floor(room / 8) }, () => random.pick(['###', '### ###', '###x', 'a ### b', '####', '### ', '#'])).join(
        '\n',
      ),
    ),
  'quadratic Markdown': (sections, random) => padOne(sections, random, (room) => hostileContent(random, room)),
  'near 65,536': (sections, random) => padOne(sections, random, (room) => hostileContent(random, room), BODY_LIMIT - random.int(64)),
}

/** A body of `form` mutated by `family`, with what its parse must give. */
export function generateBody(family: string, form: FormTemplate, random: Random): GeneratedBody {
  const sections = form.fields.map((field) => writeSection(field, random))
  const generated: GeneratedBody = { family, body: '', expected: new Map(), absent: new Set(), extra: new Map() }
  FAMILIES[family]?.(sections, random, generated)
  for (const section of sections) {
    if (section.checked && !generated.absent.has(section.field.id)) generated.expected.set(section.field.id, section.expected)
  }
  let body = `${sections.map((section) => `${section.heading}\n\n${section.value}`).join('\n\n')}\n`
  if (family === 'crlf') body = body.replaceAll('\n', '\r\n')
  if (family === 'byte-order mark') body = `\uFEFF${random.chance(0.5) ? body.replaceAll('\n', '\r\n') : body}`
  return { ...generated, body }
}

/** What GitHub writes for one field, with a random answer. */
function writeSection(field: FormField, random: Random): Section {
  const heading = `### ${field.label}`
  if (field.type === 'checkboxes') {
    const checked = field.options.filter(() => random.chance(0.5))
    const value = field.options.map((option) => `- [${checked.includes(option) ? 'X' : ' '}] ${option}`).join('\n')
    const unchecked = field.options.filter((option) => !checked.includes(option))
    return { field, heading, value, expected: { kind: 'checkboxes', checked, unchecked }, checked: true }
  }
  if (field.type === 'dropdown') {
    const selected = field.multiple
      ? field.options.filter(() => random.chance(0.4))
      : random.chance(0.2)
        ? []
        : [random.pick(field.options)]
    const value = selected.length === 0 ? 'None' : selected.join(', ')
    return { field, heading, value, expected: { kind: 'choices', selected }, checked: true }
  }
  const section: Section = { field, heading, value: NO_RESPONSE, expected: { kind: 'text', text: null }, checked: true }
  if (!random.chance(0.15)) setText(section, field.type === 'input' ? sentence(random) : markdownAnswer(random))
  return section
}

function setText(section: Section, text: string): void {
  const answer = text.replace(/\r\n?/g, '\n').trim()
  const empty = answer === '' || answer === NO_RESPONSE
  if (section.field.render === null) {
    section.value = text
    section.expected = { kind: 'text', text: empty ? null : answer }
    return
  }
  // A render field's answer is fenced by GitHub; its content is the answer, verbatim.
  const content = text.replaceAll('`', "'").replaceAll('~', '-')
  section.value = content.trim() === '' ? NO_RESPONSE : `\`\`\`${section.field.render}\n${content}\n\`\`\``
  // The body is normalised as a whole: a CR ending the content pairs with the newline after it.
  const normalised = `${content}\n`.replace(/\r\n?/g, '\n').slice(0, -1)
  section.expected = { kind: 'text', text: content.trim() === '' ? null : normalised }
}

function textAnswer(section: Section): boolean {
  return section.field.type === 'input' || section.field.type === 'textarea'
}

function pickText(sections: Section[], random: Random): Section | undefined {
  const texts = sections.filter((s) => textAnswer(s) && s.field.render === null)
  return texts.length === 0 ? undefined : random.pick(texts)
}

function fillText(sections: Section[], random: Random, answer: () => string): void {
  for (const section of sections) if (textAnswer(section) && random.chance(0.7)) setText(section, answer())
}

/** Pads one text answer so the whole body is about `target` characters. */
function padOne(sections: Section[], random: Random, content: (room: number) => string, target = random.between(1_000, BODY_LIMIT)): void {
  const section = pickText(sections, random)
  if (section === undefined) return
  const used = sections.reduce((total, s) => total + s.heading.length + s.value.length + 4, 0)
  const room = Math.max(16, target - used - 2)
  setText(section, `${section.value}\n\n${content(room)}`.slice(0, section.value.length + 2 + room))
}

function recase(label: string, random: Random): string {
  const cased = random.pick([label.toLowerCase(), label.toUpperCase(), label])
  return cased.replaceAll(' ', random.pick([' ', '  ', ' \t ']))
}
