/** Turns the `yaml` package's syntax errors, and YAML the configuration cannot use, into located problems. */
import { isAlias, isCollection, isNode, visit, type Document, type LineCounter, type YAMLError } from 'yaml'
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

/**
 * Well-formed YAML that still cannot become a configuration, each at its position: an
 * alias whose anchor is not set before it, and a list or map used as a key (JavaScript
 * objects only have text keys).
 */
export function structureProblems(doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = []
  const at = (offset: number, text: string): void => {
    const { line, col } = lineCounter.linePos(offset)
    problems.push({ where: `${file}:${line}:${col}`, text: `YAML syntax error: ${text}` })
  }
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined && alias.range)
        at(alias.range[0], `the alias *${shorten(alias.source)} has no anchor set before it`)
    },
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key
      if (isCollection(key) && isNode(pair.key) && pair.key.range) at(pair.key.range[0], 'a key must be plain text, not a list or map')
    },
  })
  return problems
}

/** Where `toJS` gave up (an alias bomb): the first alias, as no single alias is to blame. */
export function firstAliasWhere(doc: Document, lineCounter: LineCounter, file: string): string {
  let where = file
  visit(doc, {
    Alias(_, alias) {
      if (!alias.range) return undefined
      const { line, col } = lineCounter.linePos(alias.range[0])
      where = `${file}:${line}:${col}`
      return visit.BREAK
    },
  })
  return where
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}
