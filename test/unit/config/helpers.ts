/** Shared helpers for the parseConfig tests. */
import { expect } from 'vitest'
import { ConfigError } from '../../../src/config/errors'
import { parseConfig } from '../../../src/config/parse-config'

export const FILE = '.github/escalations.yml'

/** The problems parseConfig reports for `text`; fails the test if it accepts it. */
export function problemsOf(text: string): string[] {
  try {
    parseConfig(text, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    const configError = error as ConfigError
    expect(configError.name).toBe('ConfigError')
    expect(configError.file).toBe(FILE)
    for (const problem of configError.problems) expect(configError.message).toContain(problem)
    return configError.problems
  }
  throw new Error('expected a ConfigError')
}

/** A minimal valid tier list item, with `extra` lines appended. */
export const tier = (label: string, extra = ''): string =>
  `  - label: ${label}\n    name: ${label}\n    sla: { acknowledge: 1h, update-every: 4h, resolve: 2d }\n${extra}`
