// Lint for the whole tree, run by `npm run lint` and by scripts/test.sh.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // What git ignores, and the generated bundles.
    ignores: ['dist/', 'jenkins-lib/resources/', 'coverage/', '.cache/', 'tmp/', '.mlops-ci/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      'packages/core/src/**/*.ts',
      'packages/core/__tests__/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
    ],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // A leading underscore marks a value kept on purpose (an interface's
      // parameter, a field dropped by a rest spread); anything else unused is dead.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The Host port: below the entry, code learns the environment and the
    // working folder from the run context (or as a parameter), so every host
    // (and a test) can give its own and a forgotten argument is a compile
    // error, not a silent read of the wrong environment. cli.ts is the entry:
    // it reads the process once, to make the Launch.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/cli.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment from the run context (host.context.env) or take it as a parameter; only cli.ts reads the process.' },
        { object: 'process', property: 'cwd', message: 'Take the working folder from the run context (host.context.cwd) or as a parameter; only cli.ts reads the process.' },
      ],
    },
  },
);
