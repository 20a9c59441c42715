/** The HTTP side: routing by OpenAPI template, validation, scripted faults, latency, request log. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Ctx } from './builders'
import { runGraphQL, type RateLimitState } from './graphql'
import { HttpError, type Routes } from './http'
import { documentationUrl, matchRoute, validateBody, validateQuery, type RouteMatch } from './openapi'
import { identify, isRefusal, requestCtx } from './request-ctx'

export interface RequestLogEntry {
  method: string
  path: string
  /** OpenAPI template ('/repos/{owner}/{repo}/issues/{issue_number}') or 'graphql'. */
  route: string
  status: number
  /** POST/PATCH/PUT/DELETE; GraphQL queries are reads, mutations writes. */
  write: boolean
  graphqlCost?: number
  /** The GraphQL operation's name (`EscalationSweep`, `EscalationPinReport`), read off its query. */
  operation?: string
  startedAt: number
  endedAt: number
}

export type FaultAnswer = { status: number; headers?: Record<string, string>; message?: string } | { timeoutMs: number }

export interface FaultMatch {
  method: string
  route: string
}

export interface ValidationError {
  method: string
  path: string
  route: string
  kind: 'route' | 'query' | 'body' | 'semantic' | 'graphql' | 'unsupported'
  message: string
  body?: unknown
}

export interface ServerState {
  /** The default repository's context; each request gets its own (repository, token identity). */
  ctx: Ctx
  routes: Routes
  requests: RequestLogEntry[]
  validationErrors: ValidationError[]
  faults: { match: FaultMatch; answer: FaultAnswer }[]
  latencyMs: number
  rate: RateLimitState
}

const FAULT_MESSAGES: Record<number, string> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  429: 'Too Many Requests',
}
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function startServer(state: ServerState): Promise<Server> {
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error?.stack ?? error) }))
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse) {
  const startedAt = Date.now()
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', state.ctx.api)
  const raw = await readBody(req)
  const isGraphQL = url.pathname === '/graphql' && method === 'POST'
  const match = isGraphQL ? undefined : matchRoute(method, url.pathname)
  const route = isGraphQL ? 'graphql' : (match?.template ?? url.pathname)
  let parsed: unknown
  const log: RequestLogEntry = {
    method,
    path: url.pathname + url.search,
    route,
    status: 0,
    write: WRITE_METHODS.has(method) && !isGraphQL,
    startedAt,
    endedAt: 0,
  }
  state.requests.push(log)
  const refuse = (kind: ValidationError['kind'], message: string) =>
    state.validationErrors.push({ method, path: log.path, route, kind, message, body: parsed })

  const send = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs))
    log.status = status
    log.endedAt = Date.now()
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers,
    })
    res.end(text)
  }
  const error = (status: number, message: string, extra: Record<string, unknown> = {}) =>
    send(status, { message, ...extra, documentation_url: documentationUrl(match), status: String(status) })

  const viewer = identify(state.ctx, req.headers.authorization, log.write, isGraphQL)
  if (isRefusal(viewer))
    return send(viewer.status, { message: viewer.message, documentation_url: viewer.documentation, status: String(viewer.status) })

  try {
    parsed = raw ? JSON.parse(raw) : undefined
  } catch {
    return error(400, 'Problems parsing JSON')
  }

  const ctx = requestCtx(state.ctx, viewer, match, log.write)
  if (!isGraphQL) {
    const problem = isRefusal(ctx) ? ctx : checkRequest(state, method, match, url, parsed)
    if (problem) {
      refuse(problem.kind ?? 'route', problem.message)
      return problem.status === 404 ? error(404, 'Not Found') : error(problem.status, problem.message)
    }
  }
  if (isRefusal(ctx)) throw new Error('unreachable: GraphQL has no repository route')

  const faultIndex = state.faults.findIndex((f) => f.match.method.toUpperCase() === method && f.match.route === route)
  if (faultIndex >= 0) {
    const { answer } = state.faults.splice(faultIndex, 1)[0]!
    if ('timeoutMs' in answer) {
      // hold the socket without answering, then drop it: what a hung upstream looks like
      setTimeout(() => {
        log.endedAt = Date.now()
        req.socket.destroy()
      }, answer.timeoutMs)
      return
    }
    const message = answer.message ?? FAULT_MESSAGES[answer.status] ?? 'Error'
    return send(answer.status, { message, documentation_url: documentationUrl(match), status: String(answer.status) }, answer.headers)
  }

  if (isGraphQL) {
    const outcome = runGraphQL(ctx, state.rate, (parsed ?? {}) as Record<string, unknown>)
    log.write = outcome.isMutation
    log.graphqlCost = outcome.cost
    log.operation = operationName((parsed ?? {}) as Record<string, unknown>)
    if (outcome.invalid) refuse(outcome.isMutation ? 'unsupported' : 'graphql', outcome.invalid)
    return send(outcome.status, outcome.body)
  }

  const handler = state.routes[`${method} ${match!.template}`]!
  try {
    const result = handler({ ctx, params: match!.params, query: url.searchParams, body: parsed ?? {}, url })
    return send(result.status, result.body, result.headers)
  } catch (e) {
    if (!(e instanceof HttpError)) throw e
    if (e.validation) refuse('semantic', `${e.message} ${JSON.stringify(e.extra)}`)
    return error(e.status, e.message, e.extra)
  }
}

/** What GitHub would refuse before doing anything (after the token and repository checks): unknown routes, bad
 * query parameters or bodies. Routes GitHub has but this server lacks count as refusals too,
 * so a test notices the gap instead of passing against a silent 404. */
function checkRequest(state: ServerState, method: string, match: RouteMatch | undefined, url: URL, body: unknown) {
  if (!match) return { status: 404, kind: 'route' as const, message: `No such route: ${url.pathname}` }
  if (!state.routes[`${method} ${match.template}`])
    return { status: 404, kind: 'unsupported' as const, message: `${method} ${match.template} is not implemented by the local GitHub` }
  const queryProblem = validateQuery(match, url.searchParams)
  if (queryProblem) return { status: 422, kind: 'query' as const, message: queryProblem }
  const bodyProblem = body === undefined && !match.operation.requestBody?.required ? undefined : validateBody(match, body ?? {})
  if (bodyProblem) return { status: 422, kind: 'body' as const, message: bodyProblem }
  return undefined
}

/** `query EscalationSweep(...)` → `EscalationSweep`; a scan of the first words, no regular expression. */
function operationName(body: Record<string, unknown>): string | undefined {
  if (typeof body.operationName === 'string') return body.operationName
  if (typeof body.query !== 'string') return undefined
  const words = body.query
    .trimStart()
    .slice(0, 200)
    .split(/[\s({]+/)
  return words[0] === 'query' || words[0] === 'mutation' ? words[1] || undefined : undefined
}
