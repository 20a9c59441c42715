import type { Config } from '../config/types'
import type { FormTemplate } from '../core/form/types'
import type { LedgerRecord } from '../core/ledger/record'
import type { Period } from '../core/report/period'
import type { ReportOptions } from '../core/report/render-report'
import { combineLedgers, repositoryFigures, type MissingRepository, type RepositoryLedger } from '../core/report/repositories'
import type { EscalationGateway } from '../github/gateway'
import type { LedgerRead } from '../github/ledger-gateway'
import type { Logger } from '../github/octokit'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { syncLedger, type Ledger } from './sync-ledger'

/** Where the report goes: the report issue to edit (its marker kept), or null to open one. */
export interface ReportTarget {
  number: number | null
  /** The body whose ledger marker the report keeps. */
  markerBody: string
  /** The body on GitHub now: the report is written only when it reads differently. */
  current: string | undefined
}

/** What the report is computed from, and what gathering it did. */
export interface ReportScope {
  records: LedgerRecord[]
  /** What organisation mode adds to the rendering: repositories covered, their rows, those left out. */
  options: Pick<ReportOptions, 'repositories' | 'breakdown' | 'missing'>
  /** Null: a matrix shard, whose report is its job summary only (the pinned one stays whole). */
  target: ReportTarget | null
  decisions: string[]
  done: string[]
  failures: string[]
}

export interface OrgReportContext {
  config: Config
  template: FormTemplate
  /** The central repository's ledger read (its configuration and report issue). */
  read: LedgerRead
  configPath: string
  period: Period
  now: Date
  log: Logger
  /** A matrix shard's repositories; empty: the configuration's list. */
  shard: string[]
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * Organisation mode: every listed repository's ledger brought up to date where it lives (each
 * repository's report issue, which its intake reads for repeat customers and the organisation
 * sweep keeps too), the records combined for one report in the central repository. A
 * repository that cannot be read is named with GitHub's answer; the others are reported.
 */
export async function gatherOrganization(gateway: EscalationGateway, context: OrgReportContext): Promise<ReportScope> {
  const { config, shard, log } = context
  const wanted = config.organization?.repositories ?? []
  const names = shard.length > 0 ? shard : wanted === 'all' ? await gateway.listRepositories() : wanted
  const publish = shard.length === 0
  const own = gateway.repo.repo.toLowerCase()
  const ledgers: RepositoryLedger[] = []
  const missing: MissingRepository[] = []
  const scope: ReportScope = { records: [], options: {}, target: null, decisions: [], done: [], failures: [] }
  let central: Ledger | null = null
  for (const name of names) {
    const repository = `${gateway.repo.owner}/${name}`
    try {
      const isCentral = name.toLowerCase() === own
      log.info(`${repository}: bringing the ledger up to date.`)
      const ledger = isCentral ? await syncCentral(gateway, context, publish) : await syncMember(gateway.forRepository(name), context)
      if (isCentral) central = ledger
      ledgers.push({ repository, records: ledger.records })
      if (ledger.rebuilt && ledger.records.length > 0) scope.decisions.push(`${repository}: the ledger was rebuilt from the issues.`)
      if (ledger.writes > 0) scope.done.push(`${repository}: updated the ledger (${count(ledger.writes, 'write', 'writes')})`)
    } catch (error) {
      // One repository's failure must not cost the others their report; it is named in it instead.
      const reason = error instanceof Error ? error.message : String(error)
      missing.push({ repository, reason })
      scope.failures.push(`${repository}: ${reason}`)
    }
  }
  scope.records = combineLedgers(ledgers)
  scope.options = {
    repositories: ledgers.map((ledger) => ledger.repository),
    breakdown: repositoryFigures(ledgers, config, context.period),
    missing,
  }
  if (publish)
    scope.target = await targetOf(
      gateway,
      context,
      central,
      names.some((name) => name.toLowerCase() === own),
    )
  scope.decisions.unshift(
    `${count(scope.records.length, 'escalation', 'escalations')} in the ledgers of ${ledgers.length} of ${count(names.length, 'repository', 'repositories')}; period ${context.period.label}.`,
    ...(publish ? [] : ['A matrix shard: the report is this job’s summary; the pinned report issue stays whole.']),
  )
  return scope
}

/** The central repository's own ledger, from the read already made: the report and its marker are written in one edit. */
function syncCentral(gateway: EscalationGateway, context: OrgReportContext, publish: boolean): Promise<Ledger> {
  const { config, template, now, log, read } = context
  return syncLedger(gateway, { config, template, now, log, read, createReport: publish, deferBody: publish })
}

/** A member repository's ledger, as its sweep keeps it, with its own configuration. */
async function syncMember(member: EscalationGateway, context: OrgReportContext): Promise<Ledger> {
  const { configPath, now, log } = context
  const read = await member.readLedger({ config: configPath, form: DEFAULT_FORM_PATH })
  const { config, template } = await loadSettings(read, configPath, member, log)
  return syncLedger(member, { config, template, now, log, read })
}

/** The central report issue: the one its ledger sync kept, else the one read at the start (re-read if a failed sync may have opened it). */
async function targetOf(
  gateway: EscalationGateway,
  context: OrgReportContext,
  central: Ledger | null,
  attempted: boolean,
): Promise<ReportTarget> {
  if (central && central.reportIssue !== null) {
    return {
      number: central.reportIssue,
      markerBody: central.reportBody ?? '',
      current: context.read.report?.body ?? central.reportBody ?? '',
    }
  }
  const report =
    context.read.report ?? (attempted ? (await gateway.readLedger({ config: context.configPath, form: DEFAULT_FORM_PATH })).report : null)
  return { number: report?.number ?? null, markerBody: report?.body ?? '', current: report?.body }
}
