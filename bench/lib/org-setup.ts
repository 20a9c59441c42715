/**
 * An organisation for the org scenario: the central repository (gh's own, its configuration
 * listing the product repositories) and product repositories, each with the team's configuration
 * (organisation mode reads each member's own), the shipped form, the labels and the people, and its open escalations brought
 * to their steady state with the App's identity (bench/lib/steady-state.ts).
 */
import { productRepository, teamConfig } from '../../test/e2e/scenario'
import type { LocalGitHub, RepoHandle } from '../../test/local-github'
import { steadyState, type SteadyState } from './steady-state'

export const APP_TOKEN = 'ghs_deskapp'
export const APP_LOGIN = 'escalation-desk'
export const APP_BOT = `${APP_LOGIN}[bot]`

export interface Organisation {
  names: string[]
  repos: RepoHandle[]
  states: SteadyState[]
}

/** The central configuration: the team's, with the product repositories listed. */
export function centralConfig(names: string[], maxWrites?: number): string {
  return teamConfig((config) => {
    config.organization = { repositories: names }
    if (maxWrites !== undefined) config['max-writes-per-run'] = maxWrites
  })
}

export async function setUpOrganisation(
  gh: LocalGitHub,
  options: { repositories: number; escalations: number; seededUntil: Date },
): Promise<Organisation> {
  gh.addToken(APP_TOKEN, { login: APP_LOGIN, kind: 'app' })
  const names = Array.from({ length: options.repositories }, (_, i) => `support-${String(i + 1).padStart(2, '0')}`)
  const repos = names.map((name) => productRepository(gh, name, { config: null }))
  const states: SteadyState[] = []
  const catchUpConfig = teamConfig((config) => (config['max-writes-per-run'] = 1_000))
  for (const [index, repo] of repos.entries()) {
    states.push(
      await steadyState(gh, {
        repo,
        count: options.escalations,
        seededUntil: options.seededUntil,
        seed: 20261124 + index,
        token: APP_TOKEN,
        bot: APP_BOT,
        configText: catchUpConfig,
      }),
    )
    repo.putFile('.github/escalations.yml', teamConfig())
  }
  return { names, repos, states }
}
