// Two projects: `unit` (pure logic, *.spec.ts beside the code, no I/O, parallel) and
// `integration` (test/**/*.e2e-spec.ts: the real app modules on the real PostgreSQL and Kafka,
// one file at a time so relays and consumer groups of different files never compete).

const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Mirrors tsconfig.json "paths": every library is @hotline/<folder>.
  moduleNameMapper: {
    '^@hotline/([a-z0-9-]+)$': '<rootDir>/libs/$1/src',
    '^@hotline/([a-z0-9-]+)/(domain|testing)$': '<rootDir>/libs/$1/src/$2',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // One file at a time: integration files share the test database's outbox and the broker, and a
  // relay or consumer group started by one file must never take another file's events.
  maxWorkers: 1,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.ts'],
    },
  ],
};
