const SEPARATOR = ', '

/**
 * Splits a multi-select dropdown answer. GitHub joins options with `, ` and an option may itself
 * contain `, `, so known options are matched first (longest first at each position); text that
 * matches no option is kept as one entry up to the next place an option starts, never dropped.
 */
export function splitChoices(text: string, options: string[]): string[] {
  const byLength = [...new Set(options)].filter((option) => option !== '').sort((a, b) => b.length - a.length)
  const selected: string[] = []
  let position = 0
  while (position < text.length) {
    const option = optionAt(text, position, byLength)
    if (option !== undefined) {
      selected.push(option)
      position += option.length + SEPARATOR.length
      continue
    }
    const end = nextOptionStart(text, position, byLength)
    const unknown = text.slice(position, end).trim()
    if (unknown !== '') selected.push(unknown)
    position = end + SEPARATOR.length
  }
  return selected
}

/** The longest option written at `position` and followed by a separator or the end. */
function optionAt(text: string, position: number, byLength: string[]): string | undefined {
  return byLength.find((option) => {
    const end = position + option.length
    return text.startsWith(option, position) && (end === text.length || text.startsWith(SEPARATOR, end))
  })
}

/** Index of the next separator after which an option starts, or the text length. */
function nextOptionStart(text: string, position: number, byLength: string[]): number {
  let separator = text.indexOf(SEPARATOR, position)
  while (separator !== -1) {
    if (optionAt(text, separator + SEPARATOR.length, byLength) !== undefined) return separator
    separator = text.indexOf(SEPARATOR, separator + 1)
  }
  return text.length
}
