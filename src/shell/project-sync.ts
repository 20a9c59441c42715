import type { Config } from '../config/types'
import type { Escalation } from '../core/lifecycle/derive'
import { planProjectFields, type Project, type ProjectRecord } from '../core/project/plan-project'
import type { EscalationGateway } from '../github/gateway'
import type { ProjectRead } from '../github/project-gateway'

/**
 * The board for one run: its fields read once, and whether it can be used at all. GITHUB_TOKEN
 * cannot read Projects: the run says so once (in the job summary) and carries on.
 */
export interface ProjectSession {
  project(): Promise<Project | null>
  warnings: string[]
}

export function projectSession(gateway: EscalationGateway, config: Config): ProjectSession {
  let read: Promise<ProjectRead> | null = null
  const warnings: string[] = []
  return {
    warnings,
    async project() {
      if (!config.project) return null
      const { owner, number } = config.project
      read ??= gateway.readProject(owner, number)
      const result = await read
      if ('project' in result) return result.project
      if (warnings.length === 0) {
        warnings.push(
          result.unavailable === 'no-access'
            ? `The Projects board ${owner}#${number} is not kept in sync: this token cannot use Projects (GITHUB_TOKEN never can). Pass a GitHub App token with Projects access as \`token\` (see the README).`
            : `The Projects board ${owner}#${number} was not found: check \`project\` in the configuration.`,
        )
      }
      return null
    },
  }
}

/**
 * The escalation's item on the board brought to its current values: added once (adding an
 * issue that is there answers its item), then only the fields that changed are written. Returns
 * what the card should remember, or undefined when the board is not in use.
 */
export async function syncProjectItem(
  session: ProjectSession,
  gateway: EscalationGateway,
  escalation: Escalation,
  config: Config,
): Promise<{ record?: ProjectRecord; done: string[] }> {
  const project = config.project ? await session.project() : null
  if (!project || !config.project) return { done: [] }
  const carried = escalation.carried.project
  const done: string[] = []
  const item = carried?.item ?? (await gateway.addProjectItem(project.id, escalation.issue.nodeId))
  if (!carried) done.push(`added #${escalation.issue.number} to the project`)
  const updates = planProjectFields(project, config.project.fields, escalation, carried?.values ?? {})
  const values = { ...(carried?.values ?? {}) }
  for (const update of updates) {
    await gateway.updateProjectField(project.id, item, update.fieldId, update.value)
    values[update.name] = update.recorded
  }
  if (updates.length > 0) done.push(`set ${updates.map((update) => update.name).join(', ')} on the project`)
  return { record: { item, values }, done }
}

/** Like `syncProjectItem`, but a failing board (a 5xx, a field gone) never stops the escalation's own work. */
export async function syncBoard(
  session: ProjectSession,
  gateway: EscalationGateway,
  escalation: Escalation,
  config: Config,
): Promise<{ record?: ProjectRecord; done: string[] }> {
  try {
    return await syncProjectItem(session, gateway, escalation, config)
  } catch (error) {
    session.warnings.push(
      `The Projects board was not updated for #${escalation.issue.number}: ${error instanceof Error ? error.message : String(error)}`,
    )
    return { done: [] }
  }
}
