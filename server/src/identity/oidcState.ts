/**
 * The per-attempt secrets of a provider sign-in (state, nonce, PKCE verifier)
 * and where to land afterwards travel in one short-lived cookie, scoped to
 * the provider's routes (/auth/google, /auth/oidc/<id>, /auth/github). It is
 * HMAC-signed with a key derived from the refresh secret and the provider, so
 * a client cannot forge or edit it, nor carry one provider's attempt to
 * another; it carries its own expiry, so a replayed old cookie fails even if
 * the browser kept it.
 *
 * SameSite=Lax, not Strict: the callback is a top-level navigation coming
 * from the provider's site, and a Strict cookie would not be sent with it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { AuthDeps } from "./sessions";

export const STATE_TTL_SECONDS = 600;

export interface SignInAttempt {
  state: string;
  /** OIDC only; plain OAuth 2 (GitHub) has no ID token to bind it to. */
  nonce?: string;
  codeVerifier: string;
  /** Path on APP_URL to land on, already validated. */
  redirect: string;
}

/** Which cookie an attempt lives in, and the domain-separation label of its MAC key. */
export interface AttemptCookie {
  name: string;
  path: string;
  label: string;
}

/** Generic providers: one cookie name, scoped by path, keyed by provider id. */
export const attemptCookieFor = (id: string, basePath: string): AttemptCookie => ({
  name: `ls_${id.replace(/-/g, "_")}_oauth`,
  path: basePath,
  label: `logicspike:oauth-state:v1:${id}`,
});

interface SealedAttempt extends SignInAttempt {
  exp: number;
}

/** Domain-separated from refresh-token successors, which use the same secret, and between providers. */
const mac = (deps: AuthDeps, c: AttemptCookie, payload: string) =>
  createHmac("sha256", createHmac("sha256", deps.tokens.keys.refreshSecret).update(c.label).digest()).update(payload).digest();

const cookieOptions = (deps: AuthDeps, c: AttemptCookie) => ({
  httpOnly: true,
  secure: deps.config.refresh.cookieSecure,
  sameSite: "lax" as const,
  path: c.path,
});

export function setAttempt(deps: AuthDeps, c: AttemptCookie, res: Response, attempt: SignInAttempt): void {
  const sealed: SealedAttempt = { ...attempt, exp: Math.floor(Date.now() / 1000) + STATE_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(sealed)).toString("base64url");
  const value = `${payload}.${mac(deps, c, payload).toString("base64url")}`;
  res.cookie(c.name, value, { ...cookieOptions(deps, c), maxAge: STATE_TTL_SECONDS * 1000 });
}

/** Single use: the cookie is cleared whatever the outcome of the callback. */
export function clearAttempt(deps: AuthDeps, c: AttemptCookie, res: Response): void {
  res.clearCookie(c.name, cookieOptions(deps, c));
}

/** The attempt this browser started, or null when the cookie is missing, altered or expired. */
export function readAttempt(deps: AuthDeps, c: AttemptCookie, req: Request, { nonce }: { nonce: boolean }): SignInAttempt | null {
  const value: unknown = req.cookies?.[c.name];
  if (typeof value !== "string" || value.length > 4096) return null;
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = mac(deps, c, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const sealed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<SealedAttempt>;
    const { state, codeVerifier, redirect, exp } = sealed;
    if (typeof exp !== "number" || exp < Date.now() / 1000) return null;
    const required = nonce ? [state, sealed.nonce, codeVerifier, redirect] : [state, codeVerifier, redirect];
    if (!required.every((v) => typeof v === "string" && v.length > 0)) return null;
    return { state: state!, nonce: nonce ? sealed.nonce : undefined, codeVerifier: codeVerifier!, redirect: redirect! };
  } catch {
    return null;
  }
}
