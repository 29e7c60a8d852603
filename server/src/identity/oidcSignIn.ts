/**
 * What every provider sign-in shares once the provider has vouched for an
 * identity (Google, OIDC_PROVIDERS, GitHub): the landing path check, the
 * linking rules, the MFA step and the session. One route module per protocol
 * (routes/google.ts, routes/oidc.ts, routes/github.ts) calls these, so the
 * rules cannot drift apart between providers.
 */
import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import type { Config } from "../../../core/config";
import { AppError, toCodedError } from "../../../core/errors";
import { withTransaction } from "../../../core/db/transaction";
import type { Logger } from "../../../core/logger";
import { issueMfaChallenge } from "./mfaChallenge";
import { clearAttempt, readAttempt, setAttempt, type AttemptCookie, type SignInAttempt } from "./oidcState";
import { startSession, type AuthDeps } from "./sessions";
import { sendTokens } from "./transport";

/** An identity as a provider vouched for it. */
/** A provider's text claim, trimmed, when it is a non-empty string of at most `max` characters; else null. */
export const boundedText = (v: unknown, max: number): string | null => (typeof v === "string" && v.trim() && v.length <= max ? v.trim() : null);

export interface OAuthProfile {
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
}

/** Upstream trouble is the operator's to read about: the client gets a reference id, the log gets the cause. */
export function providerUnavailable(log: Logger, err: unknown, name: string, what: string): AppError {
  const errorId = randomUUID();
  log.error({ err, errorId }, what);
  return new AppError("OAUDN", `${name} sign-in is unavailable right now; please retry shortly. Reference: ${errorId}`);
}

/**
 * Where to land after sign-in: a path on APP_URL only. Anything that could
 * leave it (`//host`, `/\host`, absolute URLs, control characters) is refused
 * rather than guessed at, so the flow cannot be used as an open redirect.
 */
export function landingPath(config: Config, raw: unknown): string {
  if (raw === undefined || raw === "") return "/";
  const invalid = () => new AppError("INVLD", "redirect must be a path on this app, such as /settings.");
  if (typeof raw !== "string" || raw.length > 1000 || !/^\/(?![/\\])/.test(raw) || /[\\#\x00-\x20\x7f]/.test(raw)) throw invalid();
  if (new URL(`${config.appUrl}${raw}`).origin !== new URL(config.appUrl).origin) throw invalid();
  return raw;
}

/**
 * find_or_create_oauth_user links an existing account only when the provider
 * vouches for the email (EMUNV otherwise). If that account never proved its
 * email either, its password may belong to someone who registered the
 * address first to wait for the owner: the password and its sessions go, in
 * the same transaction as the link. The owner can set a new password by email.
 *
 * `verifiedToCreate`: a provider whose unverified email must not open an
 * account either (GitHub: only a primary, verified address counts) answers
 * OAEML instead of creating one; a subject seen before still signs in.
 */
export async function signInOAuthUser(
  deps: AuthDeps,
  provider: string,
  p: OAuthProfile,
  opts: { verifiedToCreate?: boolean; name?: string } = {},
): Promise<{ userId: string; mfaEnabled: boolean }> {
  return withTransaction(deps.pool, async (client) => {
    if (opts.verifiedToCreate && !p.emailVerified) {
      const known = await client.query(
        `select 1 from app_private.user_identities where provider = $1 and subject = $2
          union all select 1 from app_public.users where email = $3`,
        [provider, p.subject, p.email],
      );
      if (known.rowCount === 0) {
        throw new AppError("OAEML", "Your account there has no verified primary email address; verify one with the provider, then sign in again.");
      }
    }
    const unverified = await client.query<{ id: string }>(
      `select u.id from app_public.users u
        where u.email = $1 and not u.is_verified
          and not exists (select 1 from app_private.user_identities i where i.provider = $2 and i.subject = $3)
        for update`,
      [p.email, provider, p.subject],
    );
    const { rows } = await client.query<{ user_id: string; created: boolean }>(
      "select * from app_private.find_or_create_oauth_user($1, $2, $3, $4, $5, $6)",
      [provider, p.subject, p.email, p.emailVerified, p.name, p.picture],
    );
    const userId = rows[0].user_id;
    if (unverified.rows[0]?.id === userId) {
      await client.query("update app_private.user_secrets set password_hash = null, password_updated_at = now() where user_id = $1", [userId]);
      await client.query("select app_private.revoke_refresh_families($1, null, $2)", [userId, `linked to a verified ${opts.name ?? provider} account`]);
    }
    const mfa = await client.query<{ enabled: boolean }>(
      "select exists (select 1 from app_private.mfa_totp where user_id = $1 and confirmed_at is not null) as enabled",
      [userId],
    );
    return { userId, mfaEnabled: mfa.rows[0].enabled };
  });
}

const queryOf = (req: Request) => new URL(req.originalUrl, "http://callback.invalid").searchParams;

/** GET …/start: a validated landing path, a new attempt in its signed cookie, then off to the provider. */
export async function startFlow(
  deps: AuthDeps,
  req: Request,
  res: Response,
  cookie: AttemptCookie,
  begin: (redirect: string) => Promise<{ url: string; attempt: SignInAttempt }>,
): Promise<void> {
  const redirect = landingPath(deps.config, req.query.redirect);
  const { url, attempt } = await begin(redirect);
  setAttempt(deps, cookie, res, attempt);
  res.set("cache-control", "no-store").redirect(302, url);
}

/**
 * GET …/callback: the provider sends the browser back here. The state must
 * match this browser's attempt cookie (login CSRF) before anything else, the
 * cookie is spent whatever happens, then `complete` exchanges the code and
 * returns the identity. Success sets the refresh cookie like password sign-in
 * and lands on APP_URL, where the SPA calls POST /auth/refresh. With MFA on,
 * it lands with `#mfaRequired=1&mfaToken=…` for POST /auth/mfa/verify
 * instead, exactly as password sign-in answers. A refusal (EMUNV, OAEML,
 * BADRQ, DNIED…) lands a browser (Accept: text/html) on the same page with
 * `#error=<code>&message=…`; other callers get the JSON error.
 */
export async function callbackFlow(
  deps: AuthDeps,
  req: Request,
  res: Response,
  flow: {
    provider: string;
    name: string;
    cookie: AttemptCookie;
    nonce: boolean;
    verifiedToCreate?: boolean;
    complete: (params: URLSearchParams, attempt: SignInAttempt) => Promise<OAuthProfile>;
  },
): Promise<void> {
  const attempt = readAttempt(deps, flow.cookie, req, { nonce: flow.nonce });
  clearAttempt(deps, flow.cookie, res);
  try {
    await completeCallback(deps, req, res, flow, attempt);
  } catch (err) {
    // A browser arriving from the provider gets the app back, with the coded error in the fragment
    // (never sent to a server, not logged by proxies), instead of a JSON page; API clients keep JSON.
    if (!/\btext\/html\b/.test(req.get("accept") ?? "")) throw err;
    // Our refusals, and the SQL's coded ones (EMUNV from find_or_create_oauth_user); anything else is masked and logged.
    const coded = toCodedError(err);
    const landing = `${deps.config.appUrl}${attempt?.redirect ?? "/"}`;
    res.set("cache-control", "no-store").redirect(302, `${landing}#${new URLSearchParams({ error: coded.code, message: coded.message })}`);
  }
}

async function completeCallback(
  deps: AuthDeps,
  req: Request,
  res: Response,
  flow: Parameters<typeof callbackFlow>[3],
  attempt: SignInAttempt | null,
): Promise<void> {
  const params = queryOf(req);
  if (!attempt || params.get("state") !== attempt.state) {
    throw new AppError("BADRQ", `This ${flow.name} sign-in expired or was started in another browser or tab. Start again.`);
  }
  const profile = await flow.complete(params, attempt);
  const { userId, mfaEnabled } = await signInOAuthUser(deps, flow.provider, profile, { verifiedToCreate: flow.verifiedToCreate, name: flow.name });
  const landing = `${deps.config.appUrl}${attempt.redirect}`;
  res.set("cache-control", "no-store");
  if (mfaEnabled) {
    const mfaToken = await issueMfaChallenge(deps, { userId, tenantId: null, firstFactor: "oauth" });
    return res.redirect(302, `${landing}#${new URLSearchParams({ mfaRequired: "1", mfaToken })}`);
  }
  const tokens = await startSession(deps, req, { userId, amr: ["oauth"], aal: "aal1" });
  sendTokens(deps.config, res, tokens, "cookie");
  res.redirect(302, landing);
}
