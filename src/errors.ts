/** A GitHub request failed in a way a retry did not fix; the message says what to do. */
export class GatewayError extends Error {
  override name = 'GatewayError'
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** What to do about a failed request, by status: the permission to grant, the setting to change. */
export function adviceFor(status: number | null, message: string): string {
  if (status === 401) return 'The token was refused: check the `token` input.'
  if (status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
    return 'Enable "Allow GitHub Actions to create and approve pull requests" in Settings → Actions → General, or pass a GitHub App token as `token`.'
  }
  if (status === 403 && /rate limit/i.test(message)) return 'GitHub rate limit reached: the next run picks up where this one stopped.'
  if (status === 403 || status === 404) {
    return 'Grant the workflow `issues: write`, `contents: write` and `pull-requests: write` permissions (see the README).'
  }
  // GraphQL's answer for a repository the token cannot see (organisation mode: not installed there, or misspelt).
  if (message.includes('Could not resolve to a Repository'))
    return 'Check the repository name, and that the token (the App installation) can reach it.'
  if (status !== null && status >= 500) return 'GitHub answered with a server error: re-run the job.'
  return 'Re-run the job; if it fails again, open an issue with this log.'
}
