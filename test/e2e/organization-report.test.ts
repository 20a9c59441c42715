/**
 * The metrics report in organisation mode, through the bundle: the central repository's report
 * job brings each listed repository's ledger up to date where it lives (that repository's report
 * issue, as its sweep keeps it), and writes one report over all of them, with a row per
 * repository, in the central pinned report issue and the job summary. A repository that cannot
 * be read is named with GitHub's answer and the run fails; the others are reported, nothing kept
 * before is lost, and a re-run with nothing new writes nothing.
 */
import { describe, expect, it } from 'vitest'
import { runAction, type RunResult } from '../harness'
import type { LocalGitHub } from '../local-github'
import { checkWrittenByAction } from '../render/check-written'
import { allRequests } from './followup-helpers'
import { COMPLETE, formBody, productRepository, teamConfig } from './scenario'
import { stageOnce, withStaged } from './staged'
import { BOT_LOGIN, expectFailure, expectSuccess } from './thread'

/** One token for every repository, the action's own identity: everything it writes anywhere is its own and render-checked. */
const TOKEN = 'ghs_orgreport'
const central = (repositories: 'all' | string[]) => teamConfig((config) => (config.organization = { repositories }))

type Repo = ReturnType<LocalGitHub['addRepository']>

const product = (gh: LocalGitHub, name: string): Repo => productRepository(gh, name)

/** The repository's own workflow run for an event (intake and thread commands happen where the escalation lives). */
async function runIn(gh: LocalGitHub, repo: Repo | LocalGitHub, event: Parameters<typeof runAction>[1]): Promise<void> {
  expectSuccess(await runAction(gh, event, { inputs: { token: TOKEN }, env: { GITHUB_REPOSITORY: repo.fullName } }))
}

async function file(gh: LocalGitHub, repo: Repo | LocalGitHub, tier: string, customer: string): Promise<number> {
  const events = repo.act.openIssue({
    by: 'carla',
    title: `[Escalation] ${customer}`,
    body: formBody({ ...COMPLETE, customer, requestedTier: tier }),
    labels: ['escalation'],
  })
  for (const event of events) await runIn(gh, repo, event)
  return events.number
}

async function say(gh: LocalGitHub, repo: Repo | LocalGitHub, number: number, text: string, by: string, minutes: number) {
  gh.clock.advance(minutes)
  await runIn(gh, repo, repo.act.comment(number, text, by))
}

/**
 * support (central): Globex, Critical, acknowledged in 10m (met), no update within 2h nor
 * resolution within 1d by the report (both missed). support-emea: Initech, Critical,
 * acknowledged in 20m, the same two targets missed; Umbrella, High, never acknowledged (its 2h
 * target missed; update and resolve still running). support-us: Hooli, Standard, acknowledged
 * in 30m, resolved an hour later (all three targets met), rated 4.
 */
async function escalations(gh: LocalGitHub, emea: Repo, us: Repo) {
  const globex = await file(gh, gh, 'Tier 1 – Critical', 'Globex Corporation')
  await say(gh, gh, globex, '/ack', 'olivia', 10)
  const initech = await file(gh, emea, 'Tier 1 – Critical', 'Initech')
  await say(gh, emea, initech, '/ack', 'olivia', 20)
  await file(gh, emea, 'Tier 2 – High', 'Umbrella')
  const hooli = await file(gh, us, 'Tier 3 – Standard', 'Hooli')
  await say(gh, us, hooli, '/ack', 'olivia', 30)
  await say(gh, us, hooli, '/resolve Replayed the failed webhooks.', 'olivia', 60)
  await say(gh, us, hooli, '/csat 4 fixed the same day', 'carla', 10)
}

async function report(gh: LocalGitHub): Promise<RunResult> {
  return runAction(gh, gh.dispatchPayload(), { inputs: { token: TOKEN, job: 'report' } })
}

function reportIssue(repo: Repo | LocalGitHub): number {
  const numbers = repo.issuesWithLabel('escalation-report')
  expect(numbers, `one report issue in ${repo.fullName}`).toHaveLength(1)
  return numbers[0]!
}

/** The central report as people read it: the issue body without its hidden marker. */
const visible = (gh: LocalGitHub) => (gh.issue(reportIssue(gh)).body ?? '').replace(/^<!-- escalation-desk:report .*? -->\n/, '')

const ledgerOf = (repo: Repo | LocalGitHub) =>
  repo.comments(reportIssue(repo)).filter((comment) => comment.body?.startsWith('<!-- escalation-desk:ledger'))

/** The rows of the per-repository table. */
const repositoryRows = (text: string) => text.split('\n').filter((line) => line.startsWith('| acme/'))

/** Everything the action wrote in a member repository renders as GitHub renders it (withRepo checks the central one). */
const renderProblems = (repo: Repo) => checkWrittenByAction(repo as unknown as LocalGitHub)

const HEADLINE =
  '**4 escalations** filed 2026-10-26 – 2026-11-25 · MTTA median **20m** (n = 3) · SLA attainment **50%** (5/10 targets met) · CSAT **4.0 / 5** (1 rating)'

/** The three repositories with their escalations, worked through the bundle once; each test starts from a copy. */
const worked = stageOnce(
  async (gh) => {
    gh.addToken(TOKEN, { login: BOT_LOGIN, kind: 'app' })
    await escalations(gh, product(gh, 'support-emea'), product(gh, 'support-us'))
  },
  { config: central('all') },
)

/** The staged repositories, `config` the central one. */
function members(gh: LocalGitHub, config: string) {
  gh.putFile('.github/escalations.yml', config)
  return { emea: gh.repository('support-emea'), us: gh.repository('support-us') }
}

describe.concurrent('the organisation report', () => {
  it('covers every repository in one report with a row each; a re-run with nothing new writes nothing', async () => {
    await withStaged(
      worked,
      async (gh) => {
        const { emea, us } = members(gh, central('all'))
        gh.clock.set('2026-11-25T09:00:00Z')

        const fresh = allRequests(gh)
        const first = await report(gh)
        expectSuccess(first)
        console.log(
          `organisation report over 3 repositories, no ledger yet: ${fresh.all().length} requests, ${fresh.writes().length} writes`,
        )
        for (const text of [first.summary, visible(gh)]) {
          expect(text).toContain(HEADLINE)
          expect(text).toContain('Repositories: acme/support, acme/support-emea, acme/support-us')
          expect(repositoryRows(text)).toEqual([
            '| acme/support-emea | 2 | 20m (n = 1) | 25% (1/4) | 0 | — |',
            '| acme/support | 1 | 10m (n = 1) | 33% (1/3) | 0 | — |',
            '| acme/support-us | 1 | 30m (n = 1) | 100% (3/3) | 0 | 4.0 / 5 (1) |',
          ])
          expect(text).not.toContain('Not covered')
        }
        // Each member's ledger lives in its own report issue, where its intake reads it; the report itself is written once, centrally.
        for (const repo of [emea, us]) {
          expect(ledgerOf(repo)).toHaveLength(1)
          expect(repo.issue(reportIssue(repo)).body).not.toContain('## By tier')
        }
        expect(ledgerOf(gh)).toHaveLength(1)
        expect(fresh.all().length).toBeLessThanOrEqual(20)

        const again = allRequests(gh)
        const rerun = await report(gh)
        expectSuccess(rerun)
        console.log(`organisation report re-run, nothing new: ${again.all().length} requests, ${again.writes().length} writes`)
        expect(again.describeWrites()).toEqual([])
        // Two reads a repository (its ledger, what changed since), the central one's first read shared, and the listing.
        expect(again.all().length).toBeLessThanOrEqual(7)
        expect(repositoryRows(rerun.summary)).toEqual(repositoryRows(first.summary))

        // A new escalation in one repository, an hour later: edits only, no new issue or comment. That repository's
        // shard and marker and the central report change; another repository's shard may too, its latest escalation
        // re-read with the later clock (a target running out while nobody touched the issue).
        gh.clock.advance(60)
        await file(gh, us, 'Tier 3 – Standard', 'Stark Industries')
        const change = allRequests(gh)
        expectSuccess(await report(gh))
        console.log(
          `organisation report, one new escalation: ${change.all().length} requests, ${change.writes().length} writes`,
          change.describeWrites(),
        )
        expect(change.describeWrites().every((write) => write.startsWith('PATCH '))).toBe(true)
        expect(change.writes().length).toBeLessThanOrEqual(4)
        expect(visible(gh)).toContain('**5 escalations** filed')
        for (const repo of [emea, us]) expect(renderProblems(repo)).toEqual([])
      },
      { config: central('all') },
    )
  })

  it('a repository it cannot read is named with why and the run fails; the others are reported, nothing kept before is lost', async () => {
    await withStaged(
      worked,
      async (gh) => {
        const all = ['acme/support', 'acme/support-emea', 'acme/support-us']
        gh.addToken(TOKEN, { login: BOT_LOGIN, kind: 'app', repositories: all })
        const { emea, us } = members(gh, central(['support-emea', 'support-us']))
        gh.clock.set('2026-11-25T09:00:00Z')
        expectSuccess(await report(gh))
        const whole = visible(gh)
        const usLedger = ledgerOf(us).map((comment) => comment.body)

        // The installation loses support-us (private): GitHub answers as if it did not exist.
        gh.addToken(TOKEN, { login: BOT_LOGIN, kind: 'app', repositories: all.slice(0, 2) })
        const partial = await report(gh)
        const error = expectFailure(partial)
        expect(error).toContain('acme/support-us')
        expect(partial.summary).toContain('### Failed (retried next run)')
        for (const text of [partial.summary, visible(gh)]) {
          expect(text).toContain('**2 escalations** filed')
          expect(text).toContain('Repositories: acme/support-emea')
          expect(text).toContain('**Not covered this run**')
          expect(text).toMatch(
            /^- acme\/support-us: Could not read the escalation ledger: .*Could not resolve to a Repository.* Check the repository name, and that the token \(the App installation\) can reach it\.$/m,
          )
          expect(repositoryRows(text).map((row) => row.split(' | ')[0])).toEqual(['| acme/support-emea'])
        }
        // support-us's ledger is untouched, and support-emea's figures are what they were.
        expect(ledgerOf(us).map((comment) => comment.body)).toEqual(usLedger)
        expect(whole).toContain('| acme/support-emea | 2 | 20m (n = 1) | 25% (1/4) | 0 | — |')
        expect(visible(gh)).toContain('| acme/support-emea | 2 | 20m (n = 1) | 25% (1/4) | 0 | — |')

        const again = allRequests(gh)
        expectFailure(await report(gh))
        expect(again.describeWrites()).toEqual([])

        // Access back: the whole report again, as it was.
        gh.addToken(TOKEN, { login: BOT_LOGIN, kind: 'app', repositories: all })
        expectSuccess(await report(gh))
        expect(visible(gh)).toBe(whole)
        for (const repo of [emea, us]) expect(renderProblems(repo)).toEqual([])
      },
      { config: central(['support-emea', 'support-us']) },
    )
  })

  it('a matrix shard reports its repositories in its job summary and leaves the pinned report whole', async () => {
    await withStaged(
      worked,
      async (gh) => {
        members(gh, central(['support-emea', 'support-us']))
        gh.clock.set('2026-11-25T09:00:00Z')
        expectSuccess(await report(gh))
        const whole = visible(gh)
        const shard = await runAction(gh, gh.dispatchPayload(), { inputs: { token: TOKEN, job: 'report', repositories: 'support-us' } })
        expectSuccess(shard)
        expect(repositoryRows(shard.summary)).toEqual(['| acme/support-us | 1 | 30m (n = 1) | 100% (3/3) | 0 | 4.0 / 5 (1) |'])
        expect(visible(gh)).toBe(whole)
      },
      { config: central(['support-emea', 'support-us']) },
    )
  })
})
