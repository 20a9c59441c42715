import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores, and end-to-end tests that each start Node processes: two workers keep the
    // machine busy without starving a second suite running beside this one. Tests inside an
    // end-to-end file run concurrently (describe.concurrent), so a worker is rarely idle.
    maxWorkers: 2,
    // Generous, not tight: a run waits on child processes, and under a second suite's load a
    // test that takes 20 s alone may take twice that. A hang still fails well inside CI's limit.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
