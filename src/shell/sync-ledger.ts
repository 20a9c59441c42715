import type { Config } from '../config/types'
import { parseIssueBody } from '../core/form/parse-issue-body'
import type { FormTemplate } from '../core/form/types'
import { toLedgerRecord } from '../core/ledger/from-escalation'
import { type FRESH_META, readMeta, withMeta } from '../core/ledger/meta'
import type { LedgerRecord } from '../core/ledger/record'
import { LEDGER_VERSION, packShards, readShard, recordKey, renderShard, type LedgerMeta, type Shard } from '../core/ledger/shards'
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
  /** Leave the report issue's body to the caller (it writes the report and the marker at once). */
  deferBody?: boolean
}

const REPORT_PLACEHOLDER =
  '_No report here yet: the escalation report appears once the report job runs in this repository (in organisation mode, in the central repository’s report issue). The comments below hold the ledger the action keeps; leave them be._'

/** The records the ledger holds now, as read: every readable shard's (the next sweep repairs a damaged one). */
export function ledgerRecords(read: LedgerRead): LedgerRecord[] {
  return ledgerComments(read).flatMap((comment) => readShard(comment.body)?.records ?? [])
}

/** The action's ledger comments on the report issue, oldest first: the slots shards are written to. */
function ledgerComments(read: LedgerRead) {
  return (read.report?.comments ?? []).filter(
    (comment) => isActionComment(comment) && comment.body.startsWith('<!-- escalation-desk:ledger'),
  )
}

/** The ledger's shards as the report issue holds them; null when one is damaged or missing (the ledger is rebuilt). */
function readShards(read: LedgerRead, expected: number): Shard[] | null {
  const comments = ledgerComments(read)
  const shards: Shard[] = []
  for (const comment of comments) {
    const shard = readShard(comment.body)
    if (!shard) return null
    shards.push(shard)
  }
  // A shard deleted by hand leaves fewer than the marker counted: its records are gone, so rebuild.
  return shards.length < expected ? null : shards.sort((a, b) => a.index - b.index)
}

/**
 * Brings the ledger up to date: escalations changed since the last sync (all of them when the
 * ledger is missing or damaged) are read, each record recomputed with the lifecycle code, and
 * only the shards whose records changed are rewritten. Nothing new: no write at all.
 */
export async function syncLedger(gateway: EscalationGateway, context: SyncContext): Promise<Ledger> {
  const { config, template, now, read } = context
  const meta = read.report ? readMeta(read.report.body) : null
  const shards = readShards(read, meta?.shards ?? 0)
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
  // A pin that failed when the report issue was opened is made up for: one write, only while it is unpinned.
  if (read.report?.unpinned && (await gateway.pinIssue(read.report.number, read.report.nodeId))) ledger.writes += 1
  const packed = packShards(ledger.records, base)
  const nextMeta: LedgerMeta = { syncedAt: changes.latest ?? meta?.syncedAt ?? null, version: LEDGER_VERSION, shards: packed.length }
  if (!changed && !rebuilt && nextMeta.syncedAt === meta?.syncedAt) return ledger
  // No report issue yet and nothing to keep in it: a repository without escalations gets none.
  if (!read.report && ledger.records.length === 0 && !context.createReport) return ledger
  const number = read.report?.number ?? (await createReport(gateway, config, nextMeta, ledger))
  ledger.reportIssue = number
  await writeShards(gateway, number, read, packed, ledger, rebuilt)
  const body = withMeta(read.report?.body ?? REPORT_PLACEHOLDER, nextMeta)
  // The report job writes the body itself, with the report and this marker, in one edit.
  if (read.report && body !== read.report.body && !context.deferBody) {
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

/**
 * Rewrites the shards whose records changed. On a rebuild every ledger comment is a slot,
 * damaged ones included, taken in order, and comments left over are deleted: a damaged shard
 * is replaced, never left beside the new ones to damage the ledger again.
 */
async function writeShards(
  gateway: EscalationGateway,
  number: number,
  read: LedgerRead,
  next: Shard[],
  ledger: Ledger,
  rebuilt: boolean,
): Promise<void> {
  const comments = ledgerComments(read)
  const total = next.length
  for (const [position, shard] of next.entries()) {
    const body = renderShard(shard, total)
    const comment = rebuilt ? comments[position] : comments.find((candidate) => readShard(candidate.body)?.index === shard.index)
    if (comment && comment.body === body) continue
    if (comment) await gateway.updateComment(comment.id, body)
    else await gateway.createComment(number, body, 'ledger', `shard:${shard.index}`)
    ledger.writes += 1
  }
  if (!rebuilt) return
  for (const extra of comments.slice(next.length)) {
    await gateway.deleteComment(extra.id)
    ledger.writes += 1
  }
}
