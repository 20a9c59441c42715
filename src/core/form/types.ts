/** One submitted element of an issue form (markdown elements are never submitted). */
export interface FormField {
  id: string
  /** The `### <label>` heading GitHub renders for this field. */
  label: string
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes' | 'upload'
  /** Dropdown or checkbox option labels, in form order. */
  options: string[]
  multiple: boolean
  /** `render:` language of a textarea: its answer arrives inside a code fence. */
  render: string | null
  required: boolean
}

export interface FormTemplate {
  name: string
  fields: FormField[]
  /** Labels the form applies when filed. */
  labels: string[]
}

/**
 * A parsed answer; `null` text means the field was left empty or is absent from the body.
 * `extra`, present only when there is some, is text the filer added to a choice or checkbox
 * section that is not part of the answer (a pasted heading, notes), kept verbatim.
 */
export type FieldValue =
  | { kind: 'text'; text: string | null }
  | { kind: 'choices'; selected: string[]; extra?: string }
  | { kind: 'checkboxes'; checked: string[]; unchecked: string[]; extra?: string }

export interface ParsedIssueBody {
  /** Every template field id, present or not. */
  fields: Record<string, FieldValue>
  /** Template field ids whose heading is not in the body (renamed or deleted). */
  absent: string[]
  /** Headings found in the body that the form does not know, kept inside the field before them. */
  unknownHeadings: string[]
}

export interface ParseIssueBodyOptions {
  /** Called with each text handed to the Markdown parser (it never exceeds MARKDOWN_LIMITS). */
  onMarkdown?: (text: string) => void
}
