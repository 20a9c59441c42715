/**
 * Hidden markers let each run find what earlier runs wrote: every comment the action owns
 * starts with `<!-- escalation-desk:<kind> <json> -->`. Only what the action's own login wrote counts
 * (anyone can paste a marker into their own comment), and a damaged marker reads as absent.
 */
const PREFIX = '<!-- escalation-desk:'
const MARKER = /^<!-- escalation-desk:([a-z0-9:_.-]+)(?: (.*?))? -->/s

export interface Marker {
  kind: string
  data: unknown
}

/** The first line of a comment the action owns. */
export function renderMarker(kind: string, data?: unknown): string {
  // `--` would end the HTML comment early; JSON never needs it unescaped.
  const json = data === undefined ? '' : ` ${JSON.stringify(data).replace(/--/g, '-\\u002d')}`
  return `${PREFIX}${kind}${json} -->`
}

export function readMarker(body: string): Marker | null {
  const match = MARKER.exec(body)
  if (!match) return null
  const [, kind = '', json] = match
  if (json === undefined) return { kind, data: undefined }
  try {
    return { kind, data: JSON.parse(json) as unknown }
  } catch {
    return { kind, data: undefined }
  }
}
