/** One problem in a configuration file: where (`file:line:column`, or just `file`) and what. */
export interface Problem {
  where: string
  text: string
}

/**
 * The most problems one error lists. Past a few dozen nobody reads on, and a generated or
 * hostile file can hold tens of thousands (megabytes of log and annotation).
 */
export const MAX_PROBLEMS_SHOWN = 50

// Checks keep their own lines short; this is the backstop for text they quote verbatim
// (a YAML parser message, say).
const MAX_LINE_LENGTH = 500

/**
 * Thrown when a configuration file cannot be used. `problems` holds the first
 * `MAX_PROBLEMS_SHOWN` problems found, each already prefixed with `file:line:column` where
 * a position is known, so callers can print them as-is (the message lists them one per
 * line); `omitted` counts the rest, which the message sums up as `… and N more`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly file: string
  readonly problems: string[]
  readonly omitted: number

  constructor(file: string, problems: string[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(cut)
    const omitted = problems.length - shown.length
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    const lines = [...shown, ...(omitted > 0 ? [`… and ${omitted} more`] : [])]
    super(`Invalid configuration in ${file} (${count}):\n${lines.map((line) => `  ${line}`).join('\n')}`)
    this.file = file
    this.problems = shown
    this.omitted = omitted
  }
}

function cut(line: string): string {
  return line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH - 1)}…` : line
}
