import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build (the package has no "exports"), and so do mercurius and graphql-jit;
    // Vite would pick its "module" build for our files, and two copies of graphql break its instanceof checks.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }]
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: run files in parallel but keep the browser tests from starving the rest.
    pool: 'forks',
    maxWorkers: 2
  }
})
