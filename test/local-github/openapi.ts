/** GitHub's OpenAPI description as the judge of request shapes: route templates, request-body
 * schemas and query parameters. Loaded lazily once per process; validators cached per operation. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'

type Json = Record<string, unknown>
interface Operation {
  operationId: string
  parameters?: Json[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> }
  externalDocs?: { url: string }
}

export interface RouteMatch {
  template: string
  params: Record<string, string>
  operation: Operation
}

const SPEC_BASE = 'https://github.local/openapi.json'
let spec: { paths: Record<string, Record<string, Operation>>; components: Json } | undefined
let routes: { template: string; regex: RegExp; names: string[]; literalScore: number }[] = []
let ajv: Ajv | undefined
let queryAjv: Ajv | undefined
const bodyValidators = new Map<string, ValidateFunction | null>()
const queryValidators = new Map<string, ValidateFunction | null>()

/** ajv knows no OpenAPI `nullable`: turn it into JSON Schema type unions. */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node)) out[k] = rewriteNullable(v)
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type !== 'string') return { anyOf: [out, { type: 'null' }] }
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
  }
  return out
}

/** Point body schemas' local refs at the registered component document. */
function absolutizeRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolutizeRefs)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node))
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${SPEC_BASE}${v}` : absolutizeRefs(v)
  return out
}

function load() {
  if (spec) return spec
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json')
  spec = JSON.parse(readFileSync(path, 'utf8'))
  ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false })
  ajv.addSchema({ $id: SPEC_BASE, components: rewriteNullable(spec!.components) })
  queryAjv = new Ajv({ strict: false, coerceTypes: true, validateFormats: false })
  routes = Object.keys(spec!.paths).map((template) => {
    const names: string[] = []
    const segments = template.split('/').slice(1)
    const source = segments
      .map((seg, i) => {
        const param = /^\{(\w+)\}$/.exec(seg)
        if (!param) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n) => (names.push(n), '([^/]+)'))
        names.push(param[1]!)
        // a trailing {path} or {ref} spans slashes ('docs/a.md', 'heads/main')
        return i === segments.length - 1 && (param[1] === 'path' || param[1] === 'ref') ? '(.+)' : '([^/]+)'
      })
      .join('/')
    return { template, regex: new RegExp(`^/${source}$`), names, literalScore: segments.filter((s) => !s.includes('{')).length }
  })
  // prefer the most literal template ('/issues/comments' over '/issues/{issue_number}')
  routes.sort((a, b) => b.literalScore - a.literalScore)
  return spec!
}

export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const s = load()
  for (const r of routes) {
    const m = r.regex.exec(pathname)
    const operation = m && s.paths[r.template]?.[method.toLowerCase()]
    if (!m || !operation) continue
    const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]))
    return { template: r.template, params, operation }
  }
  return undefined
}

export function documentationUrl(match: RouteMatch | undefined): string {
  return match?.operation.externalDocs?.url ?? 'https://docs.github.com/rest'
}

function describe(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0]
  if (!e) return 'Invalid request.'
  const where = e.instancePath ? `properties${e.instancePath}` : 'body'
  // GitHub's wording is "... is not an array."; ajv's "must be array" carries the same facts
  return `Invalid request.\n\nFor '${where}', ${JSON.stringify(e.data ?? null)} ${e.message ?? 'is invalid'}.`
}

/** Returns a GitHub-style message when the body would be refused, undefined when valid. */
export function validateBody(match: RouteMatch, body: unknown): string | undefined {
  const key = match.operation.operationId
  if (!bodyValidators.has(key)) {
    const schema = match.operation.requestBody?.content?.['application/json']?.schema
    bodyValidators.set(key, schema ? ajv!.compile(absolutizeRefs(rewriteNullable(schema)) as Json) : null)
  }
  const validate = bodyValidators.get(key)
  if (!validate) return undefined
  return validate(body) ? undefined : describe(validate.errors?.map((e) => ({ ...e, data: dataAt(body, e.instancePath) })))
}

function dataAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), body)
}

/** Query parameters against their declared schemas (types, enums, per_page ≤ 100). */
export function validateQuery(match: RouteMatch, query: URLSearchParams): string | undefined {
  const key = match.operation.operationId
  if (!queryValidators.has(key)) {
    const params = (match.operation.parameters ?? []).map((p) => resolveParam(p)).filter((p) => p.in === 'query' && p.schema)
    const properties = Object.fromEntries(params.map((p) => [p.name as string, rewriteNullable(p.schema)]))
    queryValidators.set(key, params.length ? queryAjv!.compile({ type: 'object', properties }) : null)
  }
  const perPage = query.get('per_page')
  if (perPage !== null && Number(perPage) > 100) return `Invalid request.\n\nFor 'per_page', ${perPage} is greater than the maximum of 100.`
  const validate = queryValidators.get(key)
  if (!validate) return undefined
  const values: Json = Object.fromEntries(query.entries())
  return validate(values) ? undefined : describe(validate.errors?.map((e) => ({ ...e, data: dataAt(values, e.instancePath) })))
}

function resolveParam(p: Json): Json {
  const ref = p.$ref
  if (typeof ref !== 'string') return p
  const name = ref.split('/').at(-1)!
  return ((load().components.parameters as Json)[name] ?? {}) as Json
}
