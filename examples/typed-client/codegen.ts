import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client's code generation (graphql-codegen's client preset), run by `npm run codegen`:
 * reads the client-facing schema (schema/api.graphql, from `npm run compose`) and the documents
 * written with `graphql(...)` in src/, and writes typed documents to src/gql/ — a changed schema
 * or query that no longer fits is then a type error in the app, not a surprise at run time.
 */
const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  // ESM with NodeNext resolution: relative imports need their .js extension.
  emitLegacyCommonJSImports: false,
  schema: 'schema/api.graphql',
  documents: ['examples/typed-client/src/**/*.ts', '!examples/typed-client/src/gql/**'],
  generates: {
    'examples/typed-client/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
