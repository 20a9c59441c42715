import { defaultConfig } from '../config/defaults'
import { parseConfig } from '../config/parse-config'
import type { Config } from '../config/types'
import { FormTemplateError } from '../core/form/form-template-error'
import { parseFormTemplate } from '../core/form/parse-form-template'
import type { FormTemplate } from '../core/form/types'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { builtInFormText } from '../templates.generated'

export interface Settings {
  config: Config
  template: FormTemplate
}

/** The form path the first read guesses, so the usual case costs one request. */
export const DEFAULT_FORM_PATH = '.github/ISSUE_TEMPLATE/escalation.yml'

/**
 * The repository's configuration (or the built-in defaults when it has none) and its issue
 * form (or the shipped one). An invalid file stops the run: guessing would mis-handle
 * escalations, and the error names the file, line and column to fix.
 */
export async function loadSettings(
  read: { configText: string | null; formText: string | null },
  configPath: string,
  gateway: EscalationGateway,
  log: Logger,
): Promise<Settings> {
  const config = loadConfig(read, configPath, log)
  return { config, template: await loadForm(config, read, gateway, log) }
}

/** The configuration alone: an organisation's central sweep needs no form of its own. */
export function loadConfig(read: { configText: string | null }, configPath: string, log: Logger): Config {
  if (read.configText === null) log.info(`No ${configPath} on the default branch: using the built-in defaults.`)
  return read.configText === null ? defaultConfig() : parseConfig(read.configText, configPath)
}

/** The issue form the configuration names (or the shipped one). */
export async function loadForm(
  config: Config,
  read: { formText: string | null },
  gateway: EscalationGateway,
  log: Logger,
): Promise<FormTemplate> {
  const formText = config.formPath === DEFAULT_FORM_PATH ? read.formText : await gateway.readFile(config.formPath)
  if (formText === null) log.warning(`No issue form at ${config.formPath}: reading bodies with the built-in escalation form.`)
  try {
    return parseFormTemplate(formText ?? builtInFormText)
  } catch (error) {
    if (error instanceof FormTemplateError) throw new FormTemplateError(`${config.formPath}: ${error.message}`)
    throw error
  }
}
