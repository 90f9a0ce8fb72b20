import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verifying against this when no account matches keeps a sign-in for an
// unknown email as slow as one for a known email.
const NO_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ZAkkmBw+56eXJXDK+n0Ong$YiQWWiKx42gGxQNGDRR31x51N2EY5Ykj2mM8HB3jXA0";

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? NO_ACCOUNT_HASH, password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}
