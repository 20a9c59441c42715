/** The issue title as people say it: without the form's `[Escalation]` prefix. */
export function displayTitle(title: string): string {
  const trimmed = title.trim()
  const prefix = '[escalation]'
  return trimmed.toLowerCase().startsWith(prefix) ? trimmed.slice(prefix.length).trim() || trimmed : trimmed
}
