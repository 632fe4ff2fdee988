// Password hashing lives beside the user queries that store and check the hashes (lib/auth uses lib/db, not
// the other way round). No "server-only" guard: the seed and the test fixtures hash outside Next.js.
import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum for argon2id is m=19 MiB, t=2, p=1; these are those values.
const ARGON2ID_OPTIONS = {
  // Algorithm.Argon2id; the enum is a const enum that isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password with argon2id (m=19 MiB, t=2, p=1); the result embeds its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** Checks a password against an argon2id hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
