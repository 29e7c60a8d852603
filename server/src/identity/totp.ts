/**
 * Second-factor primitives: RFC 6238 TOTP (SHA-1, 6 digits, 30 s, what every
 * authenticator app speaks) and single-use recovery codes. Secrets and code
 * hashes live in app_private and are only touched on the owner pool.
 */
import { randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import type { PoolClient } from "pg";
import type { AuthDeps } from "./sessions";
import { sha256 } from "./sessions";

const PERIOD = 30;
const ISSUER = "LogicSpike";
export const RECOVERY_CODE_COUNT = 10;
/** Crockford base32: no I, L, O, U, so codes survive being read aloud or copied by hand. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export const newTotpSecret = (): string => generateSecret({ length: 20 });
export const otpauthUri = (secret: string, email: string): string => generateURI({ issuer: ISSUER, label: email, secret });

/**
 * The time step the code belongs to (current ±1 for clock drift), or null.
 * Steps at or below `lastUsedStep` never match: a code that already signed
 * someone in cannot be replayed, even within its 90-second window.
 */
export async function matchTotp(secret: string, code: string, lastUsedStep: number | null = null): Promise<number | null> {
  const epoch = Math.floor(Date.now() / 1000);
  // otplib throws if afterTimeStep is past the window; that only happens after a clock step back.
  if (lastUsedStep !== null && lastUsedStep > Math.floor(epoch / PERIOD) + 1) return null;
  const result = await verify({ secret, token: code, epoch, period: PERIOD, epochTolerance: PERIOD, afterTimeStep: lastUsedStep ?? undefined });
  // The union type (TOTP | HOTP) hides timeStep; delta is relative to the current step.
  return result.valid ? Math.floor(epoch / PERIOD) + result.delta : null;
}

/**
 * Checks a code against the user's confirmed secret and burns its step. The
 * conditional update makes two concurrent requests with the same code race
 * for one row: only the first moves last_used_step forward.
 */
export async function useTotp(deps: AuthDeps, userId: string, code: string): Promise<boolean> {
  const { rows } = await deps.pool.query<{ secret: string; last_used_step: string | null }>(
    "select secret, last_used_step from app_private.mfa_totp where user_id = $1 and confirmed_at is not null",
    [userId],
  );
  if (!rows[0]) return false;
  const step = await matchTotp(rows[0].secret, code, rows[0].last_used_step === null ? null : Number(rows[0].last_used_step));
  if (step === null) return false;
  const burned = await deps.pool.query(
    `update app_private.mfa_totp set last_used_step = $2
      where user_id = $1 and confirmed_at is not null and (last_used_step is null or last_used_step < $2)`,
    [userId, step],
  );
  return burned.rowCount === 1;
}

/** Case, separators and look-alike letters are ignored, as Crockford base32 intends. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^0-9a-z]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
}

/** 12 characters = 60 random bits each, so the unsalted sha256 cannot be reversed by brute force. */
function newRecoveryCode(): string {
  const chars = Array.from(randomBytes(12), (b) => ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * Replaces all of a user's recovery codes inside the caller's transaction and
 * returns the new ones: the only time they exist in plain text.
 */
export async function replaceRecoveryCodes(client: PoolClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await client.query("delete from app_private.mfa_recovery_codes where user_id = $1", [userId]);
  await client.query("insert into app_private.mfa_recovery_codes (user_id, code_hash) select $1, unnest($2::bytea[])", [
    userId,
    codes.map((c) => sha256(normaliseRecoveryCode(c))),
  ]);
  return codes;
}

/** Marks one unused code as used; the `used_at is null` guard makes each code work exactly once, even under concurrency. */
export async function useRecoveryCode(deps: AuthDeps, userId: string, code: string): Promise<boolean> {
  const { rowCount } = await deps.pool.query(
    "update app_private.mfa_recovery_codes set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null",
    [userId, sha256(normaliseRecoveryCode(code))],
  );
  return rowCount === 1;
}
