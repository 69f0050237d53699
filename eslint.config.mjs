// ESLint flat config.
//  - typescript-eslint "recommended" for src/, test/, scripts/ and the root config files;
//  - the Office add-in rules of eslint-plugin-office-addins for src/;
//  - src/core/** must stay host-agnostic (no Excel/React/Office imports; src/core/tsconfig.json enforces it too);
//  - type-checked promise rules for the Office host and the task pane, where an un-awaited Excel.run or a
//    promise handed to an event handler loses its error.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// eslint-plugin-office-addins' own "recommended" flat config also bundles
// prettier and an older copy of typescript-eslint. Take only its
// office-addins/* rule settings (same severities) and register the plugin here.
const officeAddinsRecommendedRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

const HOST_AGNOSTIC =
  'src/core must stay host-agnostic: Excel files, Office.js and the UI belong in src/hosts, src/cli or src/taskpane.';

export default defineConfig([
  globalIgnores(['dist/', 'dist-node/', 'dist-cli/', 'node_modules/', 'coverage/', 'examples/', 'out/']),

  {
    files: ['src/**/*.{ts,tsx,mts,cts}', 'test/**/*.{ts,tsx,mts,cts}', 'scripts/**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      // "_name" marks a value left out on purpose (e.g. dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },

  // CommonJS / ES module JavaScript: build scripts and root config files.
  {
    files: ['scripts/**/*.{js,cjs,mjs}', '*.{js,cjs,mjs}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,cjs}', '*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    files: ['src/**/*.{ts,tsx,mts,cts}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRecommendedRules,
  },

  {
    files: ['src/hosts/office/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  {
    files: ['src/core/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'exceljs', message: HOST_AGNOSTIC },
            { name: 'react', message: HOST_AGNOSTIC },
            { name: 'react-dom', message: HOST_AGNOSTIC },
            { name: 'office-js', message: HOST_AGNOSTIC },
            { name: '@microsoft/office-js', message: HOST_AGNOSTIC },
          ],
          patterns: [
            {
              group: [
                'exceljs/*',
                'react/*',
                'react-dom/*',
                '@fluentui/*',
                'office-js/*',
                '@microsoft/office-js/*',
              ],
              message: HOST_AGNOSTIC,
            },
            {
              // Any relative path that reaches src/hosts, src/cli or src/taskpane.
              regex: '^\\.{1,2}/(?:.*/)?(?:hosts|cli|taskpane)(?:/.*)?$',
              message: HOST_AGNOSTIC,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: HOST_AGNOSTIC },
        { name: 'Excel', message: HOST_AGNOSTIC },
        { name: 'OfficeExtension', message: HOST_AGNOSTIC },
      ],
    },
  },
]);
