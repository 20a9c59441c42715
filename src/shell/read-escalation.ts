/** Read → settings → permissions → the derived escalation: what every issue job starts from. */
import type { Config } from '../config/types'
import { parseIssueBody } from '../core/form/parse-issue-body'
import type { FormTemplate } from '../core/form/types'
import { readFacts } from '../core/escalation'
import { normaliseCustomer, type PastEscalation } from '../core/followup/customers'
import { readCardData } from '../core/lifecycle/card-data'
import { deriveEscalation, needsCustomerHistory, type Escalation } from '../core/lifecycle/derive'
import { findOwnComment } from '../core/own-comments'
import { permissionsNeeded } from '../core/lifecycle/permission-needs'
import type { IssueSnapshot, RepoPermission } from '../core/snapshot'
import type { EscalationGateway } from '../github/gateway'

/**
 * Each login's repository permission, looked up once, all before any write: a lookup that
 * fails after the retries fails the run cleanly, rather than judging someone on a guess.
 */
export async function lookUpPermissions(gateway: EscalationGateway, logins: string[]): Promise<Map<string, RepoPermission>> {
  const unique = [...new Set(logins)]
  return new Map(await Promise.all(unique.map(async (login) => [login, await gateway.permissionOf(login)] as const)))
}

export interface EscalationContext {
  config: Config
  template: FormTemplate
  now: Date
  /** Logins whose permission matters beyond what the lifecycle asks (a closer, say). */
  extraLogins?: string[]
  /** Reads earlier escalations from the ledger; called only for a customer the card has not seen. */
  loadLedger?: () => Promise<PastEscalation[]>
}

export async function readEscalation(
  gateway: EscalationGateway,
  issue: IssueSnapshot,
  context: EscalationContext,
): Promise<{ escalation: Escalation; permissions: Map<string, RepoPermission> }> {
  const parsed = parseIssueBody(issue.body, context.template)
  const logins = [...permissionsNeeded(issue, context.config, context.template, parsed), ...(context.extraLogins ?? [])]
  const permissions = await lookUpPermissions(gateway, logins)
  const carried = readCardData(findOwnComment<unknown>(issue.comments, 'card')?.data)
  const customerKey = normaliseCustomer(readFacts(parsed).customer)
  const ledger = context.loadLedger && needsCustomerHistory(carried, customerKey) ? await context.loadLedger() : undefined
  const escalation = deriveEscalation({
    issue,
    config: context.config,
    template: context.template,
    parsed,
    permissions,
    now: context.now,
    ledger,
  })
  return { escalation, permissions }
}
