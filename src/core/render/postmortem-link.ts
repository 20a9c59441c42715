import type { MissingField } from '../intake/check-required'
import type { PullInfo } from '../postmortem/plan-postmortem'
import { renderMarker } from './markers'

/** The escalation's pointer to its post-mortem, edited in place when the PR changes. */
export function renderPostMortemLink(pull: PullInfo, path: string, missing: MissingField[]): string {
  const lines = [
    renderMarker('postmortem-link', { pull: pull.number }),
    `### Post-mortem: #${pull.number}`,
    '',
    `The post-mortem for this escalation is ready for review in #${pull.number} (\`${path}\`).`,
  ]
  if (missing.length > 0) {
    lines.push(
      '',
      `**Missing at close:** ${missing.map((field) => field.label).join(', ')}. The pull request is a draft: fill these sections in before merging.`,
    )
  }
  return lines.join('\n')
}
