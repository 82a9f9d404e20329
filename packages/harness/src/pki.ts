import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.ts';
import { host } from './settings.ts';

/** A client identity of the test cluster: CN is the user, O the groups. */
export interface ClientIdentity {
  readonly file: string;
  readonly user: string;
  readonly groups: readonly string[];
}

/**
 * The throw-away identities of the test cluster. `admin` is in
 * `system:masters`; `developer` has no bindings at all, so RBAC tests grant
 * it exactly what they mean to test.
 */
export const identities: readonly ClientIdentity[] = [
  { file: 'admin', user: 'lmo-admin', groups: ['system:masters'] },
  { file: 'developer', user: 'lmo-developer', groups: ['lmo:developers'] },
  { file: 'kube-controller-manager', user: 'system:kube-controller-manager', groups: [] },
  { file: 'kube-scheduler', user: 'system:kube-scheduler', groups: [] },
];

/**
 * Creates, once per run directory, a CA, the apiserver's serving certificate
 * (SAN 127.0.0.1 and localhost), a client certificate per identity and the
 * service-account signing key pair, with the openssl command-line tool.
 */
export async function ensurePki(dir: string, logFile: string): Promise<void> {
  if (await exists(join(dir, 'sa.pub'))) return;
  await mkdir(dir, { recursive: true });
  const ssl = (...args: string[]): Promise<void> => run('openssl', args, { cwd: dir, logFile });
  await ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '30',
    '-subj',
    '/CN=lmo-test-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  );
  await writeFile(
    join(dir, 'serving.ext'),
    `subjectAltName=IP:${host},DNS:localhost\nextendedKeyUsage=serverAuth\n`,
  );
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  await issue(ssl, 'apiserver', '/CN=kube-apiserver', 'serving.ext');
  for (const id of identities) {
    const subject = [...id.groups.map((g) => `/O=${g}`), `/CN=${id.user}`].join('');
    await issue(ssl, id.file, subject, 'client.ext');
  }
  await ssl('genrsa', '-out', 'sa.key', '2048');
  await ssl('rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub');
}

async function issue(
  ssl: (...args: string[]) => Promise<void>,
  name: string,
  subject: string,
  extFile: string,
): Promise<void> {
  await ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    subject,
  );
  await ssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '30',
    '-out',
    `${name}.crt`,
    '-extfile',
    extFile,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
