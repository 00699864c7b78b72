// Integration tests against the real PostgreSQL and Redis: a fresh database per run, built from
// the migrations, and a Redis key prefix per run (see test/global-setup.ts).
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'tsconfig.spec.json'),
  displayName: 'backend-integration',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};
