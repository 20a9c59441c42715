/** Thrown when an issue-form template cannot be read; the message names the element and where it is. */
export class FormTemplateError extends Error {
  override name = 'FormTemplateError'

  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
  }
}
