// ESLint flat config. Type-aware rules (typescript-eslint recommendedTypeChecked) for every .ts file
// in tsconfig.json; a plain, non-type-checked config for the few JS config files and node scripts.
// Formatting is prettier's job: eslint-config-prettier comes last and switches off style rules.
// Import boundaries: dependency-cruiser (.dependency-cruiser.cjs, `npm run depcruise`) is the real
// enforcement; the no-restricted-imports patterns below are a fast first line in the editor.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts'];
const JS_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs'];
const TEST_FILES = ['**/*.spec.ts', 'test/**/*.ts', 'libs/*/src/testing/**/*.ts'];

// The globals a node script uses (the `globals` package is not a dependency, so listed here).
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'AbortController',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

// ---- import boundaries -------------------------------------------------------------------------
// A library is used only through its public index, i.e. `@hotline/<name>`; nothing reaches into its
// files, neither by alias (`@hotline/x/src/...`) nor by a relative path through `libs/<x>/src`.
const NO_DEEP_LIB_IMPORTS = [
  {
    regex: '^@hotline/[^/]+/(?!(domain|testing)$).+',
    message:
      'Deep import: use the library public API `@hotline/<name>` (its src/index.ts), or `@hotline/<name>/domain` for its pure rules.',
  },
  {
    regex: '(^|/)libs/[^/]+/src(/|$)',
    message: 'Do not reach into a library by relative path: import `@hotline/<name>` instead.',
  },
];
// Inside apps/ and libs/: a relative path that climbs out and into another package's src
// (`../../messaging/src/x` from a lib, `../../worker/src/x` from an app) crosses a boundary.
const NO_SIBLING_SRC = {
  regex: '^(\\.\\./)+[^./][^/]*/src(/|$)',
  message: 'Relative import into another library/app: use `@hotline/<name>` (apps never import each other).',
};
// Libraries are below the apps: nothing under libs/ may depend on apps/.
const NO_APPS_FROM_LIBS = {
  regex: '(^|/)apps(/|$)',
  message: 'libs/ must never import from apps/ (libraries sit below the apps).',
};
// Domain code (libs/<x>/src/domain/**) and libs/core stay framework-free (mirrors the
// domain-is-framework-free rule of dependency-cruiser).
const NO_FRAMEWORK = {
  regex: '^(@nestjs/[^/]+|typeorm|kafkajs|pg|express)(/.*)?$',
  message: 'Domain code and libs/core are framework-free: no @nestjs/*, typeorm, kafkajs, pg or express.',
};
const restrictImports = (...patterns) => ['error', { patterns }];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'bench/results/',
      'test/artifacts/',
      '**/*.generated.ts',
    ],
  },

  // ---- everything: the eslint core recommended set --------------------------------------------
  js.configs.recommended,

  // ---- TypeScript: type-aware ------------------------------------------------------------------
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error', // use the Nest/pino Logger; scripts/ below are the exception
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
      // Kept on: an un-awaited promise loses its errors. Mark deliberate fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Nest modules are decorated empty classes (`@Module({...}) export class XModule {}`); the
      // rule is not in recommendedTypeChecked, stated here so nobody turns it on by accident.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': restrictImports(...NO_DEEP_LIB_IMPORTS),
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(...NO_DEEP_LIB_IMPORTS, NO_SIBLING_SRC) },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(...NO_DEEP_LIB_IMPORTS, NO_SIBLING_SRC, NO_APPS_FROM_LIBS) },
  },
  {
    files: ['libs/*/src/domain/**/*.ts', 'libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(...NO_DEEP_LIB_IMPORTS, NO_SIBLING_SRC, NO_APPS_FROM_LIBS, NO_FRAMEWORK),
    },
  },

  // ---- one clock: business time comes from the injected Clock (libs/clock), never from Date ----
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/clock/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message:
            'Take the time from the injected Clock, or build instants with @hotline/clock (instant, addMs, dayStart).',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Take the time from the injected Clock (business time) or performance.now() (elapsed time).',
        },
      ],
    },
  },

  // ---- tests: supertest bodies, jest mocks and expect() are `any`-typed by design ---------------
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(service.method).toHaveBeenCalled()` passes methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes implement Promise-returning interfaces (repositories, consumers) without awaiting.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // ---- TypeORM migrations: generated code (queryRunner.query strings); keep them as generated ----
  {
    files: ['migrations/*-*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
    },
  },

  // ---- plain JS: config files and node scripts, no type information ----------------------------
  {
    files: JS_FILES,
    languageOptions: { ecmaVersion: 2023, globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // scripts/services/*.js, jest.config.js, .dependency-cruiser.cjs: CommonJS (require, module).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },

  // ---- the dashboard's browser script (served as is, no build step) ----------------------------
  {
    files: ['apps/api/src/dashboard/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        console: 'readonly',
        echarts: 'readonly',
      },
    },
  },

  // ---- scripts/: command-line helpers talk to the terminal ------------------------------------
  {
    files: ['scripts/**'],
    rules: { 'no-console': 'off' },
  },

  // Last: turn off every rule that would fight prettier's formatting.
  prettier,
);
