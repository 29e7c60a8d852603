/**
 * Parsers of the sign-in provider settings (core/config.ts, "Sign-in"): OIDC_PROVIDERS, the registry of
 * OpenID Connect issuers besides Google, and the GitHub endpoint URLs. A mistake is a start-up error naming
 * the provider and the field, never a sign-in that fails later.
 */

/** A provider id: the URL segment of /auth/oidc/<id>/… and app_private.user_identities.provider (same check). */
export const PROVIDER_ID = /^[a-z][a-z0-9-]{1,31}$/;
/** Ids with routes of their own (or password sign-in): an OIDC_PROVIDERS entry may not take them. */
const RESERVED = new Set(["google", "github", "password", "oidc", "providers"]);
/** Field names as in OAuth dynamic client registration (RFC 7591) and the provider's console. */
const FIELDS = new Set(["name", "issuer", "client_id", "client_secret", "scope", "redirect_uri"]);

export interface OidcProviderSettings {
  /** Shown on the sign-in button (GET /auth/providers) and in messages. */
  name: string;
  issuer: string;
  clientId: string;
  /** client_secret; unset: a public client (PKCE only, token endpoint auth `none`). */
  secret?: string;
  /** Space-separated; always includes `openid`. */
  scope: string;
  /** Unset = `${PUBLIC_URL}/auth/oidc/<id>/callback`, filled in where it is used. */
  redirectUri?: string;
}

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/** https, or plain http to a loopback host only (a local test or development provider). */
export function providerUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${what} must be a URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url))) {
    throw new Error(`${what} must be an https URL (plain http only to localhost), got ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password || url.hash) throw new Error(`${what} must not carry credentials or a fragment`);
  // Kept as written: discovery compares the issuer exactly, and some (Auth0) end in a slash.
  return raw;
}

/**
 * OIDC_PROVIDERS='{"keycloak": {"name": "Keycloak", "issuer": "https://sso.example.com/realms/main",
 * "client_id": "logicspike", "client_secret": "…", "scope": "openid email profile"}}'.
 */
export function oidcProviders(json: string): Record<string, OidcProviderSettings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error("OIDC_PROVIDERS must be a JSON object of provider id -> { issuer, client_id, client_secret?, name?, scope?, redirect_uri? }");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("OIDC_PROVIDERS must be a JSON object");
  const providers: Array<[string, OidcProviderSettings]> = [];
  // Ids are checked before they become keys, so a JSON "__proto__" never reaches an object.
  for (const [id, entry] of Object.entries(parsed)) {
    const where = `OIDC_PROVIDERS.${id}`;
    if (!PROVIDER_ID.test(id)) throw new Error(`OIDC_PROVIDERS: provider id ${JSON.stringify(id)} must match ${PROVIDER_ID}`);
    if (RESERVED.has(id)) throw new Error(`OIDC_PROVIDERS: provider id "${id}" is reserved${id === "google" || id === "github" ? ` (configure it with ${id.toUpperCase()}_CLIENT_ID)` : ""}`);
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new Error(`${where} must be an object`);
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !FIELDS.has(k));
    if (unknown.length) throw new Error(`${where}: unknown field ${unknown.map((k) => JSON.stringify(k)).join(", ")} (fields: ${[...FIELDS].join(", ")})`);
    const str = (field: string, required: boolean): string | undefined => {
      const v = e[field];
      if (v === undefined && !required) return undefined;
      if (typeof v !== "string" || !v.trim()) throw new Error(`${where}.${field} must be a non-empty string`);
      return v.trim();
    };
    const scope = (str("scope", false) ?? "openid email profile").split(/\s+/);
    if (!scope.includes("openid")) throw new Error(`${where}.scope must include openid`);
    const name = str("name", false) ?? id;
    if (name.length > 40) throw new Error(`${where}.name must be at most 40 characters`);
    const redirectUri = str("redirect_uri", false);
    providers.push([
      id,
      {
        name,
        issuer: providerUrl(str("issuer", true)!, `${where}.issuer`),
        clientId: str("client_id", true)!,
        secret: str("client_secret", false),
        scope: scope.join(" "),
        redirectUri: redirectUri === undefined ? undefined : providerUrl(redirectUri, `${where}.redirect_uri`),
      },
    ]);
  }
  return Object.fromEntries(providers);
}
