import { LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import { randomId, randomSecret, safeEqual, sha256Hex } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';

/** Every personal access token starts with this; app API keys start with `lmo_` + key id instead. */
export const PAT_PREFIX = 'lmo_pat_';
const PAT = /^lmo_pat_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** A personal access token as listed; the token itself is shown only once, at creation. */
export interface PersonalAccessToken {
  readonly id: string;
  readonly name: string;
  /** `lmo_pat_<id>`: enough to recognise the token, useless to authenticate. */
  readonly prefix: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

interface PatRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));

const toToken = (row: PatRow): PersonalAccessToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: new Date(row.created_at),
  expiresAt: date(row.expires_at),
  lastUsedAt: date(row.last_used_at),
});

/** Personal access tokens for automation: `lmo_pat_<id>_<secret>`, stored as SHA-256. */
export class PersonalAccessTokenService {
  readonly #db: Knex;
  readonly #clock: Clock;

  constructor(db: Knex, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Creates a token; the returned `token` is the only time its plaintext exists. */
  async create(
    userId: string,
    name: string,
    expiresInDays: number | undefined,
  ): Promise<PersonalAccessToken & { token: string }> {
    const id = randomId();
    const token = `${PAT_PREFIX}${id}_${randomSecret()}`;
    const now = this.#clock.now();
    const row: PatRow = {
      id,
      user_id: userId,
      name,
      prefix: `${PAT_PREFIX}${id}`,
      token_hash: sha256Hex(token),
      created_at: now,
      expires_at: expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * 86_400_000),
      last_used_at: null,
      revoked_at: null,
    };
    await this.#db('personal_access_tokens').insert(row);
    return { ...toToken(row), token };
  }

  /** The user's tokens that are neither revoked nor expired, newest first. */
  async list(userId: string): Promise<PersonalAccessToken[]> {
    const rows = await this.#db<PatRow>('personal_access_tokens')
      .where({ user_id: userId })
      .whereNull('revoked_at')
      .orderBy('created_at', 'desc');
    const now = this.#clock.now().getTime();
    return rows
      .filter((row) => row.expires_at === null || new Date(row.expires_at).getTime() > now)
      .map(toToken);
  }

  /**
   * Revokes one of the user's tokens.
   * @throws {LmoError} `LMO_NOT_FOUND` when the user has no such live token.
   */
  async revoke(userId: string, id: string): Promise<void> {
    const count = await this.#db('personal_access_tokens')
      .where({ id, user_id: userId })
      .whereNull('revoked_at')
      .update({ revoked_at: this.#clock.now() });
    if (count === 0) throw new LmoError('LMO_NOT_FOUND', 'No such token');
  }

  /** The user id a live token belongs to, recording its use; `undefined` for anything else. */
  async resolve(token: string): Promise<string | undefined> {
    const id = PAT.exec(token)?.[1];
    if (id === undefined) return undefined;
    const row = await this.#db<PatRow>('personal_access_tokens').where({ id }).first();
    if (row === undefined || !safeEqual(row.token_hash, sha256Hex(token))) return undefined;
    const now = this.#clock.now();
    if (row.revoked_at !== null) return undefined;
    if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
    await this.#db('personal_access_tokens').where({ id }).update({ last_used_at: now });
    return row.user_id;
  }
}
