// Lint: typescript-eslint's recommended type-aware-free rules, plus bans that protect the
// architecture (SQL stays in db/, the renderer never imports the backend) and the test suite
// (no focused or skipped tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
      ],
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
