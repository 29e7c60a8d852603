import type { Request } from "express";
import type { Config } from "../../../../core/config";
import { AppError } from "../../../../core/errors";
import { withTransaction } from "../../../../core/db/transaction";
import { assertGoogleConfigured, beginGoogleSignIn, completeGoogleSignIn, type GoogleProfile } from "../google";
import { clearAttemptCookie, readAttemptCookie, setAttemptCookie } from "../googleState";
import { issueMfaChallenge } from "../mfaChallenge";
import { defineRoute, type AuthRoute } from "../route";
import { startSession, type AuthDeps } from "../sessions";
import { sendTokens } from "../transport";

/**
 * Where to land after sign-in: a path on APP_URL only. Anything that could
 * leave it (`//host`, `/\host`, absolute URLs, control characters) is refused
 * rather than guessed at, so the flow cannot be used as an open redirect.
 */
function landingPath(config: Config, raw: unknown): string {
  if (raw === undefined || raw === "") return "/";
  const invalid = () => new AppError("INVLD", "redirect must be a path on this app, such as /settings.");
  if (typeof raw !== "string" || raw.length > 1000 || !/^\/(?![/\\])/.test(raw) || /[\\#\x00-\x20\x7f]/.test(raw)) throw invalid();
  if (new URL(`${config.appUrl}${raw}`).origin !== new URL(config.appUrl).origin) throw invalid();
  return raw;
}

/**
 * find_or_create_oauth_user links an existing account only when Google
 * vouches for the email (EMUNV otherwise). If that account never proved its
 * email either, its password may belong to someone who registered the
 * address first to wait for the owner: the password and its sessions go, in
 * the same transaction as the link. The owner can set a new password by email.
 */
async function signInGoogleUser(deps: AuthDeps, p: GoogleProfile): Promise<{ userId: string; mfaEnabled: boolean }> {
  return withTransaction(deps.pool, async (client) => {
    const unverified = await client.query<{ id: string }>(
      `select u.id from app_public.users u
        where u.email = $1 and not u.is_verified
          and not exists (select 1 from app_private.user_identities i where i.provider = 'google' and i.subject = $2)
        for update`,
      [p.email, p.subject],
    );
    const { rows } = await client.query<{ user_id: string; created: boolean }>(
      "select * from app_private.find_or_create_oauth_user('google', $1, $2, $3, $4, $5)",
      [p.subject, p.email, p.emailVerified, p.name, p.picture],
    );
    const userId = rows[0].user_id;
    if (unverified.rows[0]?.id === userId) {
      await client.query("update app_private.user_secrets set password_hash = null, password_updated_at = now() where user_id = $1", [userId]);
      await client.query("select app_private.revoke_refresh_families($1, null, 'linked to a verified Google account')", [userId]);
    }
    const mfa = await client.query<{ enabled: boolean }>(
      "select exists (select 1 from app_private.mfa_totp where user_id = $1 and confirmed_at is not null) as enabled",
      [userId],
    );
    return { userId, mfaEnabled: mfa.rows[0].enabled };
  });
}

const queryOf = (req: Request) => new URL(req.originalUrl, "http://callback.invalid").searchParams;

/** GET /auth/google/start[?redirect=/path]: a new attempt in a signed cookie, then off to Google. */
const start = defineRoute({
  method: "get",
  path: "/auth/google/start",
  async handler({ req, res, deps }) {
    assertGoogleConfigured(deps.config);
    const redirect = landingPath(deps.config, req.query.redirect);
    const { url, attempt } = await beginGoogleSignIn(deps.config, req.log, redirect);
    setAttemptCookie(deps, res, attempt);
    res.set("cache-control", "no-store").redirect(302, url);
  },
});

/**
 * GET /auth/google/callback: Google sends the browser back here. The state
 * must match this browser's attempt cookie (login CSRF), then the code is
 * exchanged and the ID token checked. Success sets the refresh cookie like
 * password sign-in and lands on APP_URL, where the SPA calls POST
 * /auth/refresh. With MFA on, it lands with `#mfaRequired=1&mfaToken=…` for
 * POST /auth/mfa/verify instead, exactly as password sign-in answers.
 */
const callback = defineRoute({
  method: "get",
  path: "/auth/google/callback",
  async handler({ req, res, deps }) {
    assertGoogleConfigured(deps.config);
    const attempt = readAttemptCookie(deps, req);
    clearAttemptCookie(deps, res);
    const params = queryOf(req);
    if (!attempt || params.get("state") !== attempt.state) {
      throw new AppError("BADRQ", "This Google sign-in expired or was started in another browser or tab. Start again.");
    }
    const profile = await completeGoogleSignIn(deps.config, req.log, params, attempt);
    const { userId, mfaEnabled } = await signInGoogleUser(deps, profile);
    const landing = `${deps.config.appUrl}${attempt.redirect}`;
    res.set("cache-control", "no-store");
    if (mfaEnabled) {
      const mfaToken = await issueMfaChallenge(deps, { userId, tenantId: null, firstFactor: "oauth" });
      return res.redirect(302, `${landing}#${new URLSearchParams({ mfaRequired: "1", mfaToken })}`);
    }
    const tokens = await startSession(deps, req, { userId, amr: ["oauth"], aal: "aal1" });
    sendTokens(deps.config, res, tokens, "cookie");
    res.redirect(302, landing);
  },
});

export const googleRoutes: AuthRoute[] = [start, callback];
