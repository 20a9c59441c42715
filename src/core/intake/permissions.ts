import type { Permission } from '../../config/types'
import type { RepoPermission } from '../snapshot'

const RANK: Record<RepoPermission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 }

export function hasPermission(actual: RepoPermission | undefined, needed: Permission): boolean {
  return RANK[actual ?? 'none'] >= RANK[needed]
}
