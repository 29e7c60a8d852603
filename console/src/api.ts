/**
 * Calls to the server, same-origin: the auth REST routes (sign-in, sign-up,
 * MFA, refresh, switch workspace) and GraphQL through the SDK's typed client,
 * as any customer's frontend would. The access token lives in this tab's
 * sessionStorage under the key the email-link pages use, so a sign-in on
 * either is seen by both; the refresh token is the httpOnly cookie the server
 * sets (tokenTransport "cookie"), which scripts never see.
 */
import { createClient, SdkError } from "../../sdk/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

const SESSION_KEY = "logicspike.session";

/** A coded error as the server sent it; `field` when the error concerns one form field. */
export class ApiError extends Error {
  constructor(
    readonly code: string | null,
    message: string,
    readonly status = 0,
    /** The answer's `error.details`, when the server sent some (e.g. SOLOW's workspaces). */
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

const OFFLINE = () => new ApiError(null, "We could not reach the server. Check your connection and try again.");

export interface Tokens {
  accessToken: string;
  expiresIn: number;
}

/** POST a JSON body to an auth route; resolves to the answer's JSON or throws an ApiError with the server's code. */
export async function post<T = Record<string, unknown>>(path: string, body: unknown = {}, token?: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw OFFLINE();
  }
  const data = res.status === 204 ? {} : await res.json().catch(() => null);
  if (res.ok && data) return data as T;
  const error = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  throw new ApiError(error?.code ?? null, error?.message ?? `The server answered ${res.status}. Try again.`, res.status, error?.details ?? null);
}

interface Saved {
  accessToken: string;
  expiresAt: number;
}

function readSaved(): Saved | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null") as Saved | null;
  } catch {
    return null;
  }
}

/** Claims of our own access token, read for display and permission-aware UI only: the server verifies, not us. */
export interface Claims {
  sub: string;
  tid: string | null;
  perms: string[];
  /** "aal2" when this session passed a second factor (so two-factor authentication is on). */
  aal: string | null;
}

export function readClaims(token: string): Claims {
  const payload = token.split(".")[1] ?? "";
  const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Partial<Claims>;
  return { sub: String(json.sub ?? ""), tid: json.tid ?? null, perms: Array.isArray(json.perms) ? json.perms : [], aal: typeof json.aal === "string" ? json.aal : null };
}

let refreshing: Promise<string | null> | null = null;

export const session = {
  save(tokens: Tokens): void {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken: tokens.accessToken, expiresAt: Date.now() + tokens.expiresIn * 1000 }));
  },
  clear(): void {
    sessionStorage.removeItem(SESSION_KEY);
  },
  /** A usable access token, refreshed through the cookie when missing or about to expire; null when signed out. */
  async token({ fresh = false } = {}): Promise<string | null> {
    const saved = fresh ? null : readSaved();
    if (saved && saved.expiresAt - 30_000 > Date.now()) return saved.accessToken;
    // One refresh at a time: the refresh token rotates, a second concurrent use would end the session.
    refreshing ??= post<Tokens>("/auth/refresh")
      .then((tokens) => (session.save(tokens), tokens.accessToken))
      .catch(() => (session.clear(), null))
      .finally(() => (refreshing = null));
    return refreshing;
  },
  async signOut(): Promise<void> {
    await post("/auth/logout").catch(() => undefined);
    session.clear();
  },
};

/** Raised when the session is gone (no token, or refresh failed): the app sends the user to sign in and back. */
export class SignedOut extends ApiError {
  constructor() {
    super("LOGIN", "Your session has ended. Sign in again.", 401);
  }
}

const sdk = createClient({ url: location.origin, token: () => readSaved()?.accessToken });

/** A typed SDK operation with the current token; an expired token (TKEXP) is refreshed once and the call retried. */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  if (!(await session.token())) throw new SignedOut();
  const run = () => (sdk.request as (d: unknown, v?: unknown) => Promise<TResult>)(document, variables ?? {});
  try {
    return await run();
  } catch (e) {
    if (e instanceof SdkError && e.code === "TKEXP") {
      if (!(await session.token({ fresh: true }))) throw new SignedOut();
      return toApiError(run);
    }
    throw asApiError(e);
  }
}

async function toApiError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw asApiError(e);
  }
}

function asApiError(e: unknown): ApiError {
  if (e instanceof SdkError) {
    if (e.code === "TKEXP" || e.code === "BADTK") return new SignedOut();
    return new ApiError(e.code ?? null, e.errors[0]?.message ?? e.message, e.status);
  }
  if (e instanceof ApiError) return e;
  return OFFLINE();
}

/** An auth route that needs the signed-in user's token. */
export async function postWithToken<T>(path: string, body: unknown = {}): Promise<T> {
  const token = await session.token();
  if (!token) throw new SignedOut();
  try {
    return await post<T>(path, body, token);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== "TKEXP") throw e;
    const fresh = await session.token({ fresh: true });
    if (!fresh) throw new SignedOut();
    return post<T>(path, body, fresh);
  }
}

/** GET an auth route with the signed-in user's token (e.g. /auth/sessions); refreshed and retried once on TKEXP. */
export async function getWithToken<T>(path: string): Promise<T> {
  const once = async (token: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(path, { headers: { accept: "application/json", authorization: `Bearer ${token}` }, credentials: "same-origin" });
    } catch {
      throw OFFLINE();
    }
    const data = await res.json().catch(() => null);
    if (res.ok && data) return data as T;
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? null, error?.message ?? `The server answered ${res.status}. Try again.`, res.status);
  };
  const token = await session.token();
  if (!token) throw new SignedOut();
  try {
    return await once(token);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== "TKEXP") throw e;
    const fresh = await session.token({ fresh: true });
    if (!fresh) throw new SignedOut();
    return once(fresh);
  }
}
