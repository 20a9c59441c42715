import type { ChatTarget } from './github/chat-sender'

export type Job = 'auto' | 'sweep' | 'report'

export interface Inputs {
  token: string
  configPath: string
  /** What a scheduled or manual run does: `auto` (the sweep), `sweep` or `report`. */
  job: Job
  report: { days?: number; from?: string; to?: string }
  /** Team chat webhooks (secrets): where notices go, besides GitHub. */
  chat: ChatTarget[]
  /** Organisation mode: this run's shard of repositories (empty: the configuration's list). */
  repositories: string[]
}

export type InputReader = (name: string) => string

const JOBS: readonly Job[] = ['auto', 'sweep', 'report']

/** Action inputs by name (see action.yml); a mistyped value is named with the accepted ones. */
export function readInputs(read: InputReader): Inputs {
  const token = read('token')
  if (!token) throw new Error('The `token` input is empty: pass `${{ github.token }}` or a GitHub App token.')
  const configPath = read('config-path') || '.github/escalations.yml'
  const job = (read('job') || 'auto').toLowerCase()
  if (!JOBS.includes(job as Job)) throw new Error(`The \`job\` input is ${JSON.stringify(job)}: use one of ${JOBS.join(', ')}.`)
  const daysText = read('report-days')
  const days = daysText === '' ? undefined : Number(daysText)
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 366)) {
    throw new Error(`The \`report-days\` input is ${JSON.stringify(daysText)}: use a whole number of days from 1 to 366.`)
  }
  const from = read('report-from') || undefined
  const to = read('report-to') || undefined
  const chat: ChatTarget[] = []
  const slack = read('slack-webhook-url')
  const teams = read('teams-webhook-url')
  if (slack) chat.push({ kind: 'slack', url: slack })
  if (teams) chat.push({ kind: 'teams', url: teams })
  const repositories = read('repositories')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return { token, configPath, job: job as Job, report: { days, from, to }, chat, repositories }
}
