// Shared Jest settings for the Node-side projects (shared libraries and backend).
const path = require('node:path');

/** @param {string} projectRoot @param {string} tsconfig */
module.exports = function nodeJestConfig(projectRoot, tsconfig) {
  return {
    rootDir: projectRoot,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(projectRoot, tsconfig), diagnostics: false }],
    },
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: {
      '^@beacon/contracts$': path.join(__dirname, 'shared/contracts/src/index.ts'),
      '^@beacon/domain$': path.join(__dirname, 'shared/domain/src/index.ts'),
    },
  };
};
