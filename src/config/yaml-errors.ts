/** Turns the `yaml` package's syntax errors into located problems. */
import type { YAMLError } from 'yaml'
import type { Problem } from './errors'

/** One problem per YAML error, at the error's start: `YAML syntax error: <message>`. */
export function convertErrors(errors: readonly YAMLError[], file: string): Problem[] {
  return errors.map((error) => {
    const start = error.linePos?.[0]
    // prettyErrors appends " at line L, column C:" and a source excerpt; the position is
    // already in the prefix, so keep only the first sentence.
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    return {
      where: start ? `${file}:${start.line}:${start.col}` : file,
      text: `YAML syntax error: ${message}`,
    }
  })
}
