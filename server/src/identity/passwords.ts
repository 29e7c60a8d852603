/**
 * Password hashing with argon2id at OWASP's recommended parameters
 * (m = 19 MiB, t = 2, p = 1), via @node-rs/argon2 (native, maintained).
 * Unknown emails are verified against a dummy hash so the response time does
 * not reveal whether an account exists.
 */
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../../../core/errors";

// algorithm 2 = Argon2id (a const enum in the typings, so spelled as its value here).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Always spends one argon2 verification, even when there is no hash to check. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await (dummyHash ??= hash("not-a-real-password-" + Math.random(), OPTIONS)));
  const ok = await verify(target, password).catch(() => false);
  return ok && !!storedHash;
}

/**
 * A few of the most common passwords and patterns; a length rule does most of
 * the work, this catches "password123456"-style choices that pass it.
 */
const COMMON = new Set([
  "password", "passw0rd", "123456", "12345678", "123456789", "1234567890", "qwerty", "qwertyuiop", "iloveyou",
  "letmein", "welcome", "admin", "abc123", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
  "trustno1", "superman", "starwars", "whatever", "master", "shadow", "michael", "logicspike", "changeme",
]);

export function assertAcceptablePassword(password: string, email?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("WEAKP", `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("WEAKP", `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^a-z]/g, "");
  const local = email?.split("@")[0]?.toLowerCase();
  if (
    COMMON.has(lower) ||
    COMMON.has(stripped) ||
    COMMON.has(lower.replace(/[0-9!@#$%^&*.]+$/, "")) ||
    /^(.)\1+$/.test(password) ||
    /^(?:0123456789|1234567890|abcdefghij)/.test(lower) ||
    (local && local.length >= 4 && lower.includes(local))
  ) {
    throw new AppError("WEAKP", "That password is too easy to guess (a common word, a sequence, or your email). Choose another.");
  }
}
