import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores, and end-to-end tests that each start Node processes: two workers keep the
    // machine busy without starving a second suite running beside this one. Tests inside an
    // end-to-end file run concurrently (describe.concurrent), so a worker is rarely idle.
    maxWorkers: 2,
    // Test files share a worker's module cache instead of re-importing the local GitHub (its
    // OpenAPI description and validators) file after file: about a third less CPU. Safe here:
    // no test mocks modules, patches globals or sets process.env; each test starts its own
    // local GitHub, and each action run is its own process.
    isolate: false,
    // Generous, not tight: a run waits on child processes, and under a second suite's load a
    // test that takes 20 s alone may take twice that. A hang still fails well inside CI's limit.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
