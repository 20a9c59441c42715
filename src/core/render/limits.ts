/** GitHub refuses issue and comment bodies over 65,536 characters (422 "Body is too long"). */
export const GITHUB_BODY_LIMIT = 65_536

/** Keeps a rendered body under GitHub's limit, saying so when it had to cut. */
export function fitBody(body: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body
  const note = "\n\n_… cut to fit GitHub's 65,536-character limit._"
  return body.slice(0, limit - note.length) + note
}
