/** The test harness: real services on loopback for tests and local work. */
export { down, readEnv, status, up, type HarnessOptions, type UpResult } from './harness.ts';
export { harnessEnv, registerScrapeTarget, type HarnessVariable } from './test-env.ts';
export { ports, resolvePaths, versions, type HarnessPaths } from './settings.ts';
