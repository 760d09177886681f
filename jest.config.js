/**
 * Two jest projects. `unit` (tests/unit/) is pure: builders, parsers, gates and limits, with no
 * database and no global setup, so `npm run test:unit` takes seconds. `integration` (the rest of
 * tests/) runs against one local Neo4j shared by every suite (tests/setup starts it, only when a
 * suite of this project is selected) and runs one suite at a time (--runInBand, in package.json) so
 * a suite that resets the graph disturbs no other. `npm test` runs unit, then integration; `npx jest
 * <path>` runs whichever project the file belongs to.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }] },
      roots: ['<rootDir>/tests/unit'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/src', '<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/unit/'],
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
      testTimeout: 60_000,
    },
  ],
};
