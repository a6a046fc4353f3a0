// Lint: typescript-eslint's recommended type-aware-free rules, plus the architecture's layers
// (checked, not hoped for: tests/unit/lint/boundaries.test.ts proves each forbidden import fails)
// and the test suite's rules (no focused or skipped tests, no timing assertions or sleeps).
//
// Layers, bottom up (electron/README.md):
//   db/                  imports nothing of ours
//   electron/contract/   pure TypeScript: nothing of ours outside itself, no Node, no DOM
//   electron/services/   db/ + contract + other services
//   electron/backend/    the handler map, its worker and host: services, contract, db/
//   transports           electron/*.ts, electron/cli, electron/harness: anything below
//   renderer/            the contract at run time; types only from anywhere else
// plus: better-sqlite3 and the raw handle (db/raw.ts) only inside db/; no import cycles anywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];
// Every error a clerk can meet carries a reason code worded in both languages (issue #11): an
// AppError is made only by contract/errors.ts (`reasonError`, `internalError`, `errorFromData`).
const newAppError = {
  selector: "NewExpression[callee.name='AppError']",
  message:
    'Throw reasonError(code, reason, message, params) (contract/errors.ts) so the renderer can word it in Hindi and English; internalError only for a broken invariant, with a comment.',
};
const layer = (target, from, except, message) => ({ target, from, ...(except ? { except } : {}), message });

const focusedOrSkipped = [
  { object: 'it', property: 'only' },
  { object: 'it', property: 'skip' },
  { object: 'test', property: 'only' },
  { object: 'test', property: 'skip' },
  { object: 'describe', property: 'only' },
  { object: 'describe', property: 'skip' },
];

// Tests assert behaviour, not speed, and never sleep: on a busy machine both flake. Wait for an
// event, a promise or a condition (expect.poll, waitFor, auto-waiting locators), move a fake
// clock (vi.useFakeTimers), or measure speed in tests/bench (`npm run bench`).
const NO_TIMING =
  'No timing or sleeps in tests: wait for an event or condition, use fake timers, or measure in tests/bench.';
const timingProperties = [
  { property: 'waitForTimeout', message: NO_TIMING },
  { object: 'performance', property: 'now', message: NO_TIMING },
  { object: 'process', property: 'hrtime', message: NO_TIMING },
  { object: 'console', property: 'time', message: NO_TIMING },
  { object: 'console', property: 'timeEnd', message: NO_TIMING },
];
const timingSyntax = [
  // new Promise((r) => setTimeout(() => r(), 100))
  {
    selector:
      "NewExpression[callee.name='Promise'] > ArrowFunctionExpression > CallExpression.body[callee.name='setTimeout'][arguments.0.type!='Identifier']",
    message: NO_TIMING,
  },
  // setTimeout(resolve, 100) (also inside new Promise), setTimeout(next, 5): a sleep, or typing on a timer
  { selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']", message: NO_TIMING },
  // Date.now() - t0: an elapsed time
  {
    selector:
      "BinaryExpression[operator='-'][left.type='CallExpression'][left.callee.object.name='Date'][left.callee.property.name='now'][right.type='Identifier']",
    message: NO_TIMING,
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        WebSocket: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The `samooh` bin and electron-builder hooks are CommonJS on purpose (they run before or
    // outside the ESM bundles).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', ...focusedOrSkipped, ...timingProperties],
      'no-restricted-syntax': ['error', ...timingSyntax],
    },
  },
  {
    // Benchmarks measure time; that is what they are for.
    files: ['tests/bench/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...focusedOrSkipped],
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['db/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // Dependencies are parsed as TypeScript too, or cycles through them go unseen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            layer('./db', ['./electron', './renderer', './tests', './scripts'], null, 'db/ imports nothing of ours.'),
            layer('./electron/contract', './electron', ['./contract'], 'The contract imports only itself.'),
            layer('./electron/contract', ['./db', './renderer'], null, 'The contract imports only itself.'),
            layer(
              './electron/services',
              './electron',
              ['./services', './contract'],
              'Services import db/, the contract and other services only; the handler map and transports sit above.',
            ),
            layer(
              './electron/backend',
              './electron',
              ['./backend', './services', './contract'],
              'The backend imports services, the contract and db/; transports sit above it.',
            ),
            layer('./electron', './renderer', null, 'The backend never imports the renderer.'),
            layer(['./electron', './renderer'], './db/raw.ts', null, "The driver's raw handle is for db/ only."),
          ],
        },
      ],
    },
  },
  {
    // What only db/ may touch: the driver and the raw connection.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL stays in db/.' },
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL stays in db/.' },
        newAppError,
      ],
    },
  },
  {
    // The one place an AppError is built: errors.ts (reasonError, internalError, and errorFromData
    // for the transports that rebuild an error from wire data: backend/worker.ts, dispatch.ts).
    files: ['electron/contract/errors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL stays in db/.' },
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL stays in db/.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/contract/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'better-sqlite3 is for db/ only.' }] },
      ],
    },
  },
  {
    // Services and the handler map run in the backend worker: no Electron, no React, no driver.
    files: ['electron/services/**/*.ts', 'electron/backend/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'better-sqlite3 is for db/ only.' },
            {
              name: 'electron',
              message: 'Services and the handler map never import Electron: it reaches them on the context.',
            },
            { name: 'react', message: 'Services never import React.' },
            { name: 'react-dom', message: 'Services never import React.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is loaded by the renderer too: no Node, no Electron, no database.
    files: ['electron/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The contract is pure TypeScript.' }],
          patterns: [
            {
              group: [...NODE_BUILTINS, 'better-sqlite3', 'kysely', 'react', 'react-dom'],
              message: 'The contract is pure TypeScript: no Node, no DOM, no database.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        '__filename',
        'window',
        'document',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // 'electron' is listed by exact name: as a gitignore-style pattern it would also match
          // the `electron/` folder.
          paths: [{ name: 'electron', message: 'The renderer talks to the backend only through the API client.' }],
          patterns: [
            {
              group: [...NODE_BUILTINS, 'better-sqlite3', 'kysely'],
              message: 'No Node built-ins or database in the renderer: it runs in a sandboxed page.',
            },
            {
              // db/ or electron/ but not electron/contract/ (a regex: gitignore-style negation
              // cannot re-include a folder under an excluded one).
              regex: '(^|/)(db|electron)/(?!contract/)',
              allowTypeImports: true,
              message:
                'The renderer imports the contract (electron/contract) at run time, and only types from the backend.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'],
    },
  },
);
