/** A dotenv file for `npx @github/local-action run . src/main.ts .env`: the same environment
 * runAction gives the bundle. local-action creates its own GITHUB_OUTPUT / GITHUB_STEP_SUMMARY.
 * Note: GITHUB_API_URL must also be exported in the shell; from the dotenv alone it arrives
 * too late for @actions/github's getOctokit. */
import { writeFileSync } from 'node:fs'
import type { LocalGitHub, WebhookEvent } from '../local-github'
import { actionEnv, type EnvOptions } from './action-env'

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`

/** Writes the event payload to `${path}.event.json` and the dotenv to `path`; returns the variables. */
export function writeDotenv(gh: LocalGitHub, event: WebhookEvent, path: string, options: EnvOptions = {}): Record<string, string> {
  const eventPath = `${path}.event.json`
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2))
  const vars = { ...actionEnv(gh, event, options), GITHUB_EVENT_PATH: eventPath }
  writeFileSync(
    path,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join('\n') + '\n',
  )
  return vars
}
