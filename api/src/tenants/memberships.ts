import { randomUUID } from 'node:crypto';
import { LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import { normalizeEmail, type User } from '../accounts/users.ts';
import { randomSecret, sha256Hex } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';

/** A user's role in a tenant. Platform admins act on every tenant without a membership. */
export type TenantRole = 'owner' | 'member';

/** A member of a tenant as listed. */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly role: TenantRole;
  readonly since: Date;
}

/** A pending invitation as listed; its token was shown once, when it was made. */
export interface Invitation {
  readonly id: string;
  readonly tenant: string;
  readonly email: string;
  readonly role: TenantRole;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

interface MembershipRow {
  tenant: string;
  user_id: string;
  role: TenantRole;
}

interface InvitationRow {
  id: string;
  tenant: string;
  email: string;
  role: TenantRole;
  token_hash: string;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  tenant: row.tenant,
  email: row.email,
  role: row.role,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
});

/** Who belongs to which tenant, and invitations to join. */
export class MembershipService {
  readonly #db: Knex;
  readonly #clock: Clock;
  readonly #invitationTtlMs: number;

  constructor(db: Knex, clock: Clock, invitationTtlHours: number) {
    this.#db = db;
    this.#clock = clock;
    this.#invitationTtlMs = invitationTtlHours * 3_600_000;
  }

  /** Adds (or changes) a membership. */
  async add(tenant: string, userId: string, role: TenantRole): Promise<void> {
    await this.#db('memberships')
      .insert({ tenant, user_id: userId, role, created_at: this.#clock.now() })
      .onConflict(['tenant', 'user_id'])
      .merge(['role']);
  }

  /** The user's role in the tenant, if any. */
  async roleOf(userId: string, tenant: string): Promise<TenantRole | undefined> {
    const row = await this.#db<MembershipRow>('memberships').where({ tenant, user_id: userId }).first();
    return row?.role;
  }

  /** The tenants a user belongs to, by name. */
  async tenantsOf(userId: string): Promise<{ tenant: string; role: TenantRole }[]> {
    return this.#db('memberships').where({ user_id: userId }).select('tenant', 'role').orderBy('tenant');
  }

  /** The tenant's members, owners first. */
  async list(tenant: string): Promise<Member[]> {
    const rows = await this.#db('memberships as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where('m.tenant', tenant)
      .select<{ user_id: string; email: string; role: TenantRole; created_at: Date }[]>(
        'm.user_id',
        'u.email',
        'm.role',
        'm.created_at',
      )
      .orderBy([{ column: 'm.role', order: 'desc' }, 'u.email']);
    return rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      role: r.role,
      since: new Date(r.created_at),
    }));
  }

  /**
   * Removes a member.
   * @throws {LmoError} `LMO_NOT_FOUND` when the user is not a member; `LMO_CONFLICT` when they are
   *   the last owner (a tenant always keeps one).
   */
  async remove(tenant: string, userId: string): Promise<void> {
    await this.#db.transaction(async (trx) => {
      const owners = await trx('memberships').where({ tenant, role: 'owner' }).forUpdate().select('user_id');
      const role = await trx<MembershipRow>('memberships').where({ tenant, user_id: userId }).first();
      if (role === undefined) throw new LmoError('LMO_NOT_FOUND', 'No such member');
      if (role.role === 'owner' && owners.length === 1) {
        throw new LmoError('LMO_CONFLICT', 'The last owner cannot leave; make someone else owner first');
      }
      await trx('memberships').where({ tenant, user_id: userId }).delete();
    });
  }

  /** Forgets a deleted tenant's memberships and invitations. */
  async removeTenant(tenant: string): Promise<void> {
    await this.#db('memberships').where({ tenant }).delete();
    await this.#db('invitations').where({ tenant }).delete();
  }

  /** Invites an e-mail address; `token` in the result is the only time its plaintext exists. */
  async invite(
    tenant: string,
    email: string,
    role: TenantRole,
    invitedBy: string,
  ): Promise<Invitation & { token: string }> {
    const token = randomSecret();
    const now = this.#clock.now();
    const row: InvitationRow = {
      id: randomUUID(),
      tenant,
      email: normalizeEmail(email),
      role,
      token_hash: sha256Hex(token),
      invited_by: invitedBy,
      created_at: now,
      expires_at: new Date(now.getTime() + this.#invitationTtlMs),
      accepted_at: null,
    };
    await this.#db('invitations').insert(row);
    return { ...toInvitation(row), token };
  }

  /** The tenant's pending, unexpired invitations. */
  async invitations(tenant: string): Promise<Invitation[]> {
    const rows = await this.#db<InvitationRow>('invitations')
      .where({ tenant })
      .whereNull('accepted_at')
      .where('expires_at', '>', this.#clock.now())
      .orderBy('created_at', 'desc');
    return rows.map(toInvitation);
  }

  /**
   * Withdraws a pending invitation.
   * @throws {LmoError} `LMO_NOT_FOUND` when the tenant has no such pending invitation.
   */
  async withdraw(tenant: string, id: string): Promise<void> {
    const count = await this.#db('invitations').where({ tenant, id }).whereNull('accepted_at').delete();
    if (count === 0) throw new LmoError('LMO_NOT_FOUND', 'No such invitation');
  }

  /**
   * Accepts an invitation for the signed-in user, whose e-mail must be the invited one.
   * @throws {LmoError} `LMO_NOT_FOUND` for an unknown, used, expired or someone else's token (one
   *   answer for all, so a token cannot be probed).
   */
  async accept(token: string, user: User): Promise<{ tenant: string; role: TenantRole }> {
    return this.#db.transaction(async (trx) => {
      const now = this.#clock.now();
      const row = await trx<InvitationRow>('invitations')
        .where({ token_hash: sha256Hex(token) })
        .forUpdate()
        .first();
      const usable =
        row !== undefined &&
        row.accepted_at === null &&
        new Date(row.expires_at).getTime() > now.getTime() &&
        row.email === normalizeEmail(user.email);
      if (!usable) throw new LmoError('LMO_NOT_FOUND', 'No such invitation, or it has expired');
      await trx('invitations').where({ id: row.id }).update({ accepted_at: now });
      await trx('memberships')
        .insert({ tenant: row.tenant, user_id: user.id, role: row.role, created_at: now })
        .onConflict(['tenant', 'user_id'])
        .merge(['role']);
      return { tenant: row.tenant, role: row.role };
    });
  }
}
