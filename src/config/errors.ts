/** One problem in a configuration file: where (`file:line:column`, or just `file`) and what. */
export interface Problem {
  where: string
  text: string
}

/**
 * Thrown when a configuration file cannot be used. `problems` holds every problem found,
 * each already prefixed with `file:line:column` where a position is known, so callers can
 * print them as-is (the message lists them one per line).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly file: string
  readonly problems: string[]

  constructor(file: string, problems: string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`Invalid configuration in ${file} (${count}):\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.file = file
    this.problems = problems
  }
}
