import { hash, verify } from '@node-rs/argon2';
import type { Algorithm, Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): about 11 ms per hash
 * here. `Algorithm` is an ambient const enum, which isolated modules cannot read, hence the
 * literal (2 is Argon2id in @node-rs/argon2).
 */
const ARGON2ID: Algorithm = 2;
const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** A PHC-format argon2id hash (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a password, salted. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * True when `password` matches `hash`. A stored value that is not an argon2 hash at all
 * yields false rather than an exception, so a damaged row fails sign-in instead of a 500.
 */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Hash of a share link's PIN. A 4–8 digit PIN has at most 10^8 values, so a leaked hash is
 * only slowed down, not protected: the slow hash buys time, the server's rate limit does the rest.
 */
export async function hashPin(pin: string): Promise<string> {
  return hashPassword(pin);
}

/** True when `pin` matches a `hashPin` hash; false for a malformed hash. */
export async function verifyPin(hash: string, pin: string): Promise<boolean> {
  return verifyPassword(hash, pin);
}
