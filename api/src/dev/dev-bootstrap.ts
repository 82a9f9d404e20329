/**
 * What `make dev` sets up through the API's own services, so everything it makes is made as a
 * person using the API would make it: the first platform admin, the `demo` tenant (echo provider)
 * and a fresh demo API key, whose hash reaches the runtime like any key's.
 */
import { randomBytes } from 'node:crypto';
import type { User } from '../accounts/users.ts';
import type { Services } from '../services.ts';
import type { TenantRecord } from '../tenants/tenant-registry.ts';

/** The admin `make dev` creates when `LMO_BOOTSTRAP_ADMIN_*` is not set. */
export const DEV_ADMIN_EMAIL = 'admin@lmo.localhost';
/** The demo tenant. */
export const DEMO_TENANT = 'demo';
/** The name of the demo key; each start revokes the keys of this name and creates one. */
export const DEV_KEY_NAME = 'make dev';

/** The platform admin to sign in with. */
export interface DevAdmin {
  readonly user: User;
  /** The generated password, only when it was generated just now (it is not stored anywhere). */
  readonly password: string | undefined;
  /** `generated` now, `existing` from an earlier start, or set by `LMO_BOOTSTRAP_ADMIN_*`. */
  readonly source: 'generated' | 'existing' | 'environment';
}

/** A password for the generated admin: 20 base64url characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * The admin: the `LMO_BOOTSTRAP_ADMIN_EMAIL` one when set (startApi has ensured it), else
 * {@link DEV_ADMIN_EMAIL}, created with a generated password on the first start.
 */
export async function ensureDevAdmin(
  services: Pick<Services, 'users'>,
  bootstrapEmail: string | undefined,
): Promise<DevAdmin> {
  if (bootstrapEmail !== undefined) {
    const user = await services.users.findByEmail(bootstrapEmail);
    if (user === undefined) throw new Error(`The bootstrap admin ${bootstrapEmail} does not exist`);
    return { user, password: undefined, source: 'environment' };
  }
  const existing = await services.users.findByEmail(DEV_ADMIN_EMAIL);
  if (existing !== undefined) return { user: existing, password: undefined, source: 'existing' };
  const password = generatePassword();
  await services.users.ensurePlatformAdmin(DEV_ADMIN_EMAIL, password);
  const user = await services.users.findByEmail(DEV_ADMIN_EMAIL);
  if (user === undefined) throw new Error(`Could not create ${DEV_ADMIN_EMAIL}`);
  return { user, password, source: 'generated' };
}

/** The demo tenant, created (owned by the admin, echo provider) when it does not exist. */
export async function ensureDemoTenant(
  services: Pick<Services, 'tenants' | 'registry'>,
  owner: User,
): Promise<{ readonly record: TenantRecord; readonly created: boolean }> {
  const existing = await services.registry.get(DEMO_TENANT);
  if (existing !== undefined) return { record: existing, created: false };
  const record = await services.tenants.create(owner, {
    name: DEMO_TENANT,
    displayName: 'Demo (echo provider)',
  });
  return { record, created: true };
}

/**
 * Revokes the demo keys of earlier starts and creates a new one; its plaintext exists only in the
 * result (the database keeps a hash), which is why every start makes a new key.
 */
export async function rotateDevKey(
  services: Pick<Services, 'apiKeys'>,
  owner: User,
): Promise<{ readonly key: string; readonly revoked: number }> {
  const previous = (await services.apiKeys.list(DEMO_TENANT)).filter((key) => key.name === DEV_KEY_NAME);
  for (const key of previous) await services.apiKeys.revoke(DEMO_TENANT, key.id);
  const created = await services.apiKeys.create(DEMO_TENANT, DEV_KEY_NAME, owner.id);
  return { key: created.key, revoked: previous.length };
}
