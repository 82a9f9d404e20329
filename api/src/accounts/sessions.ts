import type { Knex } from 'knex';
import { csrfTokenOf, randomSecret, sha256Hex } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';

/** A new session: the secret goes into the cookie and is never stored; only its SHA-256 is. */
export interface NewSession {
  readonly secret: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** A live session found by its secret. */
export interface ActiveSession {
  readonly userId: string;
  readonly expiresAt: Date;
}

/** Cookie sessions: random 256-bit secrets stored hashed, with an absolute expiry. */
export class SessionService {
  readonly #db: Knex;
  readonly #clock: Clock;
  readonly #ttlSeconds: number;

  constructor(db: Knex, clock: Clock, ttlSeconds: number) {
    this.#db = db;
    this.#clock = clock;
    this.#ttlSeconds = ttlSeconds;
  }

  /** Starts a session for a user. */
  async create(userId: string): Promise<NewSession> {
    const secret = randomSecret();
    const now = this.#clock.now();
    const expiresAt = new Date(now.getTime() + this.#ttlSeconds * 1000);
    await this.#db('sessions').insert({
      id_hash: sha256Hex(secret),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
    });
    return { secret, csrfToken: csrfTokenOf(secret), expiresAt };
  }

  /** The live session with this secret; an expired one is deleted and reads as none. */
  async resolve(secret: string): Promise<ActiveSession | undefined> {
    const idHash = sha256Hex(secret);
    const row = await this.#db<{ id_hash: string; user_id: string; expires_at: Date }>('sessions')
      .where({ id_hash: idHash })
      .first();
    if (row === undefined) return undefined;
    const expiresAt = new Date(row.expires_at);
    if (expiresAt.getTime() <= this.#clock.now().getTime()) {
      await this.#db('sessions').where({ id_hash: idHash }).delete();
      return undefined;
    }
    return { userId: row.user_id, expiresAt };
  }

  /** Ends a session (logout); ending an unknown one is not an error. */
  async destroy(secret: string): Promise<void> {
    await this.#db('sessions')
      .where({ id_hash: sha256Hex(secret) })
      .delete();
  }

  /** Deletes every expired session; returns how many. For a periodic sweep. */
  async sweepExpired(): Promise<number> {
    return this.#db('sessions').where('expires_at', '<=', this.#clock.now()).delete();
  }
}
