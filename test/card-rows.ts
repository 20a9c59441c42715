/** The value of one row of a card's table (`| **Post-mortem** | #12 |` → `#12`), or undefined: for the tests and the demo alike. */
export function cardRowIn(card: string, name: string): string | undefined {
  const prefix = `| **${name}** | `
  const line = card.split('\n').find((candidate) => candidate.startsWith(prefix))
  return line?.slice(prefix.length, -' |'.length)
}
