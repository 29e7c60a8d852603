/**
 * Google sign-in as an OpenID Connect relying party (openid-client): the
 * authorization code flow with PKCE (S256), state and nonce. openid-client
 * checks the ID token's signature (issuer JWKS), iss, aud, exp and nonce; we
 * only read its claims. The issuer is configurable so tests run the whole
 * flow against a real local OIDC server.
 */
import { randomUUID } from "node:crypto";
import * as oidc from "openid-client";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { Logger } from "../../../core/logger";
import type { GoogleAttempt } from "./googleState";

export interface GoogleProfile {
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
}

/** One discovery per configuration per process. A failed one is not kept, so the next sign-in retries. */
const discovered = new WeakMap<Config["google"], Promise<oidc.Configuration>>();

export function googleRedirectUri(config: Config): string {
  return config.google.redirectUri ?? `${config.publicUrl}/auth/google/callback`;
}

export function assertGoogleConfigured(config: Config): void {
  if (!config.google.clientId) {
    throw new AppError("OAUNC", "Google sign-in is not set up on this server; sign in with your email and password instead.");
  }
}

/** Upstream trouble is the operator's to read about: the client gets a reference id, the log gets the cause. */
function unavailable(log: Logger, err: unknown, what: string): AppError {
  const errorId = randomUUID();
  log.error({ err, errorId }, what);
  return new AppError("OAUDN", `Google sign-in is unavailable right now; please retry shortly. Reference: ${errorId}`);
}

/** Plain http only for a loopback issuer (a local test or development IdP), never for a remote one. */
const isLoopbackHttp = (url: URL) => url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

async function googleClient(config: Config, log: Logger): Promise<oidc.Configuration> {
  assertGoogleConfigured(config);
  const google = config.google;
  let pending = discovered.get(google);
  if (!pending) {
    pending = (async () => {
      const issuer = new URL(google.issuer);
      return oidc.discovery(issuer, google.clientId!, google.clientSecret, google.clientSecret ? undefined : oidc.None(), {
        execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
    })();
    const thisAttempt = pending;
    discovered.set(google, thisAttempt);
    thisAttempt.catch(() => discovered.get(google) === thisAttempt && discovered.delete(google));
  }
  try {
    return await pending;
  } catch (e) {
    throw unavailable(log, e, "Google OIDC discovery failed");
  }
}

/** A fresh attempt (state, nonce, PKCE verifier) and the authorization URL that carries its public half. */
export async function beginGoogleSignIn(config: Config, log: Logger, redirect: string): Promise<{ url: string; attempt: GoogleAttempt }> {
  const client = await googleClient(config, log);
  const attempt: GoogleAttempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), redirect };
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: googleRedirectUri(config),
    response_type: "code",
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: "S256",
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { url: url.href, attempt };
}

/** openid-client codes meaning "the answer failed a check" (as opposed to "Google could not be reached"). */
const REJECTED = new Set([
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
  "OAUTH_KEY_SELECTION_FAILED",
  "OAUTH_PARSE_ERROR",
]);

function codedGrantError(log: Logger, e: unknown): AppError {
  if (e instanceof oidc.AuthorizationResponseError) {
    log.info({ error: e.error, description: e.error_description }, "Google returned an authorization error");
    return e.error === "access_denied"
      ? new AppError("DNIED", "Google sign-in was cancelled or not allowed. Start again to retry.")
      : new AppError("BADRQ", "Google could not complete the sign-in. Start again.");
  }
  if (e instanceof oidc.ResponseBodyError && e.status < 500) {
    log.warn({ error: e.error, description: e.error_description }, "Google refused the authorization code");
    return new AppError("BADTK", "Google did not accept this sign-in (it may have expired or been used already). Start again.");
  }
  if (e instanceof oidc.ClientError && e.code && REJECTED.has(e.code)) {
    log.warn({ err: e }, "Google's token response failed validation");
    return new AppError("BADTK", "Google's answer could not be verified. Start the sign-in again.");
  }
  return unavailable(log, e, "Google token exchange failed");
}

const str = (v: unknown, max: number): string | null => (typeof v === "string" && v.trim() && v.length <= max ? v.trim() : null);

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token
 * against the attempt's state and nonce. `params` is the callback's query.
 */
export async function completeGoogleSignIn(config: Config, log: Logger, params: URLSearchParams, attempt: GoogleAttempt): Promise<GoogleProfile> {
  const client = await googleClient(config, log);
  // openid-client derives the token request's redirect_uri from this URL, so it must be the registered one.
  const currentUrl = new URL(googleRedirectUri(config));
  currentUrl.search = params.toString();
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (e) {
    throw codedGrantError(log, e);
  }
  const subject = str(claims?.sub, 255);
  const email = str(claims?.email, 320);
  if (!claims || !subject) throw new AppError("BADTK", "Google's answer did not identify an account. Start the sign-in again.");
  if (!email) throw new AppError("BADTK", "Google did not share an email address; allow access to your email and try again.");
  return {
    subject,
    email,
    // Google sends a boolean; some issuers send the string "true".
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: typeof claims.name === "string" ? claims.name.trim().slice(0, 200) || null : null,
    picture: str(claims.picture, 2000),
  };
}
