/**
 * The ledger lives in comments on the report issue, one shard per comment, each well under
 * GitHub's 65,536-character limit, its records inside the action's hidden marker. A run reads
 * every shard in one request and rewrites only the shards whose records changed.
 */
import { readMarker, renderMarker } from '../render/markers'
import type { LedgerRecord } from './record'

/** Room for the marker's JSON in one comment, leaving space for the visible line. */
export const SHARD_BUDGET = 60_000

export interface Shard {
  index: number
  records: LedgerRecord[]
}

export interface LedgerMeta {
  /** The `updatedAt` up to which escalations were folded in: the next sync asks for what changed since. */
  syncedAt: string | null
  /** Version of the record shape; another version means rebuild. */
  version: number
  /** How many shards were written: fewer found means one was deleted, and the ledger is rebuilt. */
  shards?: number
}

export const LEDGER_VERSION = 1

export const recordKey = (record: Pick<LedgerRecord, 'number' | 'repo'>) => `${record.repo ?? ''}#${record.number}`

function isRecord(value: unknown): value is LedgerRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record.number === 'number' &&
    typeof record.tier === 'string' &&
    typeof record.filedAt === 'string' &&
    typeof record.sla === 'object'
  )
}

/** A shard's records from its comment's marker; a damaged marker reads as null (the ledger is rebuilt). */
export function readShard(body: string): Shard | null {
  const marker = readMarker(body)
  if (marker?.kind !== 'ledger') return null
  const data = marker.data as { shard?: unknown; records?: unknown } | undefined
  if (typeof data?.shard !== 'number' || !Array.isArray(data.records) || !data.records.every(isRecord)) return null
  return { index: data.shard, records: data.records }
}

export function renderShard(shard: Shard, total: number): string {
  return `${renderMarker('ledger', { key: `shard:${shard.index}`, shard: shard.index, records: shard.records })}\n<sub>Escalation ledger, part ${shard.index + 1} of ${total}: the data behind the report above, kept by Escalation Desk. Editing it changes nothing: the next run rebuilds it from the escalations.</sub>`
}

/**
 * Records spread over shards in order: a record keeps its shard while it fits, so one changed
 * escalation rewrites one comment, not all of them.
 */
export function packShards(records: LedgerRecord[], previous: Shard[]): Shard[] {
  const home = new Map<string, number>()
  for (const shard of previous) for (const record of shard.records) home.set(recordKey(record), shard.index)
  const shards: Shard[] = previous.map((shard) => ({ index: shard.index, records: [] }))
  const size = (shard: Shard) => JSON.stringify(shard.records).length
  const homeless: LedgerRecord[] = []
  for (const record of records) {
    const index = home.get(recordKey(record))
    const shard = index === undefined ? undefined : shards.find((candidate) => candidate.index === index)
    if (shard && size(shard) + JSON.stringify(record).length < SHARD_BUDGET) shard.records.push(record)
    else homeless.push(record)
  }
  for (const record of homeless) {
    let shard = shards.find((candidate) => size(candidate) + JSON.stringify(record).length < SHARD_BUDGET)
    if (!shard) {
      shard = { index: shards.length, records: [] }
      shards.push(shard)
    }
    shard.records.push(record)
  }
  return shards
}
