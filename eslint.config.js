import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'scratch/**', 'src/graphql/generated/**', 'test/generated/**'] }),
  {
    // `void promise` marks a deliberately unawaited call (signal handlers, timers).
    rules: { 'no-void': ['error', { allowAsStatement: true }] }
  }
]
