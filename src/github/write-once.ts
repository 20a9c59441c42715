/**
 * Creating a comment or an issue is not idempotent: when GitHub stores one but the answer is
 * lost (a timeout, a 502 after the write), a blind retry makes it twice. So the write is sent
 * without automatic retries and, when it fails without a clear refusal, looked for: found, the
 * write happened; not found, it is sent again, with retries.
 */
import { attempt, statusOf, toGatewayError } from './attempt'
import type { Logger } from './octokit'

export interface OnceWrite<T> {
  /** What the write does, for the error: `comment on #12`. */
  what: string
  /** Sends the write with this many automatic retries. */
  send(retries: number): Promise<T>
  /** The write as GitHub stored it, or null when it is not there. */
  landed(): Promise<T | null>
  /** The log line saying the write was found stored. */
  stored(found: T): string
  log: Logger
}

/** The try, the look, then this many retries: as many attempts as plugin-retry's own three retries make. */
const RETRIES_AFTER_LOOK = 2

/** Failures where the write may have happened: no answer, or a server error. A 4xx is a refusal. */
function mayHaveLanded(error: unknown): boolean {
  const status = statusOf(error)
  return status === null || status >= 500
}

export async function writeOnce<T>(write: OnceWrite<T>): Promise<T> {
  try {
    return await write.send(0)
  } catch (error) {
    if (!mayHaveLanded(error)) throw toGatewayError(write.what, error)
    const found = await write.landed()
    if (found !== null) {
      write.log.info(write.stored(found))
      return found
    }
    return attempt(write.what, () => write.send(RETRIES_AFTER_LOOK))
  }
}
