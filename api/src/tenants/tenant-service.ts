import {
  LmoError,
  validateTenantName,
  validateTenantSpec,
  validationError,
  type TenantSpec,
} from '@lmo/contracts';
import type { User } from '../accounts/users.ts';
import type { ApiKeyService } from '../keys/api-keys.ts';
import type { MembershipService, TenantRole } from './memberships.ts';
import type { TenantRecord, TenantRegistry } from './tenant-registry.ts';
import { applySettings, type TenantSettingsPatch } from './tenant-settings.ts';

/** How the caller relates to a tenant: a member's role, or `admin` for platform admins. */
export type TenantAccess = TenantRole | 'admin';

/** A tenant with the caller's access to it. */
export interface TenantView extends TenantRecord {
  readonly access: TenantAccess;
}

/** What a new tenant starts from; everything else takes the schema's defaults. */
export interface NewTenant {
  readonly name: string;
  readonly displayName: string;
}

const notFound = (name: string): LmoError => new LmoError('LMO_NOT_FOUND', `Tenant ${name} not found`);

/**
 * The tenant rules: who may see and change what. A tenant the caller has no part in reads as not
 * found (`LMO_NOT_FOUND`), never as forbidden, so names cannot be probed; a member asking for an
 * owner's action gets `LMO_FORBIDDEN`. Owners change settings within their plan, invite and delete;
 * platform admins may do anything, including suspend and resume.
 */
export class TenantService {
  readonly #registry: TenantRegistry;
  readonly #members: MembershipService;
  readonly #keys: ApiKeyService;
  readonly #forget: (tenant: string) => Promise<void>;

  /** `forget` drops a deleted tenant's other data (knowledge, usage), so a namesake never sees it. */
  constructor(
    registry: TenantRegistry,
    members: MembershipService,
    keys: ApiKeyService,
    forget: (tenant: string) => Promise<void> = () => Promise.resolve(),
  ) {
    this.#registry = registry;
    this.#members = members;
    this.#keys = keys;
    this.#forget = forget;
  }

  /**
   * Creates a tenant owned by `owner`, with the plan's defaults and the `echo` provider.
   * @throws {LmoError} `LMO_VALIDATION_FAILED` for a bad name; `LMO_CONFLICT` when it is taken.
   */
  async create(owner: User, input: NewTenant): Promise<TenantView> {
    const name = validateTenantName(input.name);
    if (!name.ok)
      throw validationError(
        'Tenant name',
        name.issues.map((i) => ({ ...i, path: '/name' })),
      );
    const spec = validateTenantSpec({ displayName: input.displayName, owner: owner.email });
    if (!spec.ok) throw validationError('Tenant', spec.issues);
    const record = await this.#registry.create(name.value, spec.value);
    try {
      await this.#members.add(record.name, owner.id, 'owner');
    } catch (error) {
      await this.#registry.delete(record.name).catch(() => undefined);
      throw error;
    }
    return { ...record, access: 'owner' };
  }

  /**
   * The caller's access to a tenant.
   * @throws {LmoError} `LMO_NOT_FOUND` when the caller has none.
   */
  async access(user: User, name: string): Promise<TenantAccess> {
    if (user.isPlatformAdmin) return 'admin';
    const role = await this.#members.roleOf(user.id, name);
    if (role === undefined) throw notFound(name);
    return role;
  }

  /**
   * Checks the caller may act on the tenant with one of `allowed` roles (admins always may).
   * @throws {LmoError} `LMO_NOT_FOUND` without access; `LMO_FORBIDDEN` with too little.
   */
  async require(user: User, name: string, allowed: readonly TenantRole[]): Promise<TenantAccess> {
    const access = await this.access(user, name);
    if (access !== 'admin' && !allowed.includes(access)) {
      throw new LmoError('LMO_FORBIDDEN', `This needs the ${allowed.join(' or ')} role in tenant ${name}`);
    }
    return access;
  }

  /** The tenants the caller belongs to; with `all`, a platform admin gets every tenant. */
  async list(user: User, all: boolean): Promise<TenantView[]> {
    if (all && user.isPlatformAdmin) {
      return (await this.#registry.list()).map((record) => ({ ...record, access: 'admin' as const }));
    }
    const views: TenantView[] = [];
    for (const { tenant, role } of await this.#members.tenantsOf(user.id)) {
      const record = await this.#registry.get(tenant);
      if (record !== undefined) views.push({ ...record, access: user.isPlatformAdmin ? 'admin' : role });
    }
    return views;
  }

  /** One tenant. @throws {LmoError} `LMO_NOT_FOUND` without access or when it does not exist. */
  async get(user: User, name: string): Promise<TenantView> {
    const access = await this.access(user, name);
    const record = await this.#registry.get(name);
    if (record === undefined) throw notFound(name);
    return { ...record, access };
  }

  /**
   * Changes settings (owners, within the plan; admins, anything).
   * @throws {LmoError} `LMO_NOT_FOUND`, `LMO_FORBIDDEN`, `LMO_VALIDATION_FAILED`.
   */
  async updateSettings(user: User, name: string, patch: TenantSettingsPatch): Promise<TenantView> {
    const access = await this.require(user, name, ['owner']);
    const record = await this.#registry.update(name, (spec) =>
      applySettings(spec, patch, access === 'admin'),
    );
    return { ...record, access };
  }

  /** Suspends or resumes a tenant (platform admins only). */
  async setSuspended(user: User, name: string, suspended: boolean): Promise<TenantView> {
    const access = await this.require(user, name, []);
    const record = await this.#registry.update(name, (spec): TenantSpec => ({ ...spec, suspended }));
    return { ...record, access };
  }

  /**
   * Deletes a tenant (owners and admins): its keys are revoked, memberships, invitations,
   * knowledge and usage analytics dropped (billing records stay); in a cluster the operator then
   * removes its namespace.
   */
  async delete(user: User, name: string): Promise<void> {
    await this.require(user, name, ['owner']);
    if ((await this.#registry.get(name)) === undefined) throw notFound(name);
    await this.#keys.revokeAll(name).catch((error: unknown) => {
      // In a cluster the tenant's namespace (and so its key Secret) goes with the tenant anyway.
      if (this.#registry.kind !== 'kubernetes') throw error;
    });
    await this.#registry.delete(name);
    await this.#members.removeTenant(name);
    await this.#forget(name);
  }
}
