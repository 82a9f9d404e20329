import { hash, verify } from '@node-rs/argon2';

/** Hashes and checks passwords; argon2id in production, passed in so tests may choose parameters. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/**
 * argon2id (the library's default algorithm) with OWASP's minimum parameters (19 MiB, 2 iterations,
 * 1 lane) unless told otherwise.
 */
export function argon2idHasher(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const params = { memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2 };
  return {
    hash: (password) => hash(password, params),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}

/** A hash of nothing, verified when the e-mail is unknown so that login takes as long either way. */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$YbXVaPBcufWPlguKFCNCdw$HIPnQ4WusSdttDXqGXz4whsCL0dqrJErG8XAcx0CgU4';
