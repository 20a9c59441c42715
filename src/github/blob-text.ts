import type { GqlBlob } from './queries'

/** A file's text from a GraphQL blob; null when absent (or not a text blob). */
export function blobText(blob: GqlBlob | null): string | null {
  if (!blob || typeof blob.text !== 'string') return null
  return blob.text
}
