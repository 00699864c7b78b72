// Unit tests: pure logic, no database or Redis.
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'tsconfig.spec.json'),
  displayName: 'backend',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
