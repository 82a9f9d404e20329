import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { ensureDebianPackage } from '../install/apt.ts';
import { host, ports } from '../settings.ts';
import { tcpOpen } from '../wait.ts';
import { connect } from 'node:net';

/** Redis 7 from Debian, in memory only. */
export const redis = daemonService({
  name: 'redis',
  description: 'Redis 7 (Debian)',
  readyWithinSeconds: 15,
  async install(ctx) {
    await ensureDebianPackage(ctx, {
      name: 'redis-server',
      provides: '/usr/bin/redis-server',
      logFile: logFile(ctx.paths.run, 'apt'),
    });
  },
  prepare: (_ctx, dataDir) =>
    Promise.resolve({
      command: '/usr/bin/redis-server',
      args: [
        '--port',
        String(ports.redis),
        '--bind',
        host,
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dataDir,
      ],
    }),
  probe: () => async () => (await tcpOpen(host, ports.redis)) && (await ping()),
  env: () => ({ REDIS_URL: `redis://${host}:${ports.redis}` }),
});

/** Sends an inline PING and expects +PONG, so "port open" is not mistaken for "ready". */
function ping(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: ports.redis }, () => socket.write('PING\r\n'));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}
