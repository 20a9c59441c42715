/** What the demo reads back off the local GitHub: the card's rows, comments by the action and by people. */
import { cardRowIn } from '../test/card-rows'
import type { LocalGitHub, RepoHandle } from '../test/local-github'

export type Pull = ReturnType<LocalGitHub['pulls']>[number]

/** The escalation's card: the action's one living comment on it. */
export function cardOf(gh: RepoHandle, number: number): string {
  return gh.comments(number).find((comment) => comment.body?.startsWith('<!-- escalation-desk:card'))?.body ?? ''
}

/** The value of the card's `| **name** | value |` row, or undefined. */
export function cardRow(gh: RepoHandle, number: number, name: string): string | undefined {
  return cardRowIn(cardOf(gh, number), name)
}

/** `name: value` for each of the card's rows named, those it has. */
export function cardRows(gh: RepoHandle, number: number, names: string[]): string[] {
  return names.flatMap((name) => {
    const value = cardRow(gh, number, name)
    return value === undefined ? [] : [`${name}: ${value}`]
  })
}

/** Comments on an issue or pull request by the action (its token's bot: the workflow's or an App's) and by people. */
export function countComments(gh: RepoHandle, number: number): { bot: number; people: number } {
  const comments = gh.comments(number)
  const bot = comments.filter((comment) => comment.user.login.endsWith('[bot]')).length
  return { bot, people: comments.length - bot }
}
