/**
 * Two jest projects. `unit` (tests/unit/) is pure: builders, parsers, gates and limits, with no
 * database and no global setup, compiled without type information (isolatedModules: `npm run
 * typecheck` checks types), so `npm run test:unit` takes seconds. `integration` (the rest of tests/)
 * runs against one local Neo4j shared by every suite (tests/setup starts it, and only when a suite
 * of this project is selected) one suite at a time, so a suite that resets the graph disturbs no
 * other. Both run in band (package.json): on two cores one process that compiles each file once
 * beats two that each compile it. `npm test` runs unit, then integration; `npx jest <path>` runs
 * whichever project the file belongs to.
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
    },
  ],
  // A run-wide option (jest ignores it inside a project): generous for suites that start an API.
  testTimeout: 60_000,
};
