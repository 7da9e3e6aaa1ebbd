// ESLint flat config: typescript-eslint, react-hooks, and the import boundaries that show the
// architecture (ARCHITECTURE.md). Formatting is Prettier's job (eslint-config-prettier turns off the
// rules that would fight it); `npm run lint` runs both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Patterns for @typescript-eslint/no-restricted-imports, with the reason a reader sees. */
const forbid = (group, message) => ({ group, message });

const UI = forbid(
  ['@/entrypoints/**', '**/entrypoints/**', '@/components/**', '**/components/**'],
  'utils/ is the logic: it never imports entrypoints/ (wiring) or components/ (rendering).',
);

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', '.data/', 'test-output/', 'server/db/migrations/', 'docs/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // Boundaries. utils/ never reaches up into wiring or rendering.
  {
    files: ['utils/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [UI] }],
    },
  },
  // components/ render: they may use utils/ (stores, selectors) but never wiring.
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['@/entrypoints/**', '**/entrypoints/**'],
              'components/ render; entrypoints/ wire them, not the reverse.',
            ),
          ],
        },
      ],
    },
  },
  // server/ shares only the contract (and the pure draft engine it sends from) with the extension.
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [
                '@/entrypoints/**',
                '**/entrypoints/**',
                '@/components/**',
                '**/components/**',
                'wxt',
                'wxt/**',
                'react',
                'react-dom',
                'zustand',
              ],
              'server/ runs on Node: no extension wiring, rendering, stores or browser APIs.',
            ),
            {
              // Relative or @/ paths into utils/ other than contract/ and engine/ (engine/ui/ is the popup's).
              regex: '^(?:(?:\\.\\./)+|@/)utils/(?!contract/|engine/(?!ui/))',
              message:
                'server/ shares only utils/contract/ (the zod schemas) and utils/engine/ (pure engine code) with the extension.',
            },
          ],
        },
      ],
    },
  },
  // Content scripts (and the extractor they carry) have an 8 KB gzip budget: no zod, no React, no stores.
  // Types from a zod schema are fine (erased at build time).
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/extract-page.ts', 'utils/release/**/*.ts'],
    // The release feature's pieces that run in the background or the popup, not in the content script.
    ignores: ['utils/release/{node,fetch,fit,tab-state,tab-store,badge,age,labels,background}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/**', 'react', 'react-dom', 'zustand', '**/contract/**', '@/utils/contract/**'],
              allowTypeImports: true,
              message:
                'Content scripts carry an 8 KB gzip budget: import only types from zod schemas, never zod or React.',
            },
          ],
        },
      ],
    },
  },
  // Node scripts, tests and benchmarks run outside the extension.
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
