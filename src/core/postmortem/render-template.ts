/**
 * `{{name}}` placeholders, filled in one pass. Values are never scanned again, so a field that
 * itself contains `{{title}}` stays literal text; unknown placeholders are left as written.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : placeholder,
  )
}
