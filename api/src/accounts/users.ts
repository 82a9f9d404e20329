import { randomUUID } from 'node:crypto';
import { LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import { DUMMY_PASSWORD_HASH, type PasswordHasher } from '../auth/passwords.ts';
import type { Clock } from '../clock.ts';

/** A user as the API shows it; never carries the password hash. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly isPlatformAdmin: boolean;
  readonly createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  is_platform_admin: boolean;
  created_at: Date;
}

/** E-mail addresses are compared case-insensitively: stored trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  isPlatformAdmin: row.is_platform_admin,
  createdAt: new Date(row.created_at),
});

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

/** Users: sign-up, password check, lookup, the bootstrap admin. */
export class UserService {
  readonly #db: Knex;
  readonly #passwords: PasswordHasher;
  readonly #clock: Clock;

  constructor(db: Knex, passwords: PasswordHasher, clock: Clock) {
    this.#db = db;
    this.#passwords = passwords;
    this.#clock = clock;
  }

  /**
   * Creates a user with an argon2id password hash.
   * @throws {LmoError} `LMO_CONFLICT` when the e-mail is taken.
   */
  async create(email: string, password: string, options: { platformAdmin?: boolean } = {}): Promise<User> {
    const now = this.#clock.now();
    const row: UserRow = {
      id: randomUUID(),
      email: normalizeEmail(email),
      password_hash: await this.#passwords.hash(password),
      is_platform_admin: options.platformAdmin ?? false,
      created_at: now,
    };
    try {
      await this.#db('users').insert({ ...row, updated_at: now });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new LmoError('LMO_CONFLICT', 'An account with this e-mail already exists');
      }
      throw error;
    }
    return toUser(row);
  }

  /**
   * The user with this e-mail and password. The password is checked against a dummy hash when the
   * e-mail is unknown, so the answer takes as long either way.
   * @throws {LmoError} `LMO_UNAUTHENTICATED` for an unknown e-mail or a wrong password alike.
   */
  async authenticate(email: string, password: string): Promise<User> {
    const row = await this.#db<UserRow>('users')
      .where({ email: normalizeEmail(email) })
      .first();
    const ok = await this.#passwords.verify(row?.password_hash ?? DUMMY_PASSWORD_HASH, password);
    if (row === undefined || !ok) throw new LmoError('LMO_UNAUTHENTICATED', 'Wrong e-mail or password');
    return toUser(row);
  }

  /** The user with this id, if any. */
  async get(id: string): Promise<User | undefined> {
    const row = await this.#db<UserRow>('users').where({ id }).first();
    return row === undefined ? undefined : toUser(row);
  }

  /** The user with this e-mail, if any. */
  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.#db<UserRow>('users')
      .where({ email: normalizeEmail(email) })
      .first();
    return row === undefined ? undefined : toUser(row);
  }

  /** Deletes a user (sign-up compensation); sessions, tokens and memberships go with it. */
  async delete(id: string): Promise<void> {
    await this.#db('users').where({ id }).delete();
  }

  /**
   * Makes sure a platform admin with this e-mail exists: creates it, or grants the flag to an
   * existing account (whose password is left alone). Returns whether an account was created.
   */
  async ensurePlatformAdmin(email: string, password: string): Promise<boolean> {
    const existing = await this.findByEmail(email);
    if (existing === undefined) {
      await this.create(email, password, { platformAdmin: true });
      return true;
    }
    if (!existing.isPlatformAdmin) {
      await this.#db('users')
        .where({ id: existing.id })
        .update({ is_platform_admin: true, updated_at: this.#clock.now() });
    }
    return false;
  }
}
