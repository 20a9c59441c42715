import { readFileSync } from 'node:fs'
import { parse, stringify } from 'yaml'
import { parseFormTemplate } from '../../src/core/form'
import { startLocalGitHub, type LocalGitHub, type RepoHandle } from '../local-github'
import { runAction } from '../harness'

export const FORM_TEXT = readFileSync('templates/ISSUE_TEMPLATE/escalation.yml', 'utf8')
export const CONFIG_TEXT = readFileSync('templates/escalations.yml', 'utf8')

/** The shipped configuration with people filled in, as a team would after copying it. */
export function teamConfig(overrides: (config: Record<string, any>) => void = () => {}): string {
  const config = parse(CONFIG_TEXT) as Record<string, any>
  const people: Record<string, { owners: string[]; notify: string[]; 'escalation-contacts': string[] }> = {
    'tier-1': { owners: ['olivia'], notify: ['acme/support-leads', 'vp-sam'], 'escalation-contacts': ['cto-casey'] },
    'tier-2': { owners: ['olivia'], notify: ['acme/support-leads'], 'escalation-contacts': ['vp-sam'] },
    'tier-3': { owners: ['tom'], notify: [], 'escalation-contacts': ['olivia'] },
  }
  for (const tier of config.tiers as Record<string, unknown>[]) Object.assign(tier, people[tier.label as string])
  overrides(config)
  return stringify(config)
}

/** The labels and people of a repository set up the way the README says. */
function setUp(repo: RepoHandle, config: string | null | undefined): void {
  repo.putFile('.github/ISSUE_TEMPLATE/escalation.yml', FORM_TEXT)
  if (config !== null) repo.putFile('.github/escalations.yml', config ?? teamConfig())
  for (const label of ['escalation', 'needs-info', 'tier-1', 'tier-2', 'tier-3', 'sla-breached', 'postmortem']) repo.createLabel(label)
  repo.setCollaborator('carla', 'triage') // customer success manager: files escalations
  repo.setCollaborator('olivia', 'maintain') // support lead: owns tier-1/2
  repo.setCollaborator('tom', 'write') // support engineer: owns tier-3
  repo.setCollaborator('rita', 'read') // can file, cannot tier
}

/** A repository set up the way the README says: form, config, the people. */
export async function startRepo(options: { config?: string | null; latencyMs?: number } = {}): Promise<LocalGitHub> {
  const gh = await startLocalGitHub({ latencyMs: options.latencyMs ?? 0 })
  gh.clock.set('2026-11-24T09:00:00Z')
  setUp(gh, options.config)
  return gh
}

/**
 * Another repository of the same owner set up the same way (an organisation's product
 * repository): its own configuration, which its intake reads too (the team's by default;
 * `null` for none), the form, the labels and the people.
 */
export function productRepository(gh: LocalGitHub, name: string, options: { config?: string | null } = {}): RepoHandle {
  const repo = gh.addRepository(name)
  setUp(repo, options.config)
  return repo
}

export interface Answers {
  customer?: string
  arr?: string
  renewal?: string
  contact?: string
  whatHappened?: string
  rootCause?: string
  impact?: string
  started?: string
  tried?: string
  ask?: string
  requestedTier?: string
  checklist?: boolean[]
}

const NO = '_No response_'
const TEMPLATE = parseFormTemplate(FORM_TEXT)
const ANSWER_IDS: Record<string, keyof Answers> = {
  customer: 'customer',
  arr: 'arr',
  'renewal-date': 'renewal',
  contact: 'contact',
  'what-happened': 'whatHappened',
  'root-cause': 'rootCause',
  impact: 'impact',
  started: 'started',
  tried: 'tried',
  ask: 'ask',
  'requested-tier': 'requestedTier',
}

/** The body GitHub renders from the shipped form: `### Label`, blank line, value, blank line. */
export function formBody(answers: Answers): string {
  const sections = TEMPLATE.fields.map((field) => {
    if (field.type === 'checkboxes') {
      const lines = field.options.map((option, i) => `- [${answers.checklist?.[i] ? 'X' : ' '}] ${option}`)
      return `### ${field.label}\n\n${lines.join('\n')}`
    }
    const key = ANSWER_IDS[field.id]
    const value = key ? (answers[key] as string | undefined) : undefined
    const empty = field.type === 'dropdown' ? 'None' : NO
    return `### ${field.label}\n\n${value ? value : empty}`
  })
  return sections.join('\n\n')
}

export const COMPLETE: Answers = {
  customer: 'Globex Corporation',
  arr: '$1.2M',
  renewal: '2027-01-31',
  contact: 'Hank Scorpio, CEO',
  whatHappened: 'Every open opportunity in their pipeline was closed as lost overnight.',
  rootCause: 'A stale-opportunity automation shipped without its stage filter and closed every open opportunity.',
  impact: 'All 140 sales reps cannot work their pipeline; $3M of Q4 bookings at risk before their renewal.',
  started: '2026-11-24 06:00 UTC',
  tried: 'Restored 20 opportunities by hand from the audit log.',
  ask: 'Approve a data restore from last night\u2019s backup.',
  requestedTier: 'Tier 2 – High',
  checklist: [true, true, true],
}

/** Runs every event through the bundled action, in order, like a runner would one by one. */
export async function deliver(gh: LocalGitHub, events: { name: string; payload: unknown }[], inputs?: Record<string, string>) {
  const results = []
  for (const event of events) results.push(await runAction(gh, event as never, { inputs }))
  return results
}
