import { schema } from '@octokit/graphql-schema'
import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  validate as validateDocument,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import * as queries from '../../../src/github/queries'
import * as followUpQueries from '../../../src/github/followup-queries'
import * as ledgerQueries from '../../../src/github/ledger-queries'

/** Every exported document of the gateway (the `*_QUERY` and `*_MUTATION` constants, and the built settle query). */
const QUERIES: [string, string][] = [
  ...Object.entries({ ...queries, ...followUpQueries, ...ledgerQueries } as Record<string, unknown>).flatMap(([name, value]) =>
    (name.endsWith('_QUERY') || name.endsWith('_MUTATION')) && typeof value === 'string' ? [[name, value] as [string, string]] : [],
  ),
  ['recentCommentsOfQuery([3, 14, 15], 20)', queries.recentCommentsOfQuery([3, 14, 15], 20)],
]

const GITHUB = buildSchema(schema.idl, { assumeValidSDL: true }) // the published SDL repeats a few fields

/**
 * Validated against the SDL (schema.idl), the newer of the package's two descriptions: its
 * `validate` uses schema.json, which predates sub-issues. The local GitHub serves the same SDL.
 */
const validate = (query: string) => validateDocument(GITHUB, parse(query))

/**
 * GitHub's own rules beyond the schema, which `validate` does not check: every connection needs
 * `first` or `last`, at most 100 ("Clients must supply a first or last argument on any connection").
 */
function paginationProblems(query: string): string[] {
  const problems: string[] = []
  const typeInfo = new TypeInfo(GITHUB)
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType()
        if (!type || !getNamedType(type).name.endsWith('Connection')) return
        const size = (node.arguments ?? []).filter((arg: ArgumentNode) => arg.name.value === 'first' || arg.name.value === 'last')
        const where = `${node.alias?.value ?? node.name.value} (line ${node.loc?.startToken.line})`
        if (size.length === 0) problems.push(`${where}: no first or last`)
        for (const arg of size) {
          if (arg.value.kind === Kind.INT && Number(arg.value.value) > 100)
            problems.push(`${where}: ${arg.name.value} ${arg.value.value} > 100`)
        }
      },
    }),
  )
  return problems
}

describe('GraphQL queries against GitHub’s schema', () => {
  it('finds the queries the gateway sends', () => {
    expect(QUERIES.map(([name]) => name)).toEqual(
      expect.arrayContaining(['FILE_QUERY', 'ISSUE_QUERY', 'MORE_COMMENTS_QUERY', 'RECENT_COMMENTS_QUERY']),
    )
  })

  it.each(QUERIES)('%s is valid against the schema', (_name, query) => {
    expect(validate(query).map((error) => error.message)).toEqual([])
  })

  it.each(QUERIES)('%s gives every connection first or last (≤ 100)', (_name, query) => {
    expect(paginationProblems(query)).toEqual([])
  })

  it('the timeline fragment asks only for event types and fields that exist', () => {
    const fragment = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { issue(number: 1) {
      timelineItems(last: 1, itemTypes: [${queries.EVENT_TYPES}]) { nodes { ${queries.EVENT_FIELDS} } } } } }`
    expect(validate(fragment).map((error) => error.message)).toEqual([])
  })

  it('the checks can fail: a misspelt field and an unpaginated connection are caught', () => {
    expect(validate('query { repository(owner: "a", name: "b") { issue(number: 1) { databaseIdd } } }').length).toBeGreaterThan(0)
    const unpaginated =
      'query { repository(owner: "a", name: "b") { issue(number: 1) { comments { totalCount } labels(first: 101) { nodes { name } } } } }'
    expect(paginationProblems(unpaginated)).toEqual(['comments (line 1): no first or last', 'labels (line 1): first 101 > 100'])
  })
})
