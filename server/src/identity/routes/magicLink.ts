/**
 * Passwordless sign-in by email: a magic link, or the 6-digit code in the
 * same email for a user reading it on another device. The request answers
 * one 202 whatever the address; the email (token and code) is made by the
 * worker task user__send_magic_link_email, so the request's own work is the
 * same for every address. Verification signs in exactly like a password
 * (same answer, same MFA step: the inbox is one factor). Everything runs on
 * the owner pool in statements of their own, so a wrong code's count is kept.
 */
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { issueMfaChallenge } from "../mfaChallenge";
import { landingPath } from "../oidcSignIn";
import { defineRoute, fields, type AuthRoute } from "../route";
import { sha256, startSession } from "../sessions";
import { chooseTransport, sendTokens } from "../transport";

/** Wrong codes per emailed request; the fifth voids it (5 guesses in 10^6, and requests per address are limited). */
export const MAX_WRONG_CODES = 5;
const WINDOW_SECONDS = 3600;

export const MAGIC_LINK_RESPONSE = {
  status: "magic_link_requested",
  message: "If an account uses this email, we sent it a sign-in link and code. Check your inbox.",
} as const;

/** POST /auth/magic-link {email, redirect?}: rate limited per address and per IP, counted for every address. */
const requestMagicLink = defineRoute({
  method: "post",
  path: "/auth/magic-link",
  schema: z.object({ email: fields.email, redirect: z.string().optional() }),
  async handler({ req, res, body, deps }) {
    const redirect = landingPath(deps.config, body.redirect);
    const { maxPerAddress, maxPerIp } = deps.config.magicLink;
    const { rows } = await deps.pool.query<{ wait: number }>(
      "select app_private.request_magic_link($1, $2, $3, $4, $5, make_interval(secs => $6)) as wait",
      [body.email, req.ip ?? "", redirect, maxPerAddress, maxPerIp, WINDOW_SECONDS],
    );
    if (rows[0].wait > 0) {
      res.setHeader("retry-after", String(rows[0].wait));
      throw new AppError("RATLM", `Too many sign-in emails were requested. Try again in ${rows[0].wait} seconds.`);
    }
    res.status(202);
    return MAGIC_LINK_RESPONSE;
  },
});

const verifySchema = z.union([
  z.object({ token: z.string().trim().min(1, "is required").max(256), tenantId: fields.uuid.optional(), tokenTransport: fields.tokenTransport }).strict(),
  z.object({ email: fields.email, code: z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code from the email"), tenantId: fields.uuid.optional(), tokenTransport: fields.tokenTransport }).strict(),
]);

interface SignInRow {
  user_id: string;
  redirect: string;
  mfa_enabled: boolean;
}

/**
 * POST /auth/magic-link/verify {token} or {email, code}. A dead token is
 * 410 LNKEX; every refused code (wrong, expired, voided, no request, no such
 * account) is one 401 MLCOD, so codes cannot be used to probe addresses.
 */
const verifyMagicLink = defineRoute({
  method: "post",
  path: "/auth/magic-link/verify",
  schema: verifySchema,
  async handler({ req, res, body, deps }) {
    const { pool, config } = deps;
    let row: SignInRow | undefined;
    if ("token" in body) {
      row = (await pool.query<SignInRow>("select * from app_private.consume_magic_link_token($1)", [sha256(body.token)])).rows[0];
    } else {
      row = (await pool.query<SignInRow>("select * from app_private.consume_magic_link_code($1, $2, $3)", [body.email, body.code, MAX_WRONG_CODES])).rows[0];
      if (!row) throw new AppError("MLCOD", "This sign-in code is not valid, has expired or was replaced. Check it, or request a new email.");
    }
    if (row.mfa_enabled) {
      const mfaToken = await issueMfaChallenge(deps, { userId: row.user_id, tenantId: body.tenantId ?? null, firstFactor: "email" });
      return { mfaRequired: true, mfaToken, redirect: row.redirect };
    }
    const tokens = await startSession(deps, req, { userId: row.user_id, tenantId: body.tenantId, amr: ["email"], aal: "aal1" });
    // app_private.sign_in records auth.login with amr ["email"]; the landing path rides along for the app.
    return { ...sendTokens(config, res, tokens, chooseTransport(req, body.tokenTransport)), redirect: row.redirect };
  },
});

export const magicLinkRoutes: AuthRoute[] = [requestMagicLink, verifyMagicLink] as AuthRoute[];
