/**
 * Just enough of GitHub Actions' expression language to evaluate our workflows' `if:` and
 * `concurrency.group` against sample events: literals, property paths (with the `.*.` object
 * filter), `!`, `==`, `!=`, `&&`, `||`, parentheses, `startsWith` and `contains`. Comparisons
 * of text ignore case, as GitHub's do. Anything else throws, so a workflow using more fails loudly.
 */

type Value = unknown
type Token = { kind: 'op' | 'str' | 'num' | 'word'; text: string }

const OPERATORS = ['==', '!=', '&&', '||', '!', '(', ')', ',']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const char = source[i]!
    if (char === ' ' || char === '\n' || char === '\t') {
      i++
    } else if (char === "'") {
      let text = ''
      i++
      // '' inside a string is an escaped quote
      while (i < source.length && !(source[i] === "'" && source[i + 1] !== "'")) {
        text += source[i]
        i += source[i] === "'" ? 2 : 1
      }
      tokens.push({ kind: 'str', text })
      i++
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i))
      if (op) {
        tokens.push({ kind: 'op', text: op })
        i += op.length
        continue
      }
      let word = ''
      while (i < source.length && /[\w.*-]/.test(source[i]!)) word += source[i++]
      if (!word) throw new Error(`expression: unexpected ${JSON.stringify(char)} in ${source}`)
      tokens.push({ kind: /^\d+$/.test(word) ? 'num' : 'word', text: word })
    }
  }
  return tokens
}

function lookup(context: Record<string, Value>, path: string): Value {
  let values: Value[] = [context]
  let filtered = false
  for (const segment of path.split('.')) {
    if (segment === '*') {
      values = values.flatMap((value) => (Array.isArray(value) ? value : []))
      filtered = true
    } else {
      values = values.map((value) => (value !== null && typeof value === 'object' ? (value as Record<string, Value>)[segment] : undefined))
    }
  }
  return filtered ? values : (values[0] ?? null)
}

const truthy = (value: Value) => !(value === null || value === undefined || value === false || value === 0 || value === '')
const same = (a: Value, b: Value) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : (a ?? null) === (b ?? null)

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  startsWith: (text, prefix) =>
    String(text ?? '')
      .toLowerCase()
      .startsWith(String(prefix ?? '').toLowerCase()),
  contains: (haystack, needle) =>
    Array.isArray(haystack)
      ? haystack.some((item) => same(item, needle))
      : String(haystack ?? '')
          .toLowerCase()
          .includes(String(needle).toLowerCase()),
}

/** Evaluates one expression (without `${{ }}`) in `context` (github, vars, ...). */
export function evaluate(source: string, context: Record<string, Value>): Value {
  const tokens = tokenize(source)
  let at = 0
  const peek = () => tokens[at]
  const take = (text?: string) => {
    const token = tokens[at++]
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`expression: expected ${text ?? 'more'} in ${source}`)
    return token
  }
  const primary = (): Value => {
    const token = take()
    if (token.kind === 'str') return token.text
    if (token.kind === 'num') return Number(token.text)
    if (token.text === '!') return !truthy(primary())
    if (token.text === '(') {
      const value = or()
      take(')')
      return value
    }
    if (token.kind !== 'word') throw new Error(`expression: unexpected ${token.text} in ${source}`)
    if (token.text === 'true' || token.text === 'false') return token.text === 'true'
    if (token.text === 'null') return null
    if (peek()?.text !== '(') return lookup(context, token.text)
    const fn = FUNCTIONS[token.text]
    if (!fn) throw new Error(`expression: unknown function ${token.text}`)
    take('(')
    const args = [or()]
    while (peek()?.text === ',') args.push((take(), or()))
    take(')')
    return fn(...args)
  }
  const comparison = (): Value => {
    const left = primary()
    if (peek()?.text !== '==' && peek()?.text !== '!=') return left
    const equal = take().text === '=='
    return same(left, primary()) === equal
  }
  const and = (): Value => {
    let value = comparison()
    while (peek()?.text === '&&') value = (take(), truthy(value) ? comparison() : (comparison(), value))
    return value
  }
  const or = (): Value => {
    let value = and()
    while (peek()?.text === '||') value = (take(), truthy(value) ? (and(), value) : and())
    return value
  }
  const value = or()
  if (at !== tokens.length) throw new Error(`expression: trailing ${tokens[at]!.text} in ${source}`)
  return value
}

/** `if:` as GitHub reads it: an expression with or without `${{ }}`; absent means run. */
export function condition(text: string | undefined, context: Record<string, Value>): boolean {
  if (text === undefined) return true
  const inner = text.trim().startsWith('${{') ? text.trim().slice(3, -2) : text
  return truthy(evaluate(inner, context))
}

/** A string with `${{ }}` parts filled in, e.g. a concurrency group. */
export function interpolate(text: string, context: Record<string, Value>): string {
  let out = ''
  let rest = text
  for (let start = rest.indexOf('${{'); start >= 0; start = rest.indexOf('${{')) {
    const end = rest.indexOf('}}', start)
    out += rest.slice(0, start) + String(evaluate(rest.slice(start + 3, end), context) ?? '')
    rest = rest.slice(end + 2)
  }
  return out + rest
}
