import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { identities } from '../pki.ts';
import type { HarnessContext } from '../service.ts';
import { host, ports } from '../settings.ts';

export const pkiDir = (ctx: HarnessContext): string => join(ctx.paths.run, 'kube', 'pki');
export const kubeconfigPath = (ctx: HarnessContext, identity: string): string =>
  join(ctx.paths.run, 'kube', `${identity}.kubeconfig`);
export const apiserverUrl = `https://${host}:${ports.kubeApiserver}`;

/** Writes one kubeconfig per identity, each pointing at the test apiserver. */
export async function writeKubeconfigs(ctx: HarnessContext): Promise<void> {
  const pki = pkiDir(ctx);
  await mkdir(join(ctx.paths.run, 'kube'), { recursive: true });
  for (const id of identities) {
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'lmo-test', cluster: { server: apiserverUrl, 'certificate-authority': join(pki, 'ca.crt') } },
      ],
      users: [
        {
          name: id.user,
          user: {
            'client-certificate': join(pki, `${id.file}.crt`),
            'client-key': join(pki, `${id.file}.key`),
          },
        },
      ],
      contexts: [{ name: `${id.file}@lmo-test`, context: { cluster: 'lmo-test', user: id.user } }],
      'current-context': `${id.file}@lmo-test`,
    };
    await writeFile(kubeconfigPath(ctx, id.file), stringify(config), { mode: 0o600 });
  }
}

/** GET a path on the apiserver as the admin; resolves with status and body. */
export async function kubeGet(ctx: HarnessContext, path: string): Promise<{ status: number; body: string }> {
  const pki = pkiDir(ctx);
  const [ca, cert, key] = await Promise.all(
    ['ca.crt', 'admin.crt', 'admin.key'].map((f) => readFile(join(pki, f))),
  );
  return new Promise((resolve, reject) => {
    const req = request(`${apiserverUrl}${path}`, { ca, cert, key, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * True when a control-plane component's `/healthz` on loopback answers 200.
 * Those components serve a self-signed certificate, and only that path, so
 * the certificate is not verified here.
 */
export function componentHealthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      `https://${host}:${port}/healthz`,
      { rejectUnauthorized: false, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(false);
    });
    req.end();
  });
}
