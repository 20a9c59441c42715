import type { LocalGitHub } from '../../test/local-github'

/** The local GitHub builds its GraphQL schema on the first query: done before measuring. */
export async function warmUp(gh: LocalGitHub): Promise<void> {
  const response = await fetch(gh.graphqlUrl, {
    method: 'POST',
    headers: { authorization: 'Bearer ghs_localtoken', 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query { rateLimit { cost remaining } }' }),
  })
  await response.text()
}
