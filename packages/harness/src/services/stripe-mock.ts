import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { binDir, ensureBinaries } from '../install/cached-binary.ts';
import { goInstall } from '../install/go.ts';
import { host, ports, versions } from '../settings.ts';
import { tcpOpen } from '../wait.ts';

/**
 * stripe-mock: validates requests against Stripe's OpenAPI spec and answers
 * with fixtures. It keeps no state, so tests assert what was sent.
 */
export const stripeMock = daemonService({
  name: 'stripe-mock',
  description: `stripe-mock ${versions.stripeMock}`,
  readyWithinSeconds: 30,
  async install(ctx) {
    await ensureBinaries(
      ctx,
      { name: 'stripe-mock', version: versions.stripeMock, outputs: ['stripe-mock'] },
      (dir) =>
        goInstall(ctx, {
          pkg: 'github.com/stripe/stripe-mock',
          version: versions.stripeMock,
          binDir: dir,
          logFile: logFile(ctx.paths.run, 'stripe-mock-build'),
        }),
    );
  },
  prepare: (ctx) =>
    Promise.resolve({
      command: join(binDir(ctx, 'stripe-mock', versions.stripeMock), 'stripe-mock'),
      args: ['-http-addr', `${host}:${ports.stripeMock}`],
    }),
  probe: () => () => tcpOpen(host, ports.stripeMock),
  env: () => ({
    STRIPE_API_BASE: `http://${host}:${ports.stripeMock}`,
    STRIPE_SECRET_KEY: 'sk_test_lmoharness',
  }),
});
