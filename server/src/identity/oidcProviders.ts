/**
 * The registry of sign-in providers, read from the configuration at each
 * request (so a provider's settings are one object, and tests can point a
 * redirect URI at the port they got): Google (GOOGLE_*, its own /auth/google
 * routes), every OIDC_PROVIDERS entry (/auth/oidc/<id>) and GitHub
 * (GITHUB_*, OAuth 2, /auth/github). GET /auth/providers lists them by name.
 */
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { OidcProvider } from "./oidc";

export function googleProvider(config: Config): OidcProvider | null {
  const g = config.google;
  if (!g.clientId) return null;
  return {
    id: "google",
    name: "Google",
    issuer: g.issuer,
    clientId: g.clientId,
    clientSecret: g.clientSecret,
    scope: "openid email profile",
    redirectUri: g.redirectUri ?? `${config.publicUrl}/auth/google/callback`,
    basePath: "/auth/google",
    cacheKey: g,
  };
}

/** An OIDC_PROVIDERS entry, or null for an id that is not one (own properties only). */
export function configuredOidcProvider(config: Config, id: string): OidcProvider | null {
  if (!Object.prototype.hasOwnProperty.call(config.oidc.providers, id)) return null;
  const p = config.oidc.providers[id];
  return {
    id,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.secret,
    scope: p.scope,
    redirectUri: p.redirectUri ?? `${config.publicUrl}/auth/oidc/${id}/callback`,
    basePath: `/auth/oidc/${id}`,
    cacheKey: p,
  };
}

/** Unknown ids are answered like unconfigured Google: 404 OAUNC, nothing started. */
export function oidcProviderOrThrow(config: Config, id: unknown): OidcProvider {
  const p = typeof id === "string" ? configuredOidcProvider(config, id) : null;
  if (!p) throw new AppError("OAUNC", "There is no such sign-in provider on this server; see GET /auth/providers for the ones there are.");
  return p;
}

export const githubConfigured = (config: Config): boolean => !!(config.github.clientId && config.github.clientSecret);

export interface ProviderListing {
  id: string;
  name: string;
  protocol: "oidc" | "oauth2";
  /** Path on this server a frontend navigates to (a full page load), optionally with ?redirect=/path. */
  start: string;
}

/** What a frontend needs to draw buttons: no issuers, client ids or secrets. */
export function listProviders(config: Config): ProviderListing[] {
  const list: ProviderListing[] = [];
  if (googleProvider(config)) list.push({ id: "google", name: "Google", protocol: "oidc", start: "/auth/google/start" });
  if (githubConfigured(config)) list.push({ id: "github", name: "GitHub", protocol: "oauth2", start: "/auth/github/start" });
  for (const [id, p] of Object.entries(config.oidc.providers)) list.push({ id, name: p.name, protocol: "oidc", start: `/auth/oidc/${id}/start` });
  return list;
}
