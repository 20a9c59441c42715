/** The built-in configuration: exactly templates/escalations.yml. */
import { defaultConfigText } from '../templates.generated'
import { BUILT_IN_FILE, parseConfig } from './parse-config'
import type { Config } from './types'

export { defaultConfigText }

let cached: Config | undefined

/**
 * The configuration used when a repository has no `.github/escalations.yml`. Parsed once;
 * callers must not mutate the result (it is shared).
 */
export function defaultConfig(): Config {
  cached ??= parseConfig(defaultConfigText, BUILT_IN_FILE)
  return cached
}
