// One lint setup for every part. Type-aware rules catch floating promises and
// unsafe `any`; the complexity limits keep functions small (see docs/STYLE notes).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'test-artifacts/**', '**/*.generated.*'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      complexity: ['error', 12],
      'max-depth': ['error', 4],
      'max-params': ['error', 4],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-console': 'error',
      // @kubernetes/client-node's models are plain data classes; its API takes
      // object literals for them (beware only JSONSchemaProps, see
      // docs/architecture.md "Things that surprised us").
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/test/**/*.ts', '**/test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': 'off',
    },
  },
  {
    // Command-line entry points talk to people on stdout/stderr.
    files: ['**/src/cli.ts', '**/cli/**/*.ts', 'crds/*.ts', 'bench/*.ts', 'bench/operator-scale/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // React components: hooks rules (including the React Compiler's checks); components declare
    // their props' types, so their JSX return type is left to inference.
    files: ['dashboard/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['dashboard/**/*.tsx'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  prettier,
);
