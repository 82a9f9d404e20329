// Two projects: `unit` needs nothing but Node; `integration` brings up the real
// services of the harness once (packages/harness/src/jest-global-setup.ts) and
// hands their connection settings to the tests through the environment.
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2024' },
      module: { type: 'es6' },
    },
  ],
};

const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

// Dashboard component tests: React in jsdom, JSX through swc's automatic runtime.
const dashboardTransform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2024',
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'es6' },
    },
  ],
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'dashboard',
      // Typing through user-event in jsdom is slow on a loaded 2-core machine; give each test room.
      testTimeout: 30_000,
      transform: dashboardTransform,
      testEnvironment: '<rootDir>/dashboard/test/support/jsdom-environment.js',
      testMatch: ['<rootDir>/dashboard/test/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/dashboard/test/support/setup.ts'],
      moduleNameMapper: { '\\.css$': '<rootDir>/dashboard/test/support/style-stub.js' },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.integration.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/packages/harness/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/packages/harness/src/jest-global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
