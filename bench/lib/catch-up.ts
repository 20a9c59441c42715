/**
 * After seeding, what the action itself would have written, written by the action's own code:
 * the product's sweep (src/shell/run-sweep.ts) run in this process until nothing is deferred,
 * reading the local GitHub over HTTP like the action, and writing the comments, edits,
 * reactions and labels it plans straight into the local GitHub's state as the action's identity
 * (the person actions, no HTTP): the same writes, without Octokit's pacing, so 1,000
 * escalations catch up in seconds. The clock moves on as production pacing would space the
 * writes (comments 3 s apart, other writes 1 s), so their timestamps differ as on GitHub. Cards, accepted commands, breach labels and notices are
 * then exactly the product's. Only seeding works this way; every measured run is the bundle.
 */
import { performance } from 'node:perf_hooks'
import { createGateway, type EscalationGateway } from '../../src/github/gateway'
import { createOctokits } from '../../src/github/octokit'
import { runSweep } from '../../src/shell/run-sweep'
import type { LocalGitHub, RepoHandle } from '../../test/local-github'

export interface CatchUpOptions {
  /** The repository to catch up (default: gh's own). */
  repo?: RepoHandle
  /** The token the action runs with, and its login as the local GitHub knows it. */
  token?: string
  bot?: string
  /**
   * The configuration to sweep with (a large `max-writes-per-run`), written to the repository's
   * `.github/escalations.yml`: the caller puts the one its measured runs use there afterwards.
   */
  configText: string
}

export interface CatchUp {
  sweeps: number
  writes: number
  ms: number
}

const MAX_SWEEPS = 12
const CONFIG_PATH = '.github/escalations.yml'
const SKIPPED = 'ledger left to the last catch-up sweep'
const QUIET = { info: () => {}, warning: () => {}, debug: () => {} }

export async function catchUp(gh: LocalGitHub, options: CatchUpOptions): Promise<CatchUp> {
  const start = performance.now()
  const repo = options.repo ?? gh
  const bot = options.bot ?? 'github-actions[bot]'
  const octokits = createOctokits(options.token ?? 'ghs_localtoken', QUIET, {
    writeMs: 0,
    notificationMs: 0,
    retryBaseMs: 10,
    secondaryFallbackSeconds: 1,
  })
  // @actions/github fixes the API address when it loads; this local GitHub's is set per request.
  for (const octokit of [octokits.reader, octokits.writer])
    octokit.hook.before('request', (request) => {
      request.baseUrl = gh.url
    })
  repo.putFile(CONFIG_PATH, options.configText)
  let writes = 0
  /** Each write stamped as production pacing spaces them: comments 3 s apart, other writes 1 s. */
  const write = (seconds: number) => {
    writes += 1
    gh.clock.advance(seconds / 60)
  }
  const act = repo.act
  const real = createGateway(octokits, { owner: repo.owner, repo: repo.repo }, QUIET)
  const gateway: EscalationGateway = {
    ...real,
    async createComment(number, body) {
      write(3)
      return act.comment(number, body, bot).commentId
    },
    async updateComment(id, body) {
      write(1)
      act.editComment(id, body, bot)
    },
    async addReaction(id, content) {
      write(1)
      act.react(id, content, bot)
    },
    async addLabels(number, labels) {
      write(1)
      for (const label of labels) act.label(number, label, bot)
    },
    async removeLabel(number, label) {
      write(1)
      act.unlabel(number, label, bot)
    },
    async addAssignees(number, logins) {
      write(1)
      for (const login of logins) act.assign(number, login, bot)
    },
    async removeAssignees(number, logins) {
      write(1)
      for (const login of logins) act.unassign(number, login, bot)
    },
    async closeIssue(number) {
      write(1)
      act.close(number, { by: bot, reason: 'completed' })
    },
  }
  // The ledger is kept by the last sweep only: each earlier one would re-read every escalation it wrote to.
  const withoutLedger: EscalationGateway = {
    ...gateway,
    readLedger: () => Promise.reject(new Error(SKIPPED)),
  }
  let sweeps = 0
  for (let deferred = Infinity; ; sweeps += 1) {
    const last = deferred === 0
    const report = await runSweep(last ? gateway : withoutLedger, CONFIG_PATH, () => gh.clock.now(), QUIET, { inOrganization: true })
    const failures = (report.failures ?? []).filter((failure) => !failure.includes(SKIPPED))
    if (failures.length > 0) throw new Error(`catch-up sweep failed: ${failures.join('; ')}`)
    if (last) break
    deferred = Number(/; (\d+) deferred/.exec(report.decisions.join('\n'))?.[1] ?? NaN)
    if (Number.isNaN(deferred)) throw new Error(`catch-up: the sweep did not say what it deferred: ${report.decisions.join(' ')}`)
    if (sweeps >= MAX_SWEEPS) throw new Error(`catch-up: still ${deferred} escalations deferred after ${sweeps} sweeps`)
  }
  sweeps += 1
  gh.clearRequests()
  return { sweeps, writes, ms: performance.now() - start }
}
