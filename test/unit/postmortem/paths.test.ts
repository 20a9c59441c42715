import { describe, expect, it } from 'vitest'
import type { Config } from '../../../src/config/types'
import { locatePostMortem, slugify } from '../../../src/core/postmortem/paths'
import { config } from '../snapshots'

const withDirectory = (directory: string): Config => ({ ...config, postMortem: { ...config.postMortem, directory } })

describe('slugify', () => {
  it('lower-cases, drops the [Escalation] prefix and joins words with dashes', () => {
    expect(slugify('[Escalation] Globex: every open opportunity closed overnight')).toBe('globex-every-open-opportunity-closed-overnight')
    expect(slugify('  [ESCALATION]   Initech -- TPS reports!!  ')).toBe('initech-tps-reports')
  })

  it('folds accents to ASCII and turns everything else into dashes', () => {
    expect(slugify('Café Müller – Ångström')).toBe('cafe-muller-angstrom')
    expect(slugify('顧客データ消失 🚨 Globex')).toBe('globex')
  })

  it('keeps nothing a path or ref could be steered with', () => {
    expect(slugify('../../.github/workflows/x')).toBe('github-workflows-x')
    expect(slugify('..\\..\\windows\\system32')).toBe('windows-system32')
    expect(slugify('a\u0000b\nc\td')).toBe('a-b-c-d')
    expect(slugify('refs/heads/main.lock')).toBe('refs-heads-main-lock')
  })

  it('falls back to "escalation" when nothing usable is left', () => {
    for (const title of ['', '..\\..', '../..', '🚨🚨🚨', '[Escalation]', '---', '顧客']) expect(slugify(title)).toBe('escalation')
  })

  it('stays within 48 characters, cut at a word boundary when there is one', () => {
    const slug = slugify('Globex reports every single open opportunity in the pipeline closed as lost overnight')
    expect(slug).toBe('globex-reports-every-single-open-opportunity-in')
    expect(slug.length).toBeLessThanOrEqual(48)
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(48))
    expect(slugify(`${'Ünïcödé '.repeat(40)}${'🚨'.repeat(100)}`)).toMatch(/^unicode(-unicode)*$/)
    for (const title of ['a'.repeat(47) + ' bcd', 'ab '.repeat(100), '-'.repeat(60) + 'x', 'é'.repeat(300)]) {
      const cut = slugify(title)
      expect(cut.length).toBeLessThanOrEqual(48)
      expect(cut).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })
})

describe('locatePostMortem', () => {
  const issue = { number: 42, title: '[Escalation] Globex pipeline wiped', createdAt: new Date('2026-11-24T23:30:00Z') }

  it('puts the document at <dir>/<filed day, UTC>-<number>-<slug>.md on postmortem/<number>-<slug>', () => {
    expect(locatePostMortem(issue, config)).toEqual({
      path: 'postmortems/2026-11-24-42-globex-pipeline-wiped.md',
      branch: 'postmortem/42-globex-pipeline-wiped',
    })
  })

  it('uses the configured directory, normalised', () => {
    expect(locatePostMortem(issue, withDirectory('docs/incidents/')).path).toBe('docs/incidents/2026-11-24-42-globex-pipeline-wiped.md')
    expect(locatePostMortem(issue, withDirectory('./docs//pm')).path).toBe('docs/pm/2026-11-24-42-globex-pipeline-wiped.md')
  })

  it('refuses, rather than replaces, directories that climb out or land under .github (the configuration refuses them first)', () => {
    for (const directory of ['../outside', 'docs/../../x', '.github', '.GitHub/workflows', '/', '', '.']) {
      expect(() => locatePostMortem(issue, withDirectory(directory)), directory).toThrow(/not a folder the action may write to/)
    }
  })
})
