import { inlineCode } from '../render/sanitize'
import type { ActionItem } from './action-items'

/** What a reviewer changes so the item can become a sub-issue, one clause per problem. */
export function describeProblems(item: ActionItem): string {
  const placeholder = item.problems.includes('placeholder')
  const fixes: string[] = []
  if (item.problems.includes('no-owner')) {
    fixes.push(
      placeholder && hasOwnerPlaceholder(item.raw)
        ? `replace ${inlineCode('@owner')} with the owner's login`
        : `add the owner as ${inlineCode('@login')}`,
    )
  }
  if (item.problems.includes('no-due')) {
    fixes.push(
      placeholder && hasDatePlaceholder(item.raw)
        ? `replace ${inlineCode('YYYY-MM-DD')} with the date`
        : `add ${inlineCode('due YYYY-MM-DD')}`,
    )
  }
  if (item.problems.includes('bad-due')) {
    fixes.push(
      item.due
        ? `${item.due} is already past: give a later date`
        : `the due date is not a day of the calendar: write it as ${inlineCode('due YYYY-MM-DD')}`,
    )
  }
  if (placeholder && item.owner && hasOwnerPlaceholder(item.raw)) fixes.push(`remove the template's ${inlineCode('@owner')}`)
  return fixes.join('; ')
}

function hasOwnerPlaceholder(raw: string): boolean {
  return raw.toLowerCase().includes('@owner')
}

function hasDatePlaceholder(raw: string): boolean {
  return raw.toLowerCase().includes('yyyy-mm-dd')
}
