module.exports = {
  ...require('../../jest.preset.cjs')(__dirname, 'tsconfig.spec.json'),
  displayName: 'contracts',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
