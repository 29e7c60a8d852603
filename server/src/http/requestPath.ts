/**
 * The one spelling of a request path that every matcher uses: the rate
 * limiters, authentication, CORS, the gateway, the Express router and
 * grafserv. installCanonicalPath rewrites `req.url` with canonicalTarget()
 * before any of them runs, so `req.path` is already canonical for all of
 * them; the predicates below then decide what is limited on that one value.
 *
 * Why these rules: a matcher that compares spellings differently from the
 * router is a bypass. Express matches case-insensitively and ignores a
 * trailing slash; our limiter compared exactly; grafserv compares exactly;
 * upstreams decode %XX. Each rule below removes one such difference:
 *  - percent-encoded unreserved characters (ALPHA DIGIT - . _ ~) are decoded
 *    (RFC 3986 6.2.2.2: `/%67raphql` is `/graphql`); every other %XX stays
 *    encoded with upper-case hex, so `%2F` never becomes a segment split;
 *    a malformed `%` is refused;
 *  - empty segments go (`//graphql`), and so does a trailing slash, except
 *    on an upstream's own path under /svc/<name>, where `/dir/` and `/dir`
 *    can be different resources;
 *  - `.` and `..` segments (also as `%2E`) are refused, never resolved: no
 *    client we serve sends them (browsers resolve them first), and refusing
 *    leaves nothing for an upstream to resolve differently;
 *  - the prefixes we route on are lower-cased: the whole path under an
 *    OWNED segment, and `svc` plus the service name under /svc (the rest is
 *    the upstream's path and keeps its case). Other paths (pages, unknown
 *    paths) keep their case;
 *  - only printable ASCII without `\` is accepted (Node's parser already
 *    refuses most of the rest), and a `#fragment` is dropped: either would
 *    send Express's URL parser down its legacy path, which trims and turns
 *    `\` into `/`, so `req.path` would no longer be the string checked here;
 *  - the query string is never touched.
 */
export type Canonical = { path: string } | { refused: string };
export type CanonicalTarget = { url: string; path: string } | { refused: string };

export const GRAPHQL_PATH = "/graphql";
export const AUTH_PREFIX = "/auth";
export const SERVICE_PREFIX = "/svc";
/** File storage's API (uploads, download URLs): authenticated, rate limited and under CORS like /graphql. */
export const STORAGE_API_PREFIX = "/storage/v1/files";
/**
 * File storage's object URLs (downloads, uploads to a signed slot): the signature in the URL or the file's
 * public visibility is the authorization, never a cookie, so any origin may use them (CORS `*`).
 */
export const STORAGE_OBJECT_PREFIXES = ["/storage/v1/object", "/storage/v1/upload"];

/** First segments whose whole path is ours to route, so it is lower-cased entirely. */
const OWNED = new Set(["graphql", "graphiql", "auth", "internal", "billing", "audit", "webhooks", "storage", "healthz", "readyz", "metrics", ".well-known"]);

const UNRESERVED = /^[A-Za-z0-9._~-]$/;
const NOT_ALLOWED = /[^\x21-\x7e]|\\/;

const lower = (segment: string) => segment.toLowerCase().replace(/%[0-9a-f]{2}/g, (hex) => hex.toUpperCase());

/** Canonical form of a path (it must start with `/`, no query). */
export function canonicalPath(raw: string): Canonical {
  if (!raw.startsWith("/")) return { refused: "The request path must start with /." };
  if (NOT_ALLOWED.test(raw)) return { refused: "The request target contains a character that must be percent-encoded." };
  let malformed = false;
  const decoded = raw.replace(/%([0-9A-Fa-f]{2})?/g, (all, hex: string | undefined) => {
    if (!hex) {
      malformed = true;
      return all;
    }
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  if (malformed) return { refused: "The request path has a % that is not followed by two hex digits." };

  const segments = decoded.split("/").filter(Boolean);
  if (segments.some((s) => s === "." || s === "..")) return { refused: "The request path may not contain . or .. segments." };
  const first = segments.length ? lower(segments[0]) : "";
  let trailingSlash = false;
  if (first === "svc") {
    segments[0] = first;
    if (segments.length > 1) segments[1] = lower(segments[1]);
    trailingSlash = segments.length > 2 && decoded.endsWith("/");
  } else if (OWNED.has(first)) {
    for (let i = 0; i < segments.length; i++) segments[i] = lower(segments[i]);
  }
  return { path: `/${segments.join("/")}${trailingSlash ? "/" : ""}` };
}

/**
 * Canonical form of a request target (`req.url`): origin-form (`/p?q`) or
 * absolute-form (`http://host/p?q`, which Express also routes on its path).
 * The query string is kept byte for byte; a fragment is dropped. The
 * absolute form keeps its scheme and authority: Express's router remembers
 * them from the original `req.url` and cuts that many characters off it
 * whenever it strips a mount path.
 */
/**
 * Targets that are canonical as they stand: lower-case segments of letters, digits, `_` and `-` (no `%`,
 * no dots, no empty segment, no trailing slash), no query. Every rule above leaves them unchanged, so the
 * common case (`/graphql`) skips the general path. Anything else takes the general path.
 */
const ALREADY_CANONICAL = /^(?:\/[a-z0-9_-]+)+$/;

export function canonicalTarget(target: string): CanonicalTarget {
  if (ALREADY_CANONICAL.test(target)) return { url: target, path: target };
  const hash = target.indexOf("#");
  const rest = hash >= 0 ? target.slice(0, hash) : target;
  if (NOT_ALLOWED.test(rest)) return { refused: "The request target contains a character that must be percent-encoded." };
  const origin = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?]*/.exec(rest)?.[0] ?? "";
  const q = rest.indexOf("?", origin.length);
  const rawPath = rest.slice(origin.length, q >= 0 ? q : undefined);
  const canonical = canonicalPath(origin && !rawPath ? "/" : rawPath);
  if ("refused" in canonical) return canonical;
  return { path: canonical.path, url: origin + canonical.path + (q >= 0 ? rest.slice(q) : "") };
}

/** `path` is `prefix` or below it (canonical paths only). */
export const underPrefix = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/** A path whose first segment is one we route on (TLS_ASK_PATH may not take one over). */
export const isOwnedPath = (path: string): boolean => {
  const first = path.split("/")[1] ?? "";
  return first === "svc" || OWNED.has(first);
};

/** POST /auth and /auth/*: the per-IP limit, before any credential is checked. */
export const isAuthLimited = (method: string, path: string): boolean => method === "POST" && underPrefix(path, AUTH_PREFIX);

/** /graphql, /svc, /svc/* and /storage/v1/files*: the per-key/user/IP and per-workspace limits. */
export const isApiLimited = (path: string): boolean =>
  path === GRAPHQL_PATH || underPrefix(path, SERVICE_PREFIX) || underPrefix(path, STORAGE_API_PREFIX);

/** /svc/<service><rest>: the service name and the upstream's path (`/` when empty); undefined outside /svc. */
export function serviceRoute(path: string): { service: string; rest: string } | undefined {
  if (!underPrefix(path, SERVICE_PREFIX)) return undefined;
  const [, service = "", rest = ""] = /^\/?([^/]*)(.*)$/s.exec(path.slice(SERVICE_PREFIX.length)) ?? [];
  return { service, rest: rest || "/" };
}
