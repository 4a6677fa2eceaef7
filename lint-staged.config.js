export default {
  '*.{ts,js}': 'eslint --max-warnings=0',
  // Any content change re-checks the whole tree: cross-file rules cannot be checked file by file.
  'content/**': () => 'npm run content:check'
}
