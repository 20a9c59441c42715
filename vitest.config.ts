import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60000,
    // End-to-end tests mostly wait (on child processes and Octokit's write pacing), not compute.
    maxWorkers: 4,
  },
})
