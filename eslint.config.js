import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Pure domain code: no database, HTTP, React or server modules. */
const domainBoundary = {
  patterns: [
    {
      group: [
        'react',
        'react-dom',
        'react-dom/*',
        'react-router',
        '@react-router/*',
        'express',
        'drizzle-orm',
        'drizzle-orm/*',
        'pg',
        '@electric-sql/*',
        'node:*',
        '**/*.server',
        '**/db/*',
        '**/ui/*',
        '**/routes/*',
        '@digdir/*',
      ],
      message: 'features/*/domain/ is pure: no DB, HTTP, React or server imports.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['build/', 'data/', '.react-router/', 'node_modules/', 'coverage/', 'drizzle/meta/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: 'react-router', name: 'DataWithResponseInit' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['app/features/*/domain/**'],
    rules: { 'no-restricted-imports': ['error', domainBoundary] },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
