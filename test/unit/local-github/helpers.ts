/** Shared by the local GitHub's own tests: a small REST/GraphQL client with a chosen token, and
 * a webhook payload check against @octokit/webhooks-schemas. */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { expect } from 'vitest'
import type { LocalGitHub, WebhookEvent } from '../../local-github'

const webhookSchema = JSON.parse(readFileSync('node_modules/@octokit/webhooks-schemas/schema.json', 'utf8'))
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
ajv.addSchema(webhookSchema, 'webhooks')

/** The schema has one definition per event and action, e.g. `pull_request$closed`. */
export function expectValidWebhook(event: WebhookEvent) {
  const validate = ajv.getSchema(`webhooks#/definitions/${event.name}$${event.payload.action ?? 'event'}`)
  if (!validate) throw new Error(`no schema for ${event.name}.${event.payload.action}`)
  const valid = validate(event.payload)
  expect(valid ? [] : validate.errors, `${event.name}.${event.payload.action}`).toEqual([])
}

export interface ApiAnswer {
  status: number
  headers: Headers
  data: any
}

const ABSOLUTE = ['/repos/', '/orgs/', '/installation/', '/user', '/graphql']

/** Requests to the local GitHub with a token (null: none); paths are relative to `repo` unless they start at the API root (/repos/, /orgs/, ...). */
export function client(gh: LocalGitHub, token: string | null = 'ghs_localtoken', repo = `${gh.owner}/${gh.repo}`) {
  const rest = async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
    const url = path.startsWith('http')
      ? path
      : ABSOLUTE.some((p) => path.startsWith(p))
        ? `${gh.url}${path}`
        : `${gh.url}/repos/${repo}${path}`
    const res = await fetch(url, {
      method,
      headers: { ...(token === null ? {} : { authorization: `token ${token}` }), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, data: text ? JSON.parse(text) : undefined }
  }
  const graphql = async (query: string, variables: Record<string, unknown> = {}) =>
    (await rest('POST', `${gh.url}/graphql`, { query, variables })).data
  return { rest, graphql }
}
