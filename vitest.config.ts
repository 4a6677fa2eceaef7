import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: run files in parallel but keep the browser tests from starving the rest.
    pool: 'forks',
    maxWorkers: 2
  }
})
