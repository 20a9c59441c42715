/**
 * The runner reads a workflow command (`::add-mask::`, `::set-output`, `::stop-commands::`, and
 * the legacy `##[name]`) at the start of any line it is given on stdout. Text from users or from
 * markers (a branch name, a login, a title) that reaches the log could issue one. `core.info`
 * writes verbatim, so every line it gets passes through here: a zero-width space after the
 * first character keeps such a line plain text. `core.warning` and `core.error` escape their
 * messages themselves.
 */
const ZERO_WIDTH_SPACE = '\u200B'

function escapeLine(line: string): string {
  let start = 0
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++
  const rest = line.slice(start)
  if (rest.startsWith('::') || rest.startsWith('##[')) return `${line.slice(0, start + 1)}${ZERO_WIDTH_SPACE}${line.slice(start + 1)}`
  return line
}

export function escapeCommands(message: string): string {
  return message
    .split(/\r?\n|\r/)
    .map(escapeLine)
    .join('\n')
}
