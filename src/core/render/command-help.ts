import { COMMANDS } from '../lifecycle/commands'

/** The thread's commands, folded away: the card's footer and the `/help` reply. */
export function commandHelp(open = false): string[] {
  return [
    `<details${open ? ' open' : ''}><summary>Commands: comment with one of these on its first line</summary>`,
    '',
    '| Command | What it does |',
    '|---|---|',
    ...Object.values(COMMANDS).map((command) => `| \`${command.usage}\` | ${command.what} |`),
    '',
    'Commands come from people with triage access or more (a tier’s own permission for `/tier`). `ETA:` may appear anywhere in a `/status`.',
    '',
    '</details>',
  ]
}
