// One flat config for the whole monorepo. Each workspace runs `eslint src` (e2e: `eslint .`) from its own
// directory; ESLint finds this file by walking up, and every `files` glob below is relative to the repo root.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Mistakes that are wrong in every workspace: deep imports into another package, or across folders. */
const SHARED_PATTERNS = [
  // Code never names a `src/` folder: inside a workspace imports are `./x.ts`, across workspaces a package name.
  { group: ['**/src', '**/src/**'], message: 'Import a package by name; its src/index.ts is the API.' },
  { group: ['**/packages/*/**', '**/apps/*/**'], message: 'Import another workspace by its package name.' },
];
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'This workspace runs in the browser too: no Node built-ins.',
};
const SERVER_LIBS = ['express', 'socket.io', 'postgres', '@electric-sql/pglite', 'ws', 'pino'];

/** `no-restricted-imports` for one row of STYLE.md's boundary table ("Does not import"). */
function boundary(files, forbidden, patterns = []) {
  const paths = forbidden.map((name) => ({
    name,
    message: 'Not allowed by the module boundaries in STYLE.md.',
  }));
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns: [...SHARED_PATTERNS, ...patterns] }] },
  };
}

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/dist/**',
      '**/.svelte-kit/**',
      '**/.turbo/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ts.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // CI also sets Playwright's forbidOnly; this catches vitest and Playwright before a commit.
      'no-restricted-properties': [
        'error',
        ...['test', 'describe', 'it'].map((object) => ({
          object,
          property: 'only',
          message: 'Remove .only.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='describe'][property.name='only']",
          message: 'Remove .only.',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // Plain JS config files are not in any tsconfig; lint them without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...ts.configs.disableTypeChecked,
  },
  {
    // Packages are libraries: they return errors and let the app log. warn/error stay for the rare fallback.
    files: ['packages/*/src/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  boundary(
    ['packages/board-schema/**'],
    [],
    [{ group: ['@pairboard/*'], message: 'board-schema imports no other workspace.' }],
  ),
  boundary(['packages/sync-core/**'], ['@pairboard/db', '@pairboard/auth', ...SERVER_LIBS], [NODE_BUILTINS]),
  boundary(['packages/db/**'], ['@pairboard/sync-core', '@pairboard/auth', 'express']),
  boundary(['packages/auth/**'], ['@pairboard/db', 'express']),
  boundary(
    ['apps/server/**'],
    ['@pairboard/web'],
    [
      // The production server mounts the built SvelteKit handler, and nothing else from the web app.
      {
        group: ['@pairboard/web/*', '!@pairboard/web/handler'],
        message: 'The server only imports @pairboard/web/handler.',
      },
    ],
  ),
  boundary(
    ['apps/web/**'],
    ['@pairboard/db', '@pairboard/auth', '@pairboard/sync-core/server', ...SERVER_LIBS],
    [NODE_BUILTINS],
  ),
  // SvelteKit runs `*.server.ts` only on the server, so Node built-ins are fine there (db and auth still are not).
  boundary(['apps/web/src/**/*.server.ts'], ['@pairboard/db', '@pairboard/auth', ...SERVER_LIBS]),
  boundary(
    ['e2e/**'],
    [],
    [
      {
        group: ['@pairboard/*', '!@pairboard/board-schema'],
        message: 'e2e drives the running app; it imports only board-schema.',
      },
    ],
  ),
  prettier,
);
