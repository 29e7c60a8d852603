/**
 * The per-attempt secrets of a Google sign-in (state, nonce, PKCE verifier)
 * and where to land afterwards travel in one short-lived cookie, scoped to
 * /auth/google. It is HMAC-signed with a key derived from the refresh secret,
 * so a client cannot forge or edit it, and it carries its own expiry, so a
 * replayed old cookie fails even if the browser kept it.
 *
 * SameSite=Lax, not Strict: the callback is a top-level navigation coming
 * from Google's site, and a Strict cookie would not be sent with it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { AuthDeps } from "./sessions";

export const GOOGLE_STATE_COOKIE = "ls_google_oidc";
const COOKIE_PATH = "/auth/google";
export const STATE_TTL_SECONDS = 600;

export interface GoogleAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Path on APP_URL to land on, already validated. */
  redirect: string;
}

interface SealedAttempt extends GoogleAttempt {
  exp: number;
}

/** Domain-separated from refresh-token successors, which use the same secret. */
function signingKey(deps: AuthDeps): Buffer {
  return createHmac("sha256", deps.tokens.keys.refreshSecret).update("logicspike:google-oidc-state:v1").digest();
}

const mac = (deps: AuthDeps, payload: string) => createHmac("sha256", signingKey(deps)).update(payload).digest();

function cookieOptions(deps: AuthDeps) {
  return { httpOnly: true, secure: deps.config.refresh.cookieSecure, sameSite: "lax" as const, path: COOKIE_PATH };
}

export function setAttemptCookie(deps: AuthDeps, res: Response, attempt: GoogleAttempt): void {
  const sealed: SealedAttempt = { ...attempt, exp: Math.floor(Date.now() / 1000) + STATE_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(sealed)).toString("base64url");
  const value = `${payload}.${mac(deps, payload).toString("base64url")}`;
  res.cookie(GOOGLE_STATE_COOKIE, value, { ...cookieOptions(deps), maxAge: STATE_TTL_SECONDS * 1000 });
}

/** Single use: the cookie is cleared whatever the outcome of the callback. */
export function clearAttemptCookie(deps: AuthDeps, res: Response): void {
  res.clearCookie(GOOGLE_STATE_COOKIE, cookieOptions(deps));
}

/** The attempt this browser started, or null when the cookie is missing, altered or expired. */
export function readAttemptCookie(deps: AuthDeps, req: Request): GoogleAttempt | null {
  const value: unknown = req.cookies?.[GOOGLE_STATE_COOKIE];
  if (typeof value !== "string" || value.length > 4096) return null;
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = mac(deps, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const sealed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<SealedAttempt>;
    const { state, nonce, codeVerifier, redirect, exp } = sealed;
    if (typeof exp !== "number" || exp < Date.now() / 1000) return null;
    if (![state, nonce, codeVerifier, redirect].every((v) => typeof v === "string" && v.length > 0)) return null;
    return { state: state!, nonce: nonce!, codeVerifier: codeVerifier!, redirect: redirect! };
  } catch {
    return null;
  }
}
