// Lint rules, including DESIGN.md §2's import zones (tests/unit/shared/layering.test.ts checks the
// same rules on resolved paths).
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const rendererSide = { group: ['node:*', 'electron', '**/electron/**'], message: 'the renderer never imports Electron-side code or Node built-ins.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:*', 'electron', 'vue', 'vue-*', 'element-plus', 'pinia', '**/electron/**', '**/renderer/**'], message: 'shared imports only shared and zod.' },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', '**/main/**', '**/server/**', '**/cli/**', '**/preload/**', '**/renderer/**'], message: 'core never imports electron, the hosts or the renderer.' },
      ]),
    },
  },
  {
    // Issue 10: SQL lives in repositories (and db/, audit/); services and the core's top level call them.
    files: ['electron/core/services/**/*.ts', 'electron/core/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|exec|pragma)$/]:not([callee.object.regex])",
          message: 'SQL belongs in electron/core/repositories (or db/, audit/): call a repository function that says what it returns.',
        },
      ],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['electron', '**/main/**'], message: 'the browser host and the CLI run without Electron.' }]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^(?!electron$|\\.\\./\\.\\./shared/api/methodNames\\.js$).*', message: 'the preload imports only electron and the method-name list.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([rendererSide]),
    },
  },
  {
    files: ['renderer/src/shared/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': restrict([rendererSide, { group: ['**/features/**'], message: 'renderer/src/shared serves every feature and imports none.' }]),
    },
  },
);
