import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { verifyPassword } from "../passwords";
import { defineRoute, fields } from "../route";
import { startSession } from "../sessions";
import { chooseTransport, sendTokens } from "../transport";
import { issueMfaChallenge } from "../mfaChallenge";
import { recordSecurityEvent } from "../../audit/auditContext";
import { assertNotLocked, recordFailedAttempt, recordSuccessfulAttempt } from "../attempts";

export const schema = z.object({
  email: fields.email,
  password: fields.password,
  tenantId: fields.uuid.optional(),
  tokenTransport: fields.tokenTransport,
});

interface LoginRow {
  user_id: string | null;
  password_hash: string | null;
  mfa_enabled: boolean;
  lock_remaining: number;
  has_failures: boolean;
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
    const { rows } = await pool.query<LoginRow>({ name: "auth.login_lookup", text: "select * from app_private.login_lookup($1, $2)", values: [body.email, key] });
    const user = rows[0];
    assertNotLocked(res, user.lock_remaining, (s) => `Too many failed sign-in attempts. Try again in ${s} seconds, or reset your password.`);
    // Always one argon2 verification: an unknown email is checked against a dummy hash (same time, same answer).
    if (!(await verifyPassword(user.password_hash, body.password)) || !user.user_id) {
      await recordFailedAttempt(deps, key);
      // Audit (every workspace of the account); unknown emails have no workspace to record in.
      if (user.user_id) await recordSecurityEvent(pool, req, "auth.login_failed", { userId: user.user_id, details: { method: "password" } });
      throw new AppError("CREDS", "Email or password is incorrect.");
    }
    if (user.has_failures) await recordSuccessfulAttempt(deps, key);

    if (user.mfa_enabled) {
      return { mfaRequired: true, mfaToken: await issueMfaChallenge(deps, { userId: user.user_id, tenantId: body.tenantId ?? null, firstFactor: "pwd" }) };
    }
    const tokens = await startSession(deps, req, { userId: user.user_id, tenantId: body.tenantId, amr: ["pwd"], aal: "aal1" });
    return sendTokens(config, res, tokens, chooseTransport(req, body.tokenTransport));
  },
});
