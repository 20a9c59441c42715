/** The pacing end-to-end runs use: Octokit's own knobs, shrunk (see `run(options)` in src/main.ts). */
import type { Pacing } from '../../src/github/octokit'

export const TEST_PACING: Pacing = {
  // Writes stay one at a time and in order (the queues keep maxConcurrent 1); only the gaps shrink.
  writeMs: 1,
  notificationMs: 3,
  // One second of `retry-after` is 10 ms; plugin-retry's 1, 4, 9 s back-off is 10, 40, 90 ms.
  retryBaseMs: 10,
  // Left at production: the unit above already shrinks it to 0.6 s.
  secondaryFallbackSeconds: 60,
}
