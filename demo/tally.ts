/**
 * The demo's last words: what the local GitHub served (and that it refused nothing as invalid),
 * the chat notices, and for every thread how many comments the action wrote and people wrote.
 */
import type { RepoHandle } from '../test/local-github'
import { countComments } from './readers'
import { part, type Stage } from './stage'

export { countComments }

export function printTally(stage: Stage, repos: RepoHandle[], chat: Record<string, number>, elapsedMs: number): void {
  const { gh } = stage
  part('Tally')
  let bot = 0
  let people = 0
  for (const repo of repos)
    for (const number of repo.inventory().numbers) {
      const counts = countComments(repo, number)
      bot += counts.bot
      people += counts.people
      const title = (repo.issue(number) as { title: string }).title
      console.log(
        `  ${`${repo.fullName}#${number}`.padEnd(22)} ${String(counts.bot).padStart(2)} by the action, ${String(counts.people).padStart(2)} by people  ${title}`,
      )
    }
  console.log(`  ${'all threads'.padEnd(22)} ${String(bot).padStart(2)} by the action, ${String(people).padStart(2)} by people`)
  console.log(`\nRuns of the bundle: ${stage.runs}, every one exited 0.`)
  console.log(`Chat notices: Slack ${chat.slack}, Teams ${chat.teams}.`)
  console.log(`Wall time: ${(elapsedMs / 1000).toFixed(1)} s.`)
  if (gh.validationErrors.length > 0) throw new Error(`the local GitHub rejected ${gh.validationErrors.length} requests as invalid`)
  const [first] = repos
  const thread = first ? countComments(first, 1) : { bot: 0, people: 0 }
  console.log(`\nThread #1: ${thread.bot} comments by the action, ${thread.people} by people.`)
  console.log(`Requests served by the local GitHub: ${gh.requests.length}; rejected as invalid: ${gh.validationErrors.length}`)
}
