/**
 * GitHub sign-in: OAuth 2 (GitHub is not an OpenID Connect provider, so there
 * is no ID token): authorize with state and PKCE (S256), exchange the code
 * for an access token, then read GET /user (the stable numeric id is the
 * subject) and GET /user/emails. Only the primary address, and only when
 * GitHub has verified it, links or creates an account. The three endpoints
 * are settings (GitHub Enterprise Server; tests run a local fake GitHub).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { Logger } from "../../../core/logger";
import { githubConfigured } from "./oidcProviders";
import { boundedText as str, providerUnavailable, type OAuthProfile } from "./oidcSignIn";
import { attemptCookieFor, type SignInAttempt } from "./oidcState";

export const GITHUB_ATTEMPT_COOKIE = attemptCookieFor("github", "/auth/github");
/** read:user for the profile, user:email for private addresses and their verified flag. */
const SCOPE = "read:user user:email";
const TIMEOUT_MS = 10_000;

export function assertGithubConfigured(config: Config): void {
  if (!githubConfigured(config)) {
    throw new AppError("OAUNC", "GitHub sign-in is not set up on this server; sign in another way instead.");
  }
}

export const githubRedirectUri = (config: Config) => config.github.redirectUri ?? `${config.publicUrl}/auth/github/callback`;

const random = () => randomBytes(32).toString("base64url");

export function beginGithubSignIn(config: Config, redirect: string): { url: string; attempt: SignInAttempt } {
  const attempt: SignInAttempt = { state: random(), codeVerifier: random(), redirect };
  const url = new URL(config.github.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: config.github.clientId!,
    redirect_uri: githubRedirectUri(config),
    scope: SCOPE,
    state: attempt.state,
    code_challenge: createHash("sha256").update(attempt.codeVerifier).digest("base64url"),
    code_challenge_method: "S256",
    // Never offer to create a GitHub account in the middle of signing in here.
    allow_signup: "false",
  }).toString();
  return { url: url.href, attempt };
}

/** A failure of GitHub itself (unreachable, 5xx, an answer of the wrong shape): 503 OAUDN, logged. */
class Upstream extends Error {}

async function call(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new Upstream(`${init.method ?? "GET"} ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Upstream(`${init.method ?? "GET"} ${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Upstream(`${init.method ?? "GET"} ${url}: not JSON`);
  }
}

const api = (config: Config, path: string, token: string) =>
  call(`${config.github.apiUrl}${path}`, {
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${token}`,
      "x-github-api-version": "2022-11-28",
      "user-agent": "LogicSpike-Core",
    },
  });

/** GitHub answers a bad code with 200 and `{error}`; these mean "this sign-in", the rest "our app's setup". */
const REFUSED_CODE = new Set(["bad_verification_code", "invalid_grant"]);

async function exchangeCode(config: Config, log: Logger, code: string, attempt: SignInAttempt): Promise<string> {
  const body = (await call(config.github.tokenUrl, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded", "user-agent": "LogicSpike-Core" },
    body: new URLSearchParams({
      client_id: config.github.clientId!,
      client_secret: config.github.clientSecret!,
      code,
      redirect_uri: githubRedirectUri(config),
      code_verifier: attempt.codeVerifier,
    }),
  })) as { access_token?: unknown; error?: unknown; error_description?: unknown } | null;
  if (body && typeof body.access_token === "string" && body.access_token) return body.access_token;
  const error = typeof body?.error === "string" ? body.error : undefined;
  if (error && REFUSED_CODE.has(error)) {
    log.warn({ provider: "github", error, description: body?.error_description }, "GitHub refused the authorization code");
    throw new AppError("BADTK", "GitHub did not accept this sign-in (it may have expired or been used already). Start again.");
  }
  // incorrect_client_credentials, redirect_uri_mismatch…: the operator's to fix.
  throw new Upstream(`GitHub token endpoint answered ${error ?? "without an access token"}: ${String(body?.error_description ?? "")}`);
}

interface GithubEmail {
  email?: unknown;
  primary?: unknown;
  verified?: unknown;
}

/** The callback's query (state already checked) to the identity GitHub vouches for. */
export async function completeGithubSignIn(config: Config, log: Logger, params: URLSearchParams, attempt: SignInAttempt): Promise<OAuthProfile> {
  const error = params.get("error");
  if (error) {
    log.info({ provider: "github", error, description: params.get("error_description") }, "GitHub returned an authorization error");
    throw error === "access_denied"
      ? new AppError("DNIED", "GitHub sign-in was cancelled or not allowed. Start again to retry.")
      : new AppError("BADRQ", "GitHub could not complete the sign-in. Start again.");
  }
  const code = params.get("code");
  if (!code || code.length > 512) throw new AppError("BADRQ", "GitHub sent no authorization code. Start the sign-in again.");
  try {
    const token = await exchangeCode(config, log, code, attempt);
    const [user, emails] = (await Promise.all([api(config, "/user", token), api(config, "/user/emails", token)])) as [
      { id?: unknown; name?: unknown; login?: unknown; avatar_url?: unknown } | null,
      GithubEmail[] | null,
    ];
    const id = typeof user?.id === "number" && Number.isSafeInteger(user.id) ? String(user.id) : null;
    if (!id || !Array.isArray(emails)) throw new Upstream("GitHub's /user or /user/emails answer is not of the documented shape");
    const primary = emails.find((e) => e?.primary === true);
    const email = str(primary?.email, 320);
    if (!email) {
      throw new AppError("OAEML", "Your GitHub account has no primary email address we can use; add and verify one on GitHub, then sign in again.");
    }
    return {
      subject: id,
      email,
      emailVerified: primary!.verified === true,
      name: (str(user!.name, 200) ?? str(user!.login, 200)) || null,
      picture: str(user!.avatar_url, 2000),
    };
  } catch (e) {
    if (e instanceof Upstream) throw providerUnavailable(log, e, "GitHub", "GitHub sign-in failed upstream");
    throw e;
  }
}
