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

/**
 * The client build loads the custom elements of Designsystemet's `Suggestion` only where it is
 * used (vite/designsystemet-web.ts): app/ui/Suggestion.ts brings them along with it.
 */
const suggestionWithItsElements = {
  paths: [
    {
      name: '@digdir/designsystemet-react',
      importNames: ['EXPERIMENTAL_Suggestion'],
      message: 'Use Suggestion from app/ui/Suggestion: it loads the elements it needs.',
    },
  ],
};

/**
 * `msg` (app/i18n) is the catalogue's module namespace: the bundler gives a page only the
 * namespaces it reads as `msg.<namespace>`. Using `msg` any other way (spread, passed, `msg[x]`)
 * would bring every namespace to every page; in types (`typeof msg.schemes`) it costs nothing.
 */
const catalogueByMemberAccess = {
  selector:
    "Identifier[name='msg']:not(MemberExpression[computed=false] > Identifier.object, MemberExpression > Identifier.property, Property > Identifier.key, ImportSpecifier > Identifier, ExportSpecifier > Identifier, TSQualifiedName > Identifier.left, TSTypeQuery > Identifier)",
  message: 'Read the catalogue as msg.<namespace> (static member access), so pages stay split.',
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
      'no-restricted-syntax': ['error', catalogueByMemberAccess],
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
    // Before the domain boundary, which replaces this rule in domain/ (no React there anyway).
    files: ['app/**'],
    ignores: ['app/ui/Suggestion.ts'],
    rules: { 'no-restricted-imports': ['error', suggestionWithItsElements] },
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
