const BYTE_ORDER_MARK = 0xfeff

/**
 * The body as the scan reads it. Bodies edited in the web UI come back with CRLF, and some
 * clients prefix a byte-order mark, which GitHub ignores: left in, it makes the first line
 * `\uFEFF### …`, no heading, and every field after it is lost.
 */
export function normaliseBody(body: string): string {
  const withoutMark = body.charCodeAt(0) === BYTE_ORDER_MARK ? body.slice(1) : body
  return withoutMark.replace(/\r\n?/g, '\n')
}
