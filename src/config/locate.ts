/** Maps a path inside the parsed YAML back to `file:line:column` for error messages. */
import { isMap, isScalar, type Document, type LineCounter } from 'yaml'

export type PathSegment = string | number
export type YamlPath = readonly PathSegment[]

/** Finds where a value (or a map key) sits in the user's file. */
export interface Locator {
  /** True when the user's file itself gives a value at `path`. */
  has(path: YamlPath): boolean
  /**
   * `file:line:column` of the value at `path`, or of the key `key` inside the map at
   * `path`. A path the file does not contain falls back to its nearest ancestor that it
   * does, and a file with no content to just `file`.
   */
  where(path: YamlPath, key?: string): string
}

// Keys as they are usually written; any other key is shown quoted, so an unknown key
// holding spaces, dots or a newline cannot make the message ambiguous or run long.
const PLAIN_KEY = /^[A-Za-z0-9_-]{1,60}$/
const MAX_KEY_SHOWN = 40

/** `tiers[0].sla.acknowledge`; the empty path is the whole file; odd keys: `post-mortem["a b"]`. */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) return '(top level)'
  return path.map((segment, index) => formatSegment(segment, index === 0)).join('')
}

function formatSegment(segment: PathSegment, first: boolean): string {
  if (typeof segment === 'number') return `[${segment}]`
  if (PLAIN_KEY.test(segment)) return first ? segment : `.${segment}`
  const shown = segment.length > MAX_KEY_SHOWN ? `${segment.slice(0, MAX_KEY_SHOWN - 3)}...` : segment
  return `[${JSON.stringify(shown)}]`
}

/** A `Locator` over a document parsed with `lineCounter`. */
export function createLocator(doc: Document, lineCounter: LineCounter, file: string): Locator {
  const nodeAt = (path: YamlPath): unknown => (path.length === 0 ? doc.contents : doc.getIn(path, true))
  const position = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset)
    return `${file}:${line}:${col}`
  }
  const rangeStart = (node: unknown): number | undefined =>
    node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? (node.range[0] as number) : undefined

  return {
    has: (path) => nodeAt(path) !== undefined,
    where(path, key) {
      if (key !== undefined) {
        const map = nodeAt(path)
        if (isMap(map)) {
          const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
          const start = rangeStart(pair?.key)
          if (start !== undefined) return position(start)
        }
      }
      // Walk up until some ancestor exists: semantic problems may concern merged defaults.
      for (let depth = path.length; depth >= 0; depth--) {
        const start = rangeStart(nodeAt(path.slice(0, depth)))
        if (start !== undefined) return position(start)
      }
      return file
    },
  }
}
