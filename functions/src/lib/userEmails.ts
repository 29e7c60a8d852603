/**
 * Shared by the user__send_* tasks: payload validation, the user look-up and
 * token issuance. Tokens are born here, in the task that emails them, and
 * only their SHA-256 reaches the database; a retried job issues a fresh token
 * (replacing the unused one), so an earlier, possibly undelivered link just
 * stops working.
 */
import { createHash, randomBytes } from "node:crypto";
import type { JobHelpers } from "graphile-worker";
import { isUuid } from "../../../core/tenancy";

export interface UserPayload {
  userId: string;
}

/** Rejects anything but {userId: uuid}: a malformed payload would otherwise fail in SQL and retry 25 times. */
export function assertUserPayload(task: string, p: unknown): asserts p is UserPayload {
  const userId = (p as UserPayload | null)?.userId;
  if (!isUuid(userId)) throw new Error(`${task}: invalid payload`);
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  is_verified: boolean;
}

export async function loadUser(helpers: JobHelpers, userId: string): Promise<UserRow | undefined> {
  const { rows } = await helpers.withPgClient((c) =>
    c.query<UserRow>("select id, email, name, is_verified from app_public.users where id = $1", [userId]),
  );
  return rows[0];
}

export type EmailTokenKind = "verify_email" | "reset_password" | "change_email";

/** Creates a token, stores its hash with an expiry, and returns the token (for the email only) and the expiry. */
export async function issueEmailToken(
  helpers: JobHelpers,
  userId: string,
  kind: EmailTokenKind,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ expires_at: Date }>(
      "select app_private.issue_email_token($1, $2, $3, make_interval(secs => $4)) as expires_at",
      [userId, kind, createHash("sha256").update(token).digest(), ttlSeconds],
    ),
  );
  return { token, expiresAt: rows[0].expires_at };
}

/** "24 hours", "1 hour", "30 minutes": for the email text. */
export function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
