import { describe, expect, it } from 'vitest'
import { renderTemplate } from '../../../src/core/postmortem/render-template'

describe('renderTemplate', () => {
  it('fills every occurrence of each placeholder, spaces inside the braces allowed', () => {
    expect(renderTemplate('# {{title}}\n{{ title }} by {{  who }}', { title: 'Outage', who: 'olivia' })).toBe('# Outage\nOutage by olivia')
  })

  it('leaves unknown placeholders as written', () => {
    expect(renderTemplate('{{title}} {{unknown}} {{Title}} {{ti-tle}}', { title: 'T' })).toBe('T {{unknown}} {{Title}} {{ti-tle}}')
  })

  it('never scans a value again: a value holding placeholders stays literal', () => {
    const values = { title: 'x {{root_cause}} y', root_cause: 'the {{title}} field' }
    expect(renderTemplate('{{title}} / {{root_cause}}', values)).toBe('x {{root_cause}} y / the {{title}} field')
  })

  it('takes values verbatim, replacement patterns included', () => {
    expect(renderTemplate('{{a}}', { a: "$& $1 $$ $' $`" })).toBe("$& $1 $$ $' $`")
  })

  it('does not fill from the prototype chain', () => {
    expect(renderTemplate('{{constructor}} {{tostring}} {{__proto__}}', {})).toBe('{{constructor}} {{tostring}} {{__proto__}}')
  })

  it('an empty value removes the placeholder', () => {
    expect(renderTemplate('a{{missing_note}}b', { missing_note: '' })).toBe('ab')
  })
})
