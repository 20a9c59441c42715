import { GatewayError, adviceFor } from '../errors'

export function statusOf(error: unknown): number | null {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null
}

export function toGatewayError(what: string, error: unknown): GatewayError {
  const status = statusOf(error)
  const message = graphqlErrors(error) ?? (error instanceof Error ? error.message : String(error))
  const kind = status ?? (error instanceof Error && error.name === 'GraphqlResponseError' ? 'GraphQL error:' : 'network error:')
  return new GatewayError(`Could not ${what}: ${kind} ${message}. ${adviceFor(status, message)}`, status, { cause: error })
}

/** GraphQL's own error messages, without the client's "Request failed due to following response errors" wrapper. */
function graphqlErrors(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'GraphqlResponseError') return null
  const errors = (error as { errors?: { message?: unknown }[] }).errors
  const messages = (errors ?? []).map((entry) => entry.message).filter((text): text is string => typeof text === 'string')
  return messages.length > 0 ? messages.slice(0, 3).join('; ') : null
}

/** Runs a request; a failure becomes a GatewayError saying what failed and what to do. */
export async function attempt<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw toGatewayError(what, error)
  }
}

/** Like `attempt`, for requests where 404 is an answer ("not there"), not a failure. */
export async function attemptOr404<T>(what: string, request: () => Promise<T>, whenMissing: () => T): Promise<T> {
  try {
    return await request()
  } catch (error) {
    if (statusOf(error) === 404) return whenMissing()
    throw toGatewayError(what, error)
  }
}
