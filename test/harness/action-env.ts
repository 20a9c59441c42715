/** The environment a runner gives a JavaScript action, built from the local GitHub and action.yml. */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { LocalGitHub, WebhookEvent } from '../local-github'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const FAKE_TOKEN = 'ghs_localtoken'

/** The runner's naming: `INPUT_` + name upper-cased, spaces → `_`, dashes kept. */
export const inputEnvName = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/** Inputs with their action.yml defaults (`${{ github.token }}` → the fake token); a missing
 * action.yml means no inputs. */
export function defaultInputs(actionYml: string, repository: string): Record<string, string> {
  if (!existsSync(actionYml)) return {}
  const action = parse(readFileSync(actionYml, 'utf8')) as { inputs?: Record<string, { default?: unknown }> } | null
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action?.inputs ?? {})) {
    const value = spec?.default === undefined || spec.default === null ? '' : String(spec.default)
    inputs[name] = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, FAKE_TOKEN).replace(/\$\{\{\s*github\.repository\s*\}\}/g, repository)
  }
  return inputs
}

let runCounter = 0

export interface EnvOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  cwd?: string
  /** action.yml whose inputs and defaults become INPUT_* (default: the project's). */
  actionYml?: string
}

/** Everything except the per-run files (GITHUB_EVENT_PATH, GITHUB_OUTPUT, ...), which callers add. */
export function actionEnv(gh: LocalGitHub, event: WebhookEvent, options: EnvOptions = {}): Record<string, string> {
  const repository = `${gh.owner}/${gh.repo}`
  const inputs = { ...defaultInputs(resolve(PROJECT_ROOT, options.actionYml ?? 'action.yml'), repository), ...options.inputs }
  const payload = event.payload as { sender?: { login?: string }; ref?: string }
  const ref = event.name === 'workflow_dispatch' && payload.ref ? payload.ref : `refs/heads/${gh.defaultBranch}`
  runCounter += 1
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: gh.owner,
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(Date.now() * 10 + (runCounter % 10)),
    GITHUB_RUN_NUMBER: String(runCounter),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Escalation Desk',
    GITHUB_JOB: 'escalation-desk',
    GITHUB_ACTION: 'escalation-desk',
    // schedule payloads have no sender; the runner then names the cron's last editor (the owner here)
    GITHUB_ACTOR: payload.sender?.login ?? gh.owner,
    GITHUB_TRIGGERING_ACTOR: payload.sender?.login ?? gh.owner,
    GITHUB_SHA: gh.branchSha(ref.replace(/^refs\/heads\//, '')) ?? '',
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/heads\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_WORKSPACE: options.cwd ?? PROJECT_ROOT,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputEnvName(name), value])),
    ...options.env,
  }
}
