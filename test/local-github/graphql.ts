/** POST /graphql: validated against GitHub's real schema (@octokit/graphql-schema), executed
 * against the same state as REST, with GitHub's cost and pagination limits. */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildSchema, type GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql'
import type { Ctx } from './builders'
import { computeCost } from './graphql-cost'
import { runMutation } from './graphql-mutations'
import { executeDocument } from './graphql-execute'
import { nodeRoot } from './graphql-nodes'
import { projectOwnerFields } from './graphql-projects'
import { contentNode } from './graphql-resolvers'
import { queryRoot } from './graphql-root'

let schema: GraphQLSchema | undefined
function loadSchema(): GraphQLSchema {
  // assumeValidSDL: the published SDL defines two EnterpriseOwnerInfo fields twice, which
  // strict SDL validation rejects although the schema is otherwise sound.
  // the package's exports hide schema.graphql: look for it in the node_modules folders Node would search
  const dirs = createRequire(import.meta.url).resolve.paths('@octokit/graphql-schema') ?? []
  const path = dirs.map((d) => join(d, '@octokit/graphql-schema/schema.graphql')).find((p) => existsSync(p))
  if (!path) throw new Error('@octokit/graphql-schema is not installed')
  schema ??= buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true })
  return schema
}

export interface GraphQLOutcome {
  status: number
  body: unknown
  isMutation: boolean
  cost?: number
  /** Set when GitHub would refuse the query outright (schema, syntax, limits). */
  invalid?: string
}

export interface RateLimitState {
  limit: number
  used: number
  resetAt: number
}

export function runGraphQL(
  serverCtx: Ctx,
  rate: RateLimitState,
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
): GraphQLOutcome {
  // A fresh context per request: the resolvers' index (see graphql-resolvers) sees this request's state.
  const ctx: Ctx = { ...serverCtx, siblings: undefined }
  const s = loadSchema()
  const refuse = (messages: string[], isMutation = false): GraphQLOutcome => ({
    status: 200,
    isMutation,
    invalid: messages.join('\n'),
    body: { errors: messages.map((message) => ({ message })) },
  })
  if (typeof request.query !== 'string') return refuse(['A query attribute must be specified and must be a string.'])
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (e) {
    return refuse([(e as GraphQLError).message])
  }
  const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation')
  const schemaErrors = validate(s, document)
  if (schemaErrors.length)
    return {
      ...refuse([]),
      isMutation,
      invalid: schemaErrors.map((e) => e.message).join('\n'),
      body: { errors: schemaErrors.map((e) => e.toJSON()) },
    }
  const variables = (request.variables ?? {}) as Record<string, unknown>
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined
  if (isMutation) return runMutation(ctx, s, document, variables, operationName, refuse)
  const cost = computeCost(s, document, variables, operationName)
  if (cost.errors.length) return refuse(cost.errors)
  const now = ctx.state.clock.now().getTime()
  if (now >= rate.resetAt) Object.assign(rate, { used: 0, resetAt: now + 3_600_000 })
  rate.used += cost.cost
  const rootValue = {
    ...queryRoot(ctx, projectOwnerFields(contentNode)),
    ...nodeRoot(ctx, contentNode),
    rateLimit: () => ({
      cost: cost.cost,
      limit: rate.limit,
      remaining: Math.max(rate.limit - rate.used, 0),
      used: rate.used,
      nodeCount: cost.nodeCount,
      resetAt: new Date(rate.resetAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  }
  const executed = executeDocument(s, document, rootValue, variables, operationName)
  return { status: 200, isMutation, cost: cost.cost, invalid: executed.invalid, body: executed.body }
}
