// Lint: typescript-eslint's recommended type-aware-free rules, plus bans that protect the
// architecture (SQL stays in db/, the renderer never imports the backend) and the test suite
// (no focused or skipped tests, no timing assertions or sleeps).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // 'electron' is listed by exact name: as a gitignore-style pattern it would also match
          // the `electron/` folder and forbid the type-only imports the renderer is meant to use.
          paths: [{ name: 'electron', message: 'The renderer talks to the backend only through the API client.' }],
          patterns: [
            {
              group: ['**/db/**', 'better-sqlite3', 'kysely', 'node:*'],
              message: 'The renderer talks to the backend only through the API client.',
            },
            {
              group: ['**/electron/services/**', '**/electron/backend/**'],
              allowTypeImports: true,
              message: 'Import only types from the backend.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL stays in db/.' },
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL stays in db/.' },
      ],
    },
  },
);
