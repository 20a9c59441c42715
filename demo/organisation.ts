/**
 * One desk across the organisation: a central repository whose workflow (with a GitHub App's
 * token, which reaches every repository) sweeps two product repositories, posting in each as
 * its own sweep would, and keeps one pinned dashboard of every open escalation.
 */
import { COMPLETE, FORM_TEXT, formBody, teamConfig } from '../test/e2e/scenario'
import type { RepoHandle } from '../test/local-github'
import { printThread } from './print-thread'
import { cardRows } from './readers'
import { clockAt, deliver, part, requestsSince, type Stage } from './stage'

const APP = { token: 'ghs_orgdesk' }
const PRODUCTS = ['support-emea', 'support-us']

/** Returns the repositories it added, for the tally. */
export async function organisation(stage: Stage): Promise<RepoHandle[]> {
  const { gh } = stage
  part('Organisation: one central workflow for the EMEA and US support repositories')
  gh.addToken(APP.token, { login: 'escalation-desk', kind: 'app' })
  const central = gh.addRepository('support-desk')
  central.putFile(
    '.github/escalations.yml',
    teamConfig((config) => (config.organization = { repositories: PRODUCTS })),
  )
  console.log(
    `${central.fullName}/.github/escalations.yml: the team configuration, plus\n  organization:\n    repositories: [${PRODUCTS.join(', ')}]`,
  )
  const [emea, us] = PRODUCTS.map((name) => product(gh.addRepository(name)))
  clockAt(stage, '2026-12-02T13:00:00Z')
  console.log(
    'Each product repository has the form, its own workflow for issue events and its own configuration (the team’s tiers and people), which its intake and the central sweep both use.',
  )
  const critical = await file(
    stage,
    emea!,
    '13:00',
    'Tier 1 – Critical',
    'Umbrella Corporation',
    '[Escalation] Umbrella: SSO login loops for every user',
  )
  for (const row of cardRows(emea!, critical, ['State', 'Owners', 'Waiting on']))
    console.log(`  card of ${emea!.fullName}#${critical}: ${row}`)
  clockAt(stage, '2026-12-02T13:05:00Z')
  await file(stage, us!, '13:05', 'Tier 3 – Standard', 'Initech', '[Escalation] Initech: invoice PDFs show the wrong currency')

  clockAt(stage, '2026-12-02T13:45:00Z')
  const cost = requestsSince(gh)
  const swept = await deliver(
    stage,
    '13:45 The central scheduled sweep: Umbrella’s 30m acknowledge target has passed',
    central.schedulePayload(),
    orgRun(central),
  )
  console.log(`  organisation sweep: ${cost.all().length} requests, ${cost.writes().length} writes`)
  printThread(emea!, critical, { lastComments: 1 })
  const [dashboard] = central.issuesWithLabel('escalation-dashboard')
  if (dashboard === undefined) throw new Error(`the organisation sweep left no dashboard:\n${swept.stdout}`)
  printThread(central, dashboard, { body: true })
  return [central, emea!, us!]
}

/** A product repository with the form, labels and configuration, and the support people. */
function product(repo: RepoHandle): RepoHandle {
  repo.putFile('.github/ISSUE_TEMPLATE/escalation.yml', FORM_TEXT)
  repo.putFile('.github/escalations.yml', teamConfig())
  for (const label of ['escalation', 'needs-info', 'tier-1', 'tier-2', 'tier-3', 'sla-breached']) repo.createLabel(label)
  repo.setCollaborator('carla', 'triage')
  repo.setCollaborator('olivia', 'maintain')
  repo.setCollaborator('tom', 'write')
  return repo
}

/** Runs in `repo`'s name with the App's token. */
const orgRun = (repo: RepoHandle) => ({ inputs: APP, env: { GITHUB_REPOSITORY: repo.fullName } })

async function file(stage: Stage, repo: RepoHandle, time: string, tier: string, customer: string, title: string): Promise<number> {
  const opened = repo.act.openIssue({
    by: 'carla',
    title,
    body: formBody({ ...COMPLETE, customer, requestedTier: tier }),
    labels: ['escalation'],
  })
  await deliver(
    stage,
    `${time} Carla files ${tier} for ${customer} in ${repo.fullName} (its workflow runs the intake)`,
    [...opened],
    orgRun(repo),
  )
  return opened.number
}
