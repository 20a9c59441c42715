import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/config/errors'
import { parseConfig } from '../../../src/config/parse-config'
import { locatePostMortem } from '../../../src/core/postmortem/paths'
import { FILE, problemsOf } from './helpers'

const KEYS = ['post-mortem', 'report'] as const
const file = (key: string, directory: string): string => `${key}:\n  directory: ${JSON.stringify(directory)}\n`
const directoryOf = (key: (typeof KEYS)[number], directory: string): string => {
  const config = parseConfig(file(key, directory), FILE)
  return key === 'report' ? config.report.directory : config.postMortem.directory
}

const GITHUB = 'must not be under .github, in any letter case: GitHub reads workflows and settings from there'

describe.each(KEYS)('%s.directory', (key) => {
  it.each([
    ['../x', 'must not contain a ".." segment'],
    ['docs/../../x', 'must not contain a ".." segment'],
    ['..', 'must not contain a ".." segment'],
    ['.github', GITHUB],
    ['.github/x', GITHUB],
    ['./.github', GITHUB],
    ['.GITHUB/workflows', GITHUB],
    ['.GitHub', GITHUB],
    ['.//.gitHub/x', GITHUB],
    ['/abs', 'must be relative to the repository root, not an absolute path'],
    ['C:/docs', 'must be relative to the repository root, not an absolute path'],
    ['docs\\x', 'must separate folders with / rather than \\'],
    ['.', 'must name a folder, not the repository root'],
    ['./', 'must name a folder, not the repository root'],
    ['.//./', 'must name a folder, not the repository root'],
    ['docs\nx', 'must not hold control characters or start or end with a space'],
    ['docs\u0000', 'must not hold control characters or start or end with a space'],
    [' docs', 'must not hold control characters or start or end with a space'],
  ])('refuses %j, at its position', (directory, message) => {
    expect(problemsOf(file(key, directory))).toEqual([`${FILE}:2:14: ${key}.directory ${message} (got ${JSON.stringify(directory)})`])
  })

  it('reports every rule a directory breaks', () => {
    expect(problemsOf(file(key, '/.github'))).toEqual([
      `${FILE}:2:14: ${key}.directory must be relative to the repository root, not an absolute path (got "/.github")`,
      `${FILE}:2:14: ${key}.directory ${GITHUB} (got "/.github")`,
    ])
    expect(problemsOf(`${key}: { directory: "" }\n`)).toEqual([`${FILE}:1:${key.length + 16}: ${key}.directory must not be empty`])
  })

  it.each([
    ['docs/postmortems', 'docs/postmortems'],
    ['Docs/PostMortems', 'Docs/PostMortems'],
    ['github/x', 'github/x'],
    ['.githubx/y', '.githubx/y'],
    ['docs/.github', 'docs/.github'],
    ['a..b', 'a..b'],
    ['./docs/', 'docs'],
    ['docs//x/./y', 'docs/x/y'],
  ])('accepts %j as %j, letter case kept', (directory, stored) => {
    expect(directoryOf(key, directory)).toBe(stored)
  })
})

describe('a directory the configuration accepts', () => {
  // Every combination of awkward segments: whatever parseConfig lets through, the
  // post-mortem path must use as written, never swapped for a fallback.
  const segments = ['', '.', '..', '.github', '.GitHub', 'docs', 'a..b', '.git']
  const candidates = segments.flatMap((a) => segments.flatMap((b) => [a, `${a}/${b}`, `${a}/${b}/`, `./${a}/${b}`]))
  const issue = { number: 7, title: 'Globex outage', createdAt: new Date('2026-11-24T09:00:00Z') }

  it('is the folder the post-mortem is written to', () => {
    let accepted = 0
    for (const directory of new Set(candidates)) {
      let config
      try {
        config = parseConfig(file('post-mortem', directory), FILE)
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        continue
      }
      accepted++
      expect(locatePostMortem(issue, config).path.startsWith(`${config.postMortem.directory}/`), directory).toBe(true)
    }
    expect(accepted).toBeGreaterThan(10)
  })
})
