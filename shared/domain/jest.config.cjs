module.exports = {
  ...require('../../jest.preset.cjs')(__dirname, 'tsconfig.spec.json'),
  displayName: 'domain',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
