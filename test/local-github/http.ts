/** Types and helpers shared by the REST route handlers. */
import type { Ctx } from './builders'

export interface HandlerRequest {
  ctx: Ctx
  params: Record<string, string>
  query: URLSearchParams
  body: any // already validated against the OpenAPI request-body schema
  url: URL
}

export interface HandlerResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (req: HandlerRequest) => HandlerResult
/** Keyed by `${METHOD} ${OpenAPI template}`. */
export type Routes = Record<string, Handler>

/** An answer GitHub gives for a refused request. `validation` marks refusals the action should
 * never provoke (they are added to validationErrors). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly validation = false,
  ) {
    super(message)
  }
}

export const notFound = (message = 'Not Found') => new HttpError(404, message)

/** GitHub's "Validation Failed" 422 with an `errors` array. */
export function validationFailed(resource: string, message: string, field?: string, validation = true): HttpError {
  return new HttpError(
    422,
    'Validation Failed',
    { errors: [{ resource, code: 'custom', ...(field ? { field } : {}), message }] },
    validation,
  )
}

export const MAX_BODY = 65_536
export function checkBodyLength(resource: string, body: unknown): void {
  if (typeof body === 'string' && body.length > MAX_BODY)
    throw validationFailed(resource, `Body is too long (maximum is ${MAX_BODY} characters)`, 'body')
}

export const ok = (body: unknown, status = 200): HandlerResult => ({ status, body })

/** Page through a list like GitHub: per_page default 30 (max 100), `page` from 1, and a Link
 * header with next/last/first/prev built from the request URL. */
export function paginate<T>(items: T[], req: HandlerRequest): HandlerResult {
  const perPage = Math.min(Number(req.query.get('per_page') ?? 30) || 30, 100)
  const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const pageUrl = (n: number) => {
    const u = new URL(req.url)
    u.searchParams.set('per_page', String(perPage))
    u.searchParams.set('page', String(n))
    return `<${u}>`
  }
  const links: string[] = []
  if (page < last) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`)
  if (page > 1) links.push(`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`)
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  }
}

export const num = (value: string | undefined) => Number(value)
