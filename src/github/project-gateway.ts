import type { FieldValue, Project } from '../core/project/plan-project'
import { attempt } from './attempt'
import type { Octokits } from './octokit'
import {
  ADD_PROJECT_ITEM_MUTATION,
  ORG_PROJECT_QUERY,
  UPDATE_PROJECT_FIELD_MUTATION,
  USER_PROJECT_QUERY,
  type GqlProject,
  type ProjectQueryResult,
} from './project-queries'

/** The project, or why it cannot be used: the token may not read Projects (GITHUB_TOKEN cannot), or there is none. */
export type ProjectRead = { project: Project } | { unavailable: 'no-access' | 'not-found'; detail: string }

export interface ProjectGateway {
  readProject(owner: string, number: number): Promise<ProjectRead>
  addProjectItem(projectId: string, contentId: string): Promise<string>
  updateProjectField(projectId: string, itemId: string, fieldId: string, value: FieldValue): Promise<void>
}

interface GraphqlFailure {
  errors?: { type?: string; message?: string }[]
  data?: ProjectQueryResult
}

const ACCESS_ERRORS = new Set(['FORBIDDEN', 'INSUFFICIENT_SCOPES'])

function toProject(node: GqlProject): Project {
  const fields = node.fields.nodes.flatMap((field) =>
    'id' in field && typeof field.id === 'string'
      ? [{ id: field.id, name: field.name, dataType: field.dataType, options: field.options ?? [] }]
      : [],
  )
  return { id: node.id, fields }
}

export function createProjectGateway({ reader, writer }: Octokits): ProjectGateway {
  /** One owner kind: the project, null when that owner kind has none, or an access refusal. */
  async function read(query: string, owner: string, number: number): Promise<ProjectRead | null> {
    try {
      const data = await reader.graphql<ProjectQueryResult>(query, { owner, number })
      const node = data.organization?.projectV2 ?? data.user?.projectV2 ?? null
      return node ? { project: toProject(node) } : null
    } catch (error) {
      const failure = error as GraphqlFailure
      const types = (failure.errors ?? []).map((e) => e.type ?? '')
      if (types.some((type) => ACCESS_ERRORS.has(type)))
        return { unavailable: 'no-access', detail: failure.errors?.[0]?.message ?? 'no access' }
      if (types.length > 0 && types.every((type) => type === 'NOT_FOUND')) return null
      throw error
    }
  }
  return {
    async readProject(owner, number) {
      return attempt(`read project ${owner}/${number}`, async () => {
        const found = (await read(ORG_PROJECT_QUERY, owner, number)) ?? (await read(USER_PROJECT_QUERY, owner, number))
        return found ?? { unavailable: 'not-found', detail: `no project number ${number} for ${owner}` }
      })
    },
    async addProjectItem(projectId, contentId) {
      const data = await attempt('add the escalation to the project', () =>
        writer.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(ADD_PROJECT_ITEM_MUTATION, { projectId, contentId }),
      )
      return data.addProjectV2ItemById.item.id
    },
    async updateProjectField(projectId, itemId, fieldId, value) {
      await attempt('update a project field', () => writer.graphql(UPDATE_PROJECT_FIELD_MUTATION, { projectId, itemId, fieldId, value }))
    },
  }
}
