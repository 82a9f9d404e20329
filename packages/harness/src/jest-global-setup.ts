// Jest global setup of the `integration` project: bring every real service up
// once (a no-op when `make infra-up` already did) and hand the connection
// settings to the test workers through the environment they inherit.
import { up } from './harness.ts';

export default async function globalSetup(): Promise<void> {
  const result = await up([]);
  Object.assign(process.env, result.env);
  // Read by the global teardown: stop only what this run started.
  process.env['LMO_INFRA_STARTED_BY_JEST'] = result.started.join(',');
}
