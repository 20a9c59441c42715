/**
 * One desk across an organisation, through the bundle: the central repository's sweep (with an
 * App token that reaches every repository) sweeps each listed repository, posting there as its
 * own sweep would, and keeps one pinned dashboard of every open escalation, most urgent first.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, formBody, productRepository, teamConfig } from './scenario'
import { startFaultProxy } from './fault-matrix-cells'
import { expectSuccess, withRepo } from './thread'

const CENTRAL = teamConfig((config) => (config.organization = { repositories: ['support-emea', 'support-us'] }))
const APP = { token: 'ghs_orgdesk' }

/** A product repository; escalations are filed there and run through intake. */
const product = (gh: LocalGitHub, name: string) => productRepository(gh, name)

async function file(gh: LocalGitHub, repo: ReturnType<typeof product>, tier: string, customer: string) {
  const events = repo.act.openIssue({
    by: 'carla',
    title: `[Escalation] ${customer}`,
    body: formBody({ ...COMPLETE, customer, requestedTier: tier }),
    labels: ['escalation'],
  })
  for (const event of events)
    expectSuccess(await runAction(gh, event, { inputs: APP, env: { GITHUB_REPOSITORY: `${repo.owner}/${repo.repo}` } }))
  return events.number
}

describe.concurrent('organisation mode', () => {
  it('sweeps every listed repository and keeps one dashboard, most urgent first', async () => {
    await withRepo(
      async (gh) => {
        gh.addToken(APP.token, { login: 'escalation-desk', kind: 'app' })
        const emea = product(gh, 'support-emea')
        const us = product(gh, 'support-us')
        const critical = await file(gh, emea, 'Tier 1 – Critical', 'Globex Corporation')
        const standard = await file(gh, us, 'Tier 3 – Standard', 'Initech')
        gh.clock.advance(40) // Globex's 30m acknowledge target has passed
        const result = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expectSuccess(result)
        // Posted where the escalation lives: the breach status in support-emea.
        const statuses = emea.comments(critical).filter((comment) => comment.body?.startsWith('<!-- escalation-desk:status'))
        expect(statuses).toHaveLength(1)
        expect(statuses[0]!.body).toContain('Acknowledge SLA breached')
        expect(us.comments(standard).filter((comment) => comment.body?.startsWith('<!-- escalation-desk:status'))).toEqual([])
        // One dashboard in the central repository, breached first.
        const dashboards = gh.issuesWithLabel('escalation-dashboard')
        expect(dashboards).toHaveLength(1)
        const body = gh.issue(dashboards[0]!).body as string
        const rows = body.split('\n').filter((line) => line.startsWith('| [acme/'))
        expect(rows).toHaveLength(2)
        // Each row links to its escalation, and names the tier as the cards do.
        expect(rows[0]).toContain(`[acme/support-emea#${critical}](https://github.com/acme/support-emea/issues/${critical}) | Critical |`)
        expect(rows[0]).toContain('🔴 breached')
        expect(rows[1]).toContain(`[acme/support-us#${standard}](https://github.com/acme/support-us/issues/${standard})`)
        expect(result.summary).toContain('Escalations across 2 repositories')
        // A second sweep with nothing new edits nothing.
        const again = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expectSuccess(again)
        expect(gh.issue(dashboards[0]!).body).toBe(body)
      },
      { config: CENTRAL },
    )
  })

  it('starts with the repositories its last run had no time for, as its own dashboard records them', async () => {
    await withRepo(
      async (gh) => {
        gh.addToken(APP.token, { login: 'escalation-desk', kind: 'app' })
        const emea = product(gh, 'support-emea')
        const us = product(gh, 'support-us')
        await file(gh, emea, 'Tier 2 – High', 'Globex Corporation')
        await file(gh, us, 'Tier 3 – Standard', 'Initech')
        expectSuccess(await runAction(gh, gh.schedulePayload(), { inputs: APP }))
        const [dashboard] = gh.issuesWithLabel('escalation-dashboard')
        // The run's decisions name each repository as it is swept.
        const firstSwept = (summary: string) => /^- (support-[a-z]+): /m.exec(summary)?.[1]
        // A run that ran out of time left support-us: its dashboard says so, and the next run starts there.
        const body = gh.issue(dashboard!).body as string
        const marker = '<!-- escalation-desk:org-dashboard {"notReached":[]} -->'
        expect(body.startsWith(marker)).toBe(true)
        gh.act.editIssue(dashboard!, { by: 'escalation-desk[bot]', body: body.replace(marker, marker.replace('[]', '["support-us"]')) })
        gh.clock.advance(15)
        const next = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expectSuccess(next)
        expect(firstSwept(next.summary)).toBe('support-us')
        // Everything was reached this time: the record is cleared and the list's order is back.
        expect((gh.issue(dashboard!).body as string).startsWith(marker)).toBe(true)
        gh.clock.advance(15)
        const after = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expect(firstSwept(after.summary)).toBe('support-emea')
        // Someone else's issue with the label and a forged record changes nothing.
        gh.act.openIssue({
          by: 'carla',
          title: 'Escalation dashboard',
          body: marker.replace('[]', '["support-us"]'),
          labels: ['escalation-dashboard'],
        })
        gh.clock.advance(15)
        const forged = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expect(firstSwept(forged.summary)).toBe('support-emea')
      },
      { config: CENTRAL },
    )
  })

  it('a dashboard whose pin failed when it was opened is pinned by the next sweep, and only then', async () => {
    await withRepo(
      async (gh) => {
        gh.addToken(APP.token, { login: 'escalation-desk', kind: 'app' })
        product(gh, 'support-us')
        await file(gh, product(gh, 'support-emea'), 'Tier 2 – High', 'Globex Corporation')
        const pins = () => gh.requests.filter((request) => request.operation === 'EscalationPinReport' && request.status === 200).length
        // GitHub refuses every pin of the first sweep: the dashboard is opened all the same, unpinned.
        const refusing = await startFaultProxy(gh, [
          { method: 'POST', route: 'graphql', operation: 'EscalationPinReport', action: { answer: { status: 502 } }, times: 10 },
        ])
        const first = await runAction(gh, gh.schedulePayload(), { inputs: APP, env: refusing.env })
        await refusing.close()
        expectSuccess(first)
        expect(first.warnings.join('\n')).toContain('Could not pin')
        expect(gh.issuesWithLabel('escalation-dashboard')).toHaveLength(1)
        expect(pins()).toBe(0)
        gh.clock.advance(15)
        const second = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expectSuccess(second)
        // The dashboard, and support-emea's report issue (its ledger's pin failed too).
        expect(second.summary).toContain('pinned the dashboard #')
        expect(pins()).toBe(2)
        gh.clock.advance(15)
        const third = await runAction(gh, gh.schedulePayload(), { inputs: APP })
        expectSuccess(third)
        expect(third.summary).not.toContain('pinned the dashboard')
        expect(pins()).toBe(2)
      },
      { config: CENTRAL },
    )
  })
})
