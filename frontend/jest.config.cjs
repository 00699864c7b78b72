// Jest for the Angular app: jest-preset-angular (JIT), jsdom, zoneless TestBed.
const path = require('node:path');

const repoRoot = path.join(__dirname, '..');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'frontend',
  preset: 'jest-preset-angular',
  rootDir: __dirname,
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@beacon/contracts$': path.join(repoRoot, 'shared/contracts/src/index.ts'),
    '^@beacon/domain$': path.join(repoRoot, 'shared/domain/src/index.ts'),
  },
};
