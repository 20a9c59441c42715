/**
 * A repository of open escalations in its steady state: seeded (bench/lib/seed-escalations.ts),
 * caught up by the product's own sweep (bench/lib/catch-up.ts), so that the measured sweep a
 * quarter of an hour later finds what a sweep every 15 minutes finds: the few escalations that
 * came due since.
 */
import { performance } from 'node:perf_hooks'
import type { LocalGitHub, RepoHandle } from '../../test/local-github'
import { catchUp, type CatchUp } from './catch-up'
import { seedEscalations, type SeedSummary } from './seed-escalations'

export interface SteadyState {
  seeded: SeedSummary
  seedMs: number
  caughtUp: CatchUp
  /** When the catch-up sweep's last write was stamped. */
  caughtUpAt: Date
}

export interface SteadyOptions {
  repo?: RepoHandle
  count: number
  /** Seeded activity ends here; the catch-up starts 5 minutes later. */
  seededUntil: Date
  seed?: number
  token?: string
  bot?: string
  /** The configuration the catch-up sweeps with; it is left in the repository (put the measured one there after). */
  configText: string
}

export async function steadyState(gh: LocalGitHub, options: SteadyOptions): Promise<SteadyState> {
  const repo = options.repo ?? gh
  const started = performance.now()
  const seeded = seedEscalations(repo, gh.clock, { count: options.count, now: options.seededUntil, seed: options.seed, bot: options.bot })
  const seedMs = performance.now() - started
  gh.clock.set(new Date(options.seededUntil.getTime() + 5 * 60_000).toISOString())
  const caughtUp = await catchUp(gh, { repo, token: options.token, bot: options.bot, configText: options.configText })
  return { seeded, seedMs, caughtUp, caughtUpAt: gh.clock.now() }
}

/** The next whole quarter hour at least 15 minutes after `time`: when the next scheduled sweep runs. */
export function nextSweepAfter(time: Date): Date {
  const quarter = 15 * 60_000
  return new Date(Math.ceil((time.getTime() + quarter) / quarter) * quarter)
}
