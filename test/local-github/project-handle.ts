/** Seeding and reading Projects (v2) for tests: ids come back so a test can compare them with
 * what the action sent. */
import { nodeId } from './builders'
import { fieldNodeId } from './graphql-projects'
import type { Hub } from './hub'
import { createProject, findProject, type ProjectSeed } from './projects'
import { findIssueById } from './sub-issues'

export interface SeededProject {
  /** Node id (PVT_…), what mutations take as projectId. */
  id: string
  number: number
  owner: string
  /** By field name: its node id and, for single selects, option ids by option name. */
  fields: Record<string, { id: string; dataType: string; options: Record<string, string> }>
}

export interface ProjectItemView {
  id: string
  content: { repository: string; number: number; type: 'ISSUE' | 'PULL_REQUEST' } | null
  /** Set values by field name: text, number, date (YYYY-MM-DD) or the option's name. */
  values: Record<string, string | number>
}

export function projectHandle(hub: Hub, defaultOwner: string) {
  return {
    createProject(seed: ProjectSeed): SeededProject {
      const p = createProject(hub, defaultOwner, seed)
      const fields = Object.fromEntries(
        p.fields.map((f) => [
          f.name,
          { id: fieldNodeId(f), dataType: f.dataType, options: Object.fromEntries(f.options.map((o) => [o.name, o.id])) },
        ]),
      )
      return { id: nodeId('PVT', p.id), number: p.number, owner: p.owner, fields }
    },
    projectItems(number: number, owner = defaultOwner): ProjectItemView[] {
      const p = findProject(hub, owner, number)
      if (!p) throw new Error(`projectItems: ${owner} has no project ${number}`)
      return p.items.map((item) => {
        const at = findIssueById(hub, item.contentId)
        const values: Record<string, string | number> = {}
        for (const f of p.fields) {
          const v = item.values.get(f.id)
          if (!v) continue
          values[f.name] = v.text ?? v.number ?? v.date ?? f.options.find((o) => o.id === v.optionId)?.name ?? ''
        }
        const content = at && {
          repository: `${at.repo.owner}/${at.repo.name}`,
          number: at.issue.number,
          type: at.issue.isPull ? ('PULL_REQUEST' as const) : ('ISSUE' as const),
        }
        return { id: nodeId('PVTI', item.id), content: content ?? null, values }
      })
    },
  }
}
