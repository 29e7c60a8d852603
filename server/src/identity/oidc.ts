/**
 * Sign-in as an OpenID Connect relying party (openid-client), for every
 * provider of the registry (oidcProviders.ts: Google and OIDC_PROVIDERS): the
 * authorization code flow with PKCE (S256), state and nonce. openid-client
 * checks the ID token's signature (issuer JWKS), iss, aud, exp and nonce; we
 * only read its claims. Issuers are configurable, so tests run the whole flow
 * against real local OIDC servers.
 */
import * as oidc from "openid-client";
import { AppError } from "../../../core/errors";
import type { Logger } from "../../../core/logger";
import type { SignInAttempt } from "./oidcState";
import { boundedText as str, providerUnavailable, type OAuthProfile } from "./oidcSignIn";

/** One provider as the flow needs it, resolved from the configuration at each request. */
export interface OidcProvider {
  /** user_identities.provider, and the /auth/oidc/<id> segment (google: its own /auth/google routes). */
  id: string;
  /** For buttons and messages: "Google", "Keycloak". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scope: string;
  redirectUri: string;
  /** Where its routes (and its attempt cookie) live: /auth/google or /auth/oidc/<id>. */
  basePath: string;
  /** The configuration object discovery is cached against (a new configuration discovers again). */
  cacheKey: object;
}

/** One discovery per provider configuration per process. A failed one is not kept, so the next sign-in retries. */
const discovered = new WeakMap<object, Promise<oidc.Configuration>>();

/** Plain http only for a loopback issuer (a local test or development IdP), never for a remote one. */
const isLoopbackHttp = (url: URL) => url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

async function clientOf(p: OidcProvider, log: Logger): Promise<oidc.Configuration> {
  let pending = discovered.get(p.cacheKey);
  if (!pending) {
    pending = (async () => {
      const issuer = new URL(p.issuer);
      return oidc.discovery(issuer, p.clientId, p.clientSecret, p.clientSecret ? undefined : oidc.None(), {
        execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
    })();
    const thisAttempt = pending;
    discovered.set(p.cacheKey, thisAttempt);
    thisAttempt.catch(() => discovered.get(p.cacheKey) === thisAttempt && discovered.delete(p.cacheKey));
  }
  try {
    return await pending;
  } catch (e) {
    throw providerUnavailable(log, e, p.name, `${p.name} OIDC discovery failed`);
  }
}

/** A fresh attempt (state, nonce, PKCE verifier) and the authorization URL that carries its public half. */
export async function beginOidcSignIn(p: OidcProvider, log: Logger, redirect: string): Promise<{ url: string; attempt: SignInAttempt }> {
  const client = await clientOf(p, log);
  const attempt: SignInAttempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), redirect };
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: p.redirectUri,
    response_type: "code",
    scope: p.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: "S256",
    state: attempt.state,
    nonce: attempt.nonce!,
  });
  return { url: url.href, attempt };
}

/** openid-client codes meaning "the answer failed a check" (as opposed to "the provider could not be reached"). */
const REJECTED = new Set([
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
  "OAUTH_KEY_SELECTION_FAILED",
  "OAUTH_PARSE_ERROR",
]);

function codedGrantError(p: OidcProvider, log: Logger, e: unknown): AppError {
  if (e instanceof oidc.AuthorizationResponseError) {
    log.info({ provider: p.id, error: e.error, description: e.error_description }, "the provider returned an authorization error");
    return e.error === "access_denied"
      ? new AppError("DNIED", `${p.name} sign-in was cancelled or not allowed. Start again to retry.`)
      : new AppError("BADRQ", `${p.name} could not complete the sign-in. Start again.`);
  }
  if (e instanceof oidc.ResponseBodyError && e.status < 500) {
    log.warn({ provider: p.id, error: e.error, description: e.error_description }, "the provider refused the authorization code");
    return new AppError("BADTK", `${p.name} did not accept this sign-in (it may have expired or been used already). Start again.`);
  }
  if (e instanceof oidc.ClientError && e.code && REJECTED.has(e.code)) {
    log.warn({ provider: p.id, err: e }, "the provider's token response failed validation");
    return new AppError("BADTK", `${p.name}'s answer could not be verified. Start the sign-in again.`);
  }
  return providerUnavailable(log, e, p.name, `${p.name} token exchange failed`);
}

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token
 * against the attempt's state and nonce. `params` is the callback's query.
 */
export async function completeOidcSignIn(p: OidcProvider, log: Logger, params: URLSearchParams, attempt: SignInAttempt): Promise<OAuthProfile> {
  const client = await clientOf(p, log);
  // openid-client derives the token request's redirect_uri from this URL, so it must be the registered one.
  const currentUrl = new URL(p.redirectUri);
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
    throw codedGrantError(p, log, e);
  }
  const subject = str(claims?.sub, 255);
  const email = str(claims?.email, 320);
  if (!claims || !subject) throw new AppError("BADTK", `${p.name}'s answer did not identify an account. Start the sign-in again.`);
  if (!email) throw new AppError("BADTK", `${p.name} did not share an email address; allow access to your email and try again.`);
  return {
    subject,
    email,
    // Google sends a boolean; some issuers send the string "true". An issuer that says nothing vouches for nothing.
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: typeof claims.name === "string" ? claims.name.trim().slice(0, 200) || null : null,
    picture: str(claims.picture, 2000),
  };
}
