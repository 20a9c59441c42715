/** The ledger's bookkeeping, kept in the report issue's own marker: how far the sync got. */
import { readMarker, renderMarker } from '../render/markers'
import { LEDGER_VERSION, type LedgerMeta } from './shards'

export function readMeta(body: string): LedgerMeta | null {
  const marker = readMarker(body)
  if (marker?.kind !== 'report') return null
  const data = marker.data as { syncedAt?: unknown; version?: unknown; shards?: unknown } | undefined
  if (typeof data?.version !== 'number') return null
  const shards = typeof data.shards === 'number' ? { shards: data.shards } : {}
  return { syncedAt: typeof data.syncedAt === 'string' ? data.syncedAt : null, version: data.version, ...shards }
}

/** The report issue's body with its marker set to `meta`; the visible report below it is kept. */
export function withMeta(body: string, meta: LedgerMeta): string {
  const marker = renderMarker('report', meta)
  const rest = readMarker(body)?.kind === 'report' ? body.slice(body.indexOf('-->') + 3).replace(/^\n/, '') : body
  return `${marker}\n${rest}`
}

export const FRESH_META: LedgerMeta = { syncedAt: null, version: LEDGER_VERSION }
