module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'tsconfig.json'),
  displayName: 'tools',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
