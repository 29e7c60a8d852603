/**
 * Email verification and password reset (identity). The tokens are created
 * and emailed by worker tasks (functions/src/tasks/user__send_*); these
 * routes only hash what the link carries and hand it to one app_private
 * function, which checks and consumes it atomically. Every route runs on the
 * owner pool, outside any request transaction.
 */
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { assertAcceptablePassword, hashPassword } from "../passwords";
import { defineRoute, fields, type AuthRoute } from "../route";
import { sha256 } from "../sessions";

const token = z.string().trim().min(1, "is required").max(256);

export const FORGOT_PASSWORD_RESPONSE = {
  status: "reset_requested",
  message: "If an account uses this email, we sent it a link to reset the password. Check your inbox.",
} as const;

/** POST /auth/verify-email {token}: consumes the link and marks the user verified. */
const verifyEmail = defineRoute({
  method: "post",
  path: "/auth/verify-email",
  schema: z.object({ token }),
  async handler({ body, deps }) {
    await deps.pool.query("select app_private.verify_email($1)", [sha256(body.token)]);
    return { status: "verified", message: "Your email address is verified." };
  },
});

/** POST /auth/resend-verification (signed in): the user knows their own status, so saying "already verified" leaks nothing. */
const resendVerification = defineRoute({
  method: "post",
  path: "/auth/resend-verification",
  auth: "user",
  async handler({ deps, identity, res }) {
    const { rows } = await deps.pool.query<{ queued: boolean }>("select app_private.request_verification_email($1) as queued", [identity.userId]);
    if (!rows[0]?.queued) return { status: "already_verified", message: "Your email address is already verified." };
    res.status(202);
    return { status: "pending_verification", message: "We sent a new verification link. Check your inbox." };
  },
});

/**
 * POST /auth/forgot-password {email}: the look-up and the enqueue are one
 * statement, and the answer is the same whether or not the account exists,
 * so this cannot be used to discover accounts.
 */
const forgotPassword = defineRoute({
  method: "post",
  path: "/auth/forgot-password",
  schema: z.object({ email: fields.email }),
  async handler({ body, deps, res }) {
    await deps.pool.query("select app_private.request_password_reset($1)", [body.email]);
    res.status(202);
    return FORGOT_PASSWORD_RESPONSE;
  },
});

/**
 * POST /auth/reset-password {token, password}. A read-only peek first, so a
 * dead link fails before any hashing and the strength check can see the
 * email; then app_private.reset_password consumes the token under a row lock
 * (of racing requests exactly one wins) and, in the same statement, stores
 * the hash, kills other reset links, revokes every session and clears the
 * login lockout. A weak password changes nothing and leaves the link usable.
 */
const resetPassword = defineRoute({
  method: "post",
  path: "/auth/reset-password",
  schema: z.object({ token, password: fields.password }),
  async handler({ body, deps }) {
    const tokenHash = sha256(body.token);
    const { rows } = await deps.pool.query<{ email: string }>("select email from app_private.email_token_owner($1, 'reset_password')", [tokenHash]);
    if (!rows[0]) throw new AppError("LNKEX", "This password-reset link is not valid, has expired, or was already used. Request a new one.");
    assertAcceptablePassword(body.password, rows[0].email);
    const passwordHash = await hashPassword(body.password);
    await deps.pool.query("select app_private.reset_password($1, $2)", [tokenHash, passwordHash]);
    return { status: "password_reset", message: "Your password was changed and every session was signed out. Sign in with the new password." };
  },
});

export const emailFlowRoutes: AuthRoute[] = [verifyEmail, resendVerification, forgotPassword, resetPassword] as AuthRoute[];
