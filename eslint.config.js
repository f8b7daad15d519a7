// typescript-eslint's recommended rules over the whole code base (`npm run lint`). Generated
// files, built output and the IDE bundle are left out; they are checked by their generators.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbids imports matching `group` in `files` (tests excepted: they start what they test). */
function layer(files, group, message) {
  return { files, ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '**/generated/**', 'examples/*/src/gql/**', 'gateway/ide/dist/**', 'data/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      // `_` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Layering: core/ stands alone; the gateway depends on core/ only; composition and the registry
  // do not import subgraph code (they read its files as data).
  layer(['core/**/*.ts'], ['**/gateway/**', '**/subgraphs/**', '**/schema/**', '**/stack/**', '**/simulators/**', '**/bench/**'], 'core/ imports nothing outside core/'),
  layer(['gateway/src/**/*.ts'], ['**/subgraphs/**', '**/schema/**', '**/stack/**', '**/simulators/**', '**/bench/**'], 'the gateway depends on core/ only'),
  layer(['schema/*.ts', 'schema/sdl/*.ts'], ['**/subgraphs/**', '**/gateway/**', '**/stack/**'], 'composition and the registry read subgraphs as data, never import them'),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
