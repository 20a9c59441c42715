/**
 * A long setup shared by the tests of one file (an escalation filed, worked and resolved
 * through the bundle): run once, in its own local GitHub with withRepo's checks, its end state
 * copied into each test's own local GitHub. Every test still starts from what the bundle wrote,
 * without running the same dozen runs again.
 */
import type { LocalGitHub, Snapshot } from '../local-github'
import type { startRepo } from './scenario'
import { withRepo } from './thread'

type RepoOptions = Parameters<typeof startRepo>[0]

export interface Staged<T> {
  snapshot: Snapshot
  /** What the setup returned (issue numbers and the like: the same in every copy). */
  value: T
}

/** The setup, run the first time a test asks for it. */
export function stageOnce<T>(setup: (gh: LocalGitHub) => Promise<T>, options: RepoOptions = {}): () => Promise<Staged<T>> {
  let staged: Promise<Staged<T>> | undefined
  return () =>
    (staged ??= (async () => {
      let result: Staged<T> | undefined
      await withRepo(async (gh) => {
        const value = await setup(gh)
        result = { snapshot: gh.snapshot(), value }
      }, options)
      return result!
    })())
}

/** A test from the staged state: a fresh local GitHub brought to it, with withRepo's checks after. */
export async function withStaged<T>(
  stage: () => Promise<Staged<T>>,
  run: (gh: LocalGitHub, value: T) => Promise<void>,
  options: RepoOptions = {},
): Promise<void> {
  const { snapshot, value } = await stage()
  await withRepo(async (gh) => {
    gh.restore(snapshot)
    await run(gh, value)
  }, options)
}
