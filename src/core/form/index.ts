export { FormTemplateError } from './form-template-error'
export { parseFormTemplate } from './parse-form-template'
export { parseIssueBody } from './parse-issue-body'
export type { FieldValue, FormField, FormTemplate, ParsedIssueBody } from './types'
