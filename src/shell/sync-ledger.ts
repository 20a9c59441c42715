import type { Config } from '../config/types'
import { parseIssueBody } from '../core/form/parse-issue-body'
import type { FormTemplate } from '../core/form/types'
import { toLedgerRecord } from '../core/ledger/from-escalation'
import { type FRESH_META, readMeta, withMeta } from '../core/ledger/meta'
import type { LedgerRecord } from '../core/ledger/record'
import { LEDGER_VERSION, packShards, readShard, recordKey, renderShard, type Shard } from '../core/ledger/shards'
import { deriveEscalation } from '../core/lifecycle/derive'
import { isActionComment } from '../core/own-comments'
import type { EscalationGateway } from '../github/gateway'
import type { LedgerRead } from '../github/ledger-gateway'
import type { Logger } from '../github/octokit'

export interface Ledger {
  records: LedgerRecord[]
  reportIssue: number | null
  /** Requests this sync made (reads and writes), for the report's figures. */
  requests: number
  writes: number
  rebuilt: boolean
  /** The report issue's body after the sync (its marker holds how far the sync got). */
  reportBody: string | null
}

export interface SyncContext {
  config: Config
  template: FormTemplate
  now: Date
  log: Logger
  /** The ledger read (report issue and shards), done by the caller with its configuration read. */
  read: LedgerRead
  /** Ledger records to change on top of what the issues say (the sweep's preventive-action counts). */
  patch?: (record: LedgerRecord) => LedgerRecord
  /** Open the report issue even with no escalations yet (the report job does). */
  createReport?: boolean
}

const REPORT_PLACEHOLDER = '_No report yet: the escalation report appears here once the report job has run._'

/** The records the ledger holds now, as read (empty when it is missing or damaged). */
export function ledgerRecords(read: LedgerRead): LedgerRecord[] {
  return (readShards(read) ?? []).flatMap((shard) => shard.records)
}

/** The ledger's shards as the report issue holds them; null when one is damaged (the ledger is rebuilt). */
function readShards(read: LedgerRead): Shard[] | null {
  const comments = (read.report?.comments ?? []).filter(
    (comment) => isActionComment(comment) && comment.body.startsWith('<!-- escalation-desk:ledger'),
  )
  const shards: Shard[] = []
  for (const comment of comments) {
    const shard = readShard(comment.body)
    if (!shard) return null
    shards.push(shard)
  }
  return shards.sort((a, b) => a.index - b.index)
}

/**
 * Brings the ledger up to date: escalations changed since the last sync (all of them when the
 * ledger is missing or damaged) are read, each record recomputed with the lifecycle code, and
 * only the shards whose records changed are rewritten. Nothing new: no write at all.
 */
export async function syncLedger(gateway: EscalationGateway, context: SyncContext): Promise<Ledger> {
  const { config, template, now, read } = context
  const meta = read.report ? readMeta(read.report.body) : null
  const shards = readShards(read)
  const rebuilt = !meta || meta.version !== LEDGER_VERSION || shards === null
  const base = rebuilt ? [] : (shards ?? [])
  const records = new Map<string, LedgerRecord>(base.flatMap((shard) => shard.records).map((record) => [recordKey(record), record]))
  const changes = await gateway.listChangedSince(config.triggerLabel, rebuilt ? null : meta.syncedAt)
  let changed = false
  for (const issue of changes.issues) {
    const escalation = deriveEscalation({
      issue,
      config,
      template,
      parsed: parseIssueBody(issue.body, template),
      permissions: new Map(),
      now,
    })
    const fresh = toLedgerRecord(escalation)
    const key = recordKey(fresh)
    const previous = records.get(key)
    const record = { ...fresh, actions: { ...fresh.actions, overdue: previous?.actions.overdue ?? 0 } }
    if (JSON.stringify(previous) !== JSON.stringify(record)) {
      records.set(key, record)
      changed = true
    }
  }
  // What the issues' own changes do not show (an action falling overdue) is patched on every record.
  if (context.patch) {
    for (const [key, record] of records) {
      const patched = context.patch(record)
      if (JSON.stringify(patched) === JSON.stringify(record)) continue
      records.set(key, patched)
      changed = true
    }
  }
  const ledger: Ledger = {
    records: [...records.values()].sort((a, b) => a.number - b.number),
    reportIssue: read.report?.number ?? null,
    requests: changes.requests,
    writes: 0,
    rebuilt,
    reportBody: read.report?.body ?? null,
  }
  const nextMeta = { syncedAt: changes.latest ?? meta?.syncedAt ?? null, version: LEDGER_VERSION }
  if (!changed && !rebuilt && nextMeta.syncedAt === meta?.syncedAt) return ledger
  // No report issue yet and nothing to keep in it: a repository without escalations gets none.
  if (!read.report && ledger.records.length === 0 && !context.createReport) return ledger
  const number = read.report?.number ?? (await createReport(gateway, config, nextMeta, ledger))
  ledger.reportIssue = number
  await writeShards(gateway, number, read, packShards(ledger.records, base), ledger)
  const body = withMeta(read.report?.body ?? REPORT_PLACEHOLDER, nextMeta)
  if (read.report && body !== read.report.body) {
    await gateway.updateIssueBody(number, body)
    ledger.writes += 1
  }
  ledger.reportBody = body
  context.log.info(
    `Ledger: ${ledger.records.length} escalations${rebuilt ? ' (rebuilt from the issues)' : ''}, ${changes.issues.length} read as changed.`,
  )
  return ledger
}

async function createReport(gateway: EscalationGateway, config: Config, meta: typeof FRESH_META, ledger: Ledger): Promise<number> {
  const created = await gateway.createReportIssue(config.report.issueTitle, withMeta(REPORT_PLACEHOLDER, meta))
  ledger.writes += 1
  return created.number
}

/** Rewrites the shards whose records changed; a shard left empty keeps its comment, emptied. */
async function writeShards(gateway: EscalationGateway, number: number, read: LedgerRead, next: Shard[], ledger: Ledger): Promise<void> {
  const comments = (read.report?.comments ?? []).filter(
    (comment) => isActionComment(comment) && comment.body.startsWith('<!-- escalation-desk:ledger'),
  )
  const total = next.length
  for (const shard of next) {
    const body = renderShard(shard, total)
    const comment = comments.find((candidate) => readShard(candidate.body)?.index === shard.index)
    if (comment && comment.body === body) continue
    if (comment) await gateway.updateComment(comment.id, body)
    else await gateway.createComment(number, body, 'ledger', `shard:${shard.index}`)
    ledger.writes += 1
  }
}
