/**
 * The demo's stage: one local GitHub seeded like a team's repository, a Slack and a Teams webhook
 * receiver configured as the workflow's secrets from the first run, and `deliver`, which runs
 * each event through the bundle as a runner would and stops the demo at the first failed run or
 * request the real GitHub would have refused.
 */
import { runAction, type RunResult } from '../test/harness'
import { startChatReceiver, type ChatReceiver, type LocalGitHub, type WebhookEvent } from '../test/local-github'
import { startRepo } from '../test/e2e/scenario'

export interface Stage {
  gh: LocalGitHub
  chat: ChatReceiver
  /** The workflow's inputs on every run: the chat webhooks. */
  inputs: Record<string, string>
  /** Runs of the bundle so far (each exited 0: the first that did not stopped the demo). */
  runs: number
  close(): Promise<void>
}

export async function startStage(): Promise<Stage> {
  const gh = await startRepo()
  const chat = await startChatReceiver()
  const inputs = { 'slack-webhook-url': chat.slackUrl, 'teams-webhook-url': chat.teamsUrl }
  return { gh, chat, inputs, runs: 0, close: async () => void (await Promise.all([gh.close(), chat.close()])) }
}

export interface DeliverOptions {
  /** Inputs on top of the stage's (e.g. `job: report`, an App token). */
  inputs?: Record<string, string>
  env?: Record<string, string>
}

/** Runs each event through the bundle, printing what it answered; returns the last run's result. */
export async function deliver(
  stage: Stage,
  step: string,
  events: WebhookEvent | WebhookEvent[],
  options: DeliverOptions = {},
): Promise<RunResult> {
  console.log(`\n▶ ${step}`)
  let last: RunResult | undefined
  for (const event of [events].flat()) {
    const invalidBefore = stage.gh.validationErrors.length
    last = await runAction(stage.gh, event, { inputs: { ...stage.inputs, ...options.inputs }, env: options.env })
    stage.runs += 1
    const action = (event.payload as { action?: string }).action
    console.log(`  ${event.name}${action ? `.${action}` : ''} → exit ${last.exitCode}; ${outputsOf(last)}`)
    for (const warning of last.warnings) console.log(`  ::warning:: ${warning}`)
    for (const error of last.errors) console.log(`  ::error:: ${error}`)
    failOnTrouble(stage, last, invalidBefore)
  }
  if (!last) throw new Error(`${step}: no event to deliver`)
  return last
}

const outputsOf = (result: RunResult) =>
  Object.entries(result.outputs)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')

/** A run that failed, or a request the real API would refuse, ends the demo with a non-zero exit. */
function failOnTrouble(stage: Stage, result: RunResult, invalidBefore: number): void {
  const invalid = stage.gh.validationErrors.slice(invalidBefore)
  const refused = stage.chat.validationErrors.filter((error) => error.severity === 'refused')
  const problems = [
    ...(result.exitCode === 0 ? [] : [`the run exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`]),
    ...result.errors.map((error) => `the run reported an error: ${error}`),
    ...invalid.map((error) => `the local GitHub rejected ${error.method} ${error.path} as invalid (${error.kind}): ${error.message}`),
    ...refused.map((error) => `the ${error.kind} webhook would refuse message ${error.message}: ${error.path} ${error.problem}`),
  ]
  if (problems.length > 0) throw new Error(`The demo stops here:\n- ${problems.join('\n- ')}`)
}

/** A person comments on an issue or pull request (an `issue_comment.created` to deliver). */
export const comment = (stage: Stage, number: number, text: string, by: string) => stage.gh.act.comment(number, text, by)

/** Sets the local GitHub's clock (UTC). */
export const clockAt = (stage: Stage, iso: string) => stage.gh.clock.set(iso)

/** A mark in the request log: what the local GitHub served after it. */
export function requestsSince(gh: LocalGitHub) {
  const from = gh.requests.length
  const all = () => gh.requests.slice(from)
  return { all, writes: () => all().filter((request) => request.write) }
}

/** A section heading, as each part of the demo opens. */
export const part = (title: string) => console.log(`\n════ ${title} ════`)
