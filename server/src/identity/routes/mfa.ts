import type { Request, Response } from "express";
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { withTransaction } from "../../../../core/db/transaction";
import { recordSecurityEvent } from "../../audit/auditContext";
import { assertNotLocked, recordFailedAttempt, recordSuccessfulAttempt } from "../attempts";
import { verifyMfaChallenge } from "../mfaChallenge";
import { defineRoute, fields, type AuthRoute } from "../route";
import { startSession, type AuthDeps } from "../sessions";
import { matchTotp, newTotpSecret, otpauthUri, replaceRecoveryCodes, useRecoveryCode, useTotp } from "../totp";
import { chooseTransport, sendTokens } from "../transport";
import type { VerifiedIdentity } from "../../../../core/tenancy";

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, "must be the 6-digit code from your authenticator app")
  .transform((s) => s.replace(" ", ""));
export const recoveryCode = z.string().trim().min(1, "is required").max(64);

function requireAal2(identity: VerifiedIdentity): void {
  if (identity.aal !== "aal2") throw new AppError("MFARQ", "Sign in again with your authenticator app (or a recovery code) to do that.");
}

/**
 * Every second-factor check counts failures per user, like passwords per
 * email (login.ts): six guesses of a 6-digit code are worth little, and the
 * counter lives outside any transaction so nothing rolls it back.
 */
export async function checkSecondFactor(deps: AuthDeps, req: Request, res: Response, userId: string, attempt: () => Promise<boolean>): Promise<void> {
  const { pool } = deps;
  const key = `mfa:${userId}`;
  const lock = await pool.query<{ remaining: number | null }>("select extract(epoch from app_private.login_lock_remaining($1))::int as remaining", [key]);
  assertNotLocked(res, lock.rows[0]?.remaining, (s) => `Too many wrong codes. Try again in ${s} seconds.`);
  if (!(await attempt())) {
    await recordFailedAttempt(deps, key);
    await recordSecurityEvent(pool, req, "auth.mfa_failed", { userId });
    throw new AppError("MFACD", "That code is not valid or was already used. Check the code and try again.");
  }
  await recordSuccessfulAttempt(deps, key);
}

/** POST /auth/mfa/totp/enroll: a fresh unconfirmed secret; a confirmed one is never overwritten (that would bypass disable's aal2 check). */
const enroll = defineRoute({
  method: "post",
  path: "/auth/mfa/totp/enroll",
  auth: "user",
  async handler({ deps, identity }) {
    const secret = newTotpSecret();
    const { rows } = await deps.pool.query<{ email: string }>(
      `insert into app_private.mfa_totp as m (user_id, secret) values ($1, $2)
       on conflict (user_id) do update set secret = excluded.secret, last_used_step = null, created_at = now()
         where m.confirmed_at is null
       returning (select email from app_public.users where id = $1) as email`,
      [identity.userId, secret],
    );
    if (!rows[0]) throw new AppError("MFAON", "Two-factor authentication is already on. Turn it off first to set up a new authenticator.");
    return { secret, otpauthUri: otpauthUri(secret, rows[0].email) };
  },
});

/** POST /auth/mfa/totp/confirm: proves the app holds the secret; the row lock serialises concurrent confirms. */
const confirm = defineRoute({
  method: "post",
  path: "/auth/mfa/totp/confirm",
  auth: "user",
  schema: z.object({ code: totpCode }),
  async handler({ req, body, deps, identity }) {
    const userId = identity.userId!;
    const recoveryCodes = await withTransaction(deps.pool, async (client) => {
      const { rows } = await client.query<{ secret: string; confirmed_at: Date | null }>(
        "select secret, confirmed_at from app_private.mfa_totp where user_id = $1 for update",
        [userId],
      );
      if (!rows[0]) throw new AppError("NTFND", "Start with POST /auth/mfa/totp/enroll, then confirm with a code from your app.");
      if (rows[0].confirmed_at) throw new AppError("MFAON", "Two-factor authentication is already on.");
      const step = await matchTotp(rows[0].secret, body.code);
      if (step === null) throw new AppError("MFACD", "That code does not match; check your authenticator app's clock and try again.");
      // The confirming code's step counts as used, so it cannot also complete a sign-in.
      await client.query("update app_private.mfa_totp set confirmed_at = now(), last_used_step = $2 where user_id = $1", [userId, step]);
      return replaceRecoveryCodes(client, userId);
    });
    await recordSecurityEvent(deps.pool, req, "auth.mfa_enabled", { userId });
    return { recoveryCodes };
  },
});

/** POST /auth/mfa/verify: second step of sign-in; the challenge token proves the password. */
const verify = defineRoute({
  method: "post",
  path: "/auth/mfa/verify",
  schema: z
    .object({ mfaToken: z.string().min(1).max(4096), code: totpCode.optional(), recoveryCode: recoveryCode.optional(), tokenTransport: fields.tokenTransport })
    .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { message: "send exactly one of code or recoveryCode", path: ["code"] }),
  async handler({ req, res, body, deps }) {
    const { userId, tenantId, firstFactor } = await verifyMfaChallenge(deps, body.mfaToken);
    await checkSecondFactor(deps, req, res, userId, () =>
      body.code !== undefined ? useTotp(deps, userId, body.code) : useRecoveryCode(deps, userId, body.recoveryCode!),
    );
    const amr = [firstFactor, body.code !== undefined ? "otp" : "mfa"];
    const tokens = await startSession(deps, req, { userId, tenantId, amr, aal: "aal2" });
    return sendTokens(deps.config, res, tokens, chooseTransport(req, body.tokenTransport));
  },
});

/** POST /auth/mfa/totp/disable: needs both an aal2 session and a current code, so a stolen aal1 token cannot remove the factor. */
const disable = defineRoute({
  method: "post",
  path: "/auth/mfa/totp/disable",
  auth: "user",
  schema: z.object({ code: totpCode }),
  async handler({ req, res, body, deps, identity }) {
    requireAal2(identity);
    const userId = identity.userId!;
    await checkSecondFactor(deps, req, res, userId, () => useTotp(deps, userId, body.code));
    await withTransaction(deps.pool, async (client) => {
      await client.query("delete from app_private.mfa_recovery_codes where user_id = $1", [userId]);
      await client.query("delete from app_private.mfa_totp where user_id = $1", [userId]);
    });
    await recordSecurityEvent(deps.pool, req, "auth.mfa_disabled", { userId });
  },
});

/** POST /auth/mfa/recovery-codes/regenerate: all old codes stop working in the same transaction. */
const regenerate = defineRoute({
  method: "post",
  path: "/auth/mfa/recovery-codes/regenerate",
  auth: "user",
  async handler({ req, deps, identity }) {
    requireAal2(identity);
    const userId = identity.userId!;
    const recoveryCodes = await withTransaction(deps.pool, async (client) => {
      const { rowCount } = await client.query("select 1 from app_private.mfa_totp where user_id = $1 and confirmed_at is not null for update", [userId]);
      if (!rowCount) throw new AppError("NTFND", "Two-factor authentication is not on.");
      return replaceRecoveryCodes(client, userId);
    });
    await recordSecurityEvent(deps.pool, req, "auth.mfa_recovery_codes_regenerated", { userId });
    return { recoveryCodes };
  },
});

export const mfaRoutes: AuthRoute[] = [enroll, confirm, verify, disable, regenerate] as AuthRoute[];
