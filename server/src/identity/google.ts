/**
 * Google sign-in: one entry of the provider registry (oidcProviders.ts),
 * configured by GOOGLE_*, signed in by the shared OpenID Connect relying
 * party (oidc.ts) under its own routes, /auth/google/start and /callback.
 * GOOGLE_ISSUER is configurable so tests run the whole flow against a real
 * local OIDC server.
 */
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { OidcProvider } from "./oidc";
import { googleProvider } from "./oidcProviders";
import type { AttemptCookie } from "./oidcState";

/** Name and MAC label predate the other providers; kept so attempts in flight survive an upgrade. */
export const GOOGLE_ATTEMPT_COOKIE: AttemptCookie = { name: "ls_google_oidc", path: "/auth/google", label: "logicspike:google-oidc-state:v1" };

export function googleOrThrow(config: Config): OidcProvider {
  const p = googleProvider(config);
  if (!p) throw new AppError("OAUNC", "Google sign-in is not set up on this server; sign in with your email and password instead.");
  return p;
}
