// Jest global teardown: stop what the global setup started, so a test run
// leaves the machine as it found it. LMO_KEEP_INFRA=1 keeps everything up
// for the next run.
import { down } from './harness.ts';
import { allServices } from './services/index.ts';

export default async function globalTeardown(): Promise<void> {
  const started = (process.env['LMO_INFRA_STARTED_BY_JEST'] ?? '').split(',').filter(Boolean);
  if (started.length === 0 || process.env['LMO_KEEP_INFRA'] === '1') return;
  // Everything started here: `down` with no names also removes the run directory.
  await down(started.length === allServices.length ? [] : started);
}
