import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'
import { FAMILIES, generateBody } from './fuzz-bodies'
import { findProblems, FUZZ_FORM_YAML, missedVersusGitHub } from './fuzz-check'
import { Random } from './fuzz-random'
import { BODY_LIMIT } from './hostile-bodies'

const root = new URL('../../..', import.meta.url).pathname
const forms = [
  parseFormTemplate(readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8')),
  parseFormTemplate(FUZZ_FORM_YAML),
]

/** A small seeded sample of what `npm run fuzz` runs 100,000 of. */
describe.each(Object.keys(FAMILIES))('generated bodies: %s', (family) => {
  it('parse with no lost field, and find every heading GitHub renders', () => {
    const random = new Random([...family].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7))
    for (let n = 0; n < 25; n++) {
      const template = random.pick(forms)
      const generated = generateBody(family, template, random)
      expect(generated.body.length).toBeLessThanOrEqual(BODY_LIMIT)
      const parsed = parseIssueBody(generated.body, template)
      expect(findProblems(generated, parsed)).toEqual([])
      expect(missedVersusGitHub(generated.body, template, parsed)).toEqual([])
    }
  })
})
