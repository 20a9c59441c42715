import { closesFence, openingFence, type Fence } from './markdown-scan'
import { graphemeCut } from './sanitize'

/** GitHub refuses issue and comment bodies over 65,536 characters (422 "Body is too long"). */
export const GITHUB_BODY_LIMIT = 65_536

/**
 * Keeps a rendered body under GitHub's limit, saying so when it had to cut. The cut falls
 * between graphemes (never half an emoji, which GitHub cannot store), and a code fence it
 * leaves open is closed, so the note is not swallowed into the code.
 */
export function fitBody(body: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body
  const note = "\n\n_… cut to fit GitHub's 65,536-character limit._"
  let room = limit - note.length
  for (;;) {
    const kept = body.slice(0, graphemeCut(body, room))
    const fence = openFenceAtEnd(kept)
    const closing = fence ? `\n${fence.char.repeat(fence.length)}` : ''
    if (kept.length + closing.length <= limit - note.length) return kept + closing + note
    room -= closing.length
  }
}

/** The code fence still open at the end of `markdown`, if any. */
function openFenceAtEnd(markdown: string): Fence | null {
  let fence: Fence | null = null
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (closesFence(line, fence)) fence = null
    } else fence = openingFence(line)
  }
  return fence
}
