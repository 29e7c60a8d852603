/**
 * Changing what the account is: its password and its email address. Both
 * need the current password (recent authentication: a stolen access token
 * alone cannot take the account over), checked with the same failure
 * counting and lockout as sign-in, keyed per user (`password:<userId>`), in
 * statements of their own so nothing rolls a failure back. The state changes
 * themselves are one app_private function each.
 */
import type { Request, Response } from "express";
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { auditContext, recordSecurityEvent } from "../../audit/auditContext";
import { assertNotLocked, recordFailedAttempt, recordSuccessfulAttempt } from "../attempts";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "../passwords";
import { defineRoute, fields, type AuthRoute } from "../route";
import { sha256, type AuthDeps } from "../sessions";

export async function checkCurrentPassword(deps: AuthDeps, req: Request, res: Response, userId: string, password: string): Promise<{ email: string }> {
  const { pool } = deps;
  const key = `password:${userId}`;
  const { rows } = await pool.query<{ email: string; password_hash: string | null; remaining: number | null }>(
    `select u.email, s.password_hash, extract(epoch from app_private.login_lock_remaining($2))::int as remaining
       from app_public.users u left join app_private.user_secrets s on s.user_id = u.id where u.id = $1`,
    [userId, key],
  );
  const row = rows[0];
  if (!row) throw new AppError("LOGIN", "Your account no longer exists.");
  assertNotLocked(res, row.remaining, (s) => `Too many wrong passwords. Try again in ${s} seconds.`);
  if (!(await verifyPassword(row.password_hash, password))) {
    await recordFailedAttempt(deps, key);
    await recordSecurityEvent(pool, req, "auth.login_failed", { userId, details: { method: "current_password" } });
    throw new AppError(
      "CREDS",
      row.password_hash ? "Your current password is incorrect." : "Your account has no password yet; set one with “Forgot your password?” first.",
    );
  }
  await recordSuccessfulAttempt(deps, key);
  return { email: row.email };
}

/**
 * POST /auth/password {currentPassword, newPassword}: every other session ends (their refresh tokens fail
 * at once); the one making the request stays signed in. A weak new password changes nothing.
 */
const changePassword = defineRoute({
  method: "post",
  path: "/auth/password",
  auth: "user",
  schema: z.object({ currentPassword: fields.password, newPassword: fields.password }),
  async handler({ req, res, body, deps, identity }) {
    const userId = identity.userId!;
    const { email } = await checkCurrentPassword(deps, req, res, userId, body.currentPassword);
    assertAcceptablePassword(body.newPassword, email);
    const passwordHash = await hashPassword(body.newPassword);
    const { requestId, ip } = auditContext(req);
    const { rows } = await deps.pool.query<{ ended: number }>("select app_private.change_password($1, $2, $3, $4, $5) as ended", [
      userId, passwordHash, identity.sessionId ?? null, requestId, ip,
    ]);
    return { status: "password_changed", sessionsEnded: rows[0].ended, message: "Your password was changed and your other sessions were signed out." };
  },
});

export const EMAIL_CHANGE_RESPONSE = {
  status: "confirmation_sent",
  message: "If that address can be used, we sent a confirmation link to it. Your email changes when you open the link.",
} as const;

/**
 * POST /auth/email {newEmail, password}: queues a confirmation link to the new address. The answer is the
 * same whether or not another account uses that address (it gets no email then), so this cannot be used
 * to discover accounts. The address on the account changes only from the link (POST /auth/email/confirm).
 */
const requestEmailChange = defineRoute({
  method: "post",
  path: "/auth/email",
  auth: "user",
  schema: z.object({ newEmail: fields.email, password: fields.password }),
  async handler({ req, res, body, deps, identity }) {
    const userId = identity.userId!;
    const { email } = await checkCurrentPassword(deps, req, res, userId, body.password);
    if (email.toLowerCase() === body.newEmail.toLowerCase()) throw new AppError("INVLD", "That is already your email address.");
    await deps.pool.query("select app_private.request_email_change($1, $2)", [userId, body.newEmail]);
    res.status(202);
    return EMAIL_CHANGE_RESPONSE;
  },
});

/** POST /auth/email/confirm {token}: from the link sent to the new address; no sign-in needed (the link proves the inbox). */
const confirmEmailChange = defineRoute({
  method: "post",
  path: "/auth/email/confirm",
  schema: z.object({ token: z.string().trim().min(1, "is required").max(256) }),
  async handler({ req, body, deps }) {
    const { requestId, ip } = auditContext(req);
    const { rows } = await deps.pool.query<{ email: string }>("select app_private.confirm_email_change($1, $2, $3) as email", [
      sha256(body.token), requestId, ip,
    ]);
    return { status: "email_changed", email: rows[0].email, message: `Your email address is now ${rows[0].email}.` };
  },
});

export const accountRoutes: AuthRoute[] = [changePassword, requestEmailChange, confirmEmailChange] as AuthRoute[];
