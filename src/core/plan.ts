/** What a run should change on GitHub: computed by the pure core, carried out by the shell. */
export type Action =
  | { kind: 'add-labels'; labels: string[] }
  | { kind: 'remove-label'; label: string }
  | { kind: 'add-assignees'; logins: string[] }
  /** `marker` and `key` identify the comment so racing runs can settle on one. */
  | { kind: 'create-comment'; marker: string; key?: string; body: string }
  | { kind: 'update-comment'; commentId: number; body: string }
  | { kind: 'add-reaction'; commentId: number; content: '+1' }

export function describeAction(action: Action): string {
  switch (action.kind) {
    case 'add-labels':
      return `add label ${action.labels.map((label) => `\`${label}\``).join(', ')}`
    case 'remove-label':
      return `remove label \`${action.label}\``
    case 'add-assignees':
      return `assign ${action.logins.join(', ')}`
    case 'create-comment':
      return `post ${action.marker} comment`
    case 'update-comment':
      return `update comment ${action.commentId}`
    case 'add-reaction':
      return `react ${action.content} to comment ${action.commentId}`
  }
}
