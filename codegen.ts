// For `npx graphql-codegen --config codegen.ts`; `npm run generate` uses the same config.
import { codegenConfig } from './src/graphql/codegen-config.js'

export default codegenConfig
