/** What a run should change on GitHub: computed by the pure core, carried out by the shell. */
export type Reaction = '+1' | 'confused'

export type Action =
  | { kind: 'add-labels'; labels: string[] }
  | { kind: 'remove-label'; label: string }
  | { kind: 'add-assignees'; logins: string[] }
  | { kind: 'remove-assignees'; logins: string[] }
  /** `marker` and `key` identify the comment so racing runs (and a lost response) settle on one. */
  | { kind: 'create-comment'; marker: string; key?: string; body: string }
  | { kind: 'update-comment'; commentId: number; body: string; marker?: string }
  | { kind: 'add-reaction'; commentId: number; content: Reaction }
  /** A later twin of one of the action's own comments (two racing runs each posted it). */
  | { kind: 'delete-comment'; commentId: number; marker: string }
  | { kind: 'close-issue' }

export function describeAction(action: Action): string {
  switch (action.kind) {
    case 'add-labels':
      return `add label ${action.labels.map((label) => `\`${label}\``).join(', ')}`
    case 'remove-label':
      return `remove label \`${action.label}\``
    case 'add-assignees':
      return `assign ${action.logins.join(', ')}`
    case 'remove-assignees':
      return `unassign ${action.logins.join(', ')}`
    case 'create-comment':
      return `post the ${action.marker} comment`
    case 'update-comment':
      return action.marker ? `update the ${action.marker} comment` : `update comment ${action.commentId}`
    case 'add-reaction':
      return `react ${action.content === '+1' ? '👍' : '😕'} to comment ${action.commentId}`
    case 'delete-comment':
      return `remove a duplicate ${action.marker} comment`
    case 'close-issue':
      return 'close the issue as completed'
  }
}
