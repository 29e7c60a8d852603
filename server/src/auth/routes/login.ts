import { z } from "zod";
import { AppError } from "../../lib/errors";
import { verifyPassword } from "../passwords";
import { defineRoute, fields } from "../route";
import { startSession } from "../sessions";
import { chooseTransport, sendTokens } from "../transport";
import { issueMfaChallenge } from "../mfaChallenge";

export const schema = z.object({
  email: fields.email,
  password: fields.password,
  tenantId: fields.uuid.optional(),
  tokenTransport: fields.tokenTransport,
});

interface LoginRow {
  id: string;
  password_hash: string | null;
  mfa_enabled: boolean;
}

/**
 * POST /auth/login. One argon2 verification whether or not the email exists;
 * one response for "no such user" and "wrong password". Failures are counted
 * per email in their own statement on the owner pool (outside any request
 * transaction), and a lock with exponential backoff follows too many.
 */
export default defineRoute({
  method: "post",
  path: "/auth/login",
  schema,
  async handler({ req, res, body, deps }) {
    const { config, pool } = deps;
    const key = `email:${body.email.toLowerCase()}`;
    const lock = await pool.query<{ remaining: number | null }>(
      "select extract(epoch from app_private.login_lock_remaining($1))::int as remaining",
      [key],
    );
    const remaining = lock.rows[0]?.remaining;
    if (remaining && remaining > 0) {
      res.setHeader("retry-after", String(remaining));
      throw new AppError("LOCKD", `Too many failed sign-in attempts. Try again in ${remaining} seconds, or reset your password.`);
    }

    const { rows } = await pool.query<LoginRow>(
      `select u.id, s.password_hash, coalesce(m.confirmed_at is not null, false) as mfa_enabled
         from app_public.users u
         left join app_private.user_secrets s on s.user_id = u.id
         left join app_private.mfa_totp m on m.user_id = u.id
        where u.email = $1`,
      [body.email],
    );
    const user = rows[0];
    if (!(await verifyPassword(user?.password_hash, body.password))) {
      await pool.query("select app_private.record_login_failure($1, $2, make_interval(secs => $3), make_interval(secs => $4))", [
        key,
        config.login.freeFailures,
        config.login.lockBaseSeconds,
        config.login.lockMaxSeconds,
      ]);
      throw new AppError("CREDS", "Email or password is incorrect.");
    }
    await pool.query("select app_private.record_login_success($1)", [key]);

    if (user.mfa_enabled) {
      return { mfaRequired: true, mfaToken: await issueMfaChallenge(deps, { userId: user.id, tenantId: body.tenantId ?? null }) };
    }
    const tokens = await startSession(deps, { userId: user.id, tenantId: body.tenantId, amr: ["pwd"], aal: "aal1" });
    return sendTokens(config, res, tokens, chooseTransport(req, body.tokenTransport));
  },
});
