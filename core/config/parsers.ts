/**
 * The parsers core/config.ts declares its settings with: text in, value out, or an error whose message an
 * operator can act on (tests assert these messages; loadConfigOrExit prints them as one line). A parser sees
 * only set, non-empty text; unset and empty mean the declared default.
 */
import { isIP } from "node:net";
import path from "node:path";

/** What a parser may use besides the text: the variable's name, for messages. */
interface Named {
  name: string;
}

export const text = (raw: string): string => raw;
/** A string that is undefined when the variable is unset or empty (secrets, optional URLs). */
export const optionalText = (raw: string): string | undefined => raw;
/** A base URL without its trailing slash, so `${url}/path` never has two. */
export const baseUrl = (raw: string): string => raw.replace(/\/$/, "");
export const absolutePath = (raw: string): string => path.resolve(raw);

export type NodeEnv = "development" | "production" | "test";

export function nodeEnv(raw: string): NodeEnv {
  if (raw !== "development" && raw !== "production" && raw !== "test") {
    throw new Error(`NODE_ENV must be development, production or test, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

export function bool(value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`Expected a boolean (true/false), got ${JSON.stringify(value)}`);
}

export function int(value: string, { name }: Named): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}

/** A rate limit: a positive integer (a limit of 0 would refuse everything; use RATE_LIMIT_ENABLED=false). */
export function limit(value: string, ctx: Named): number {
  const n = int(value, ctx);
  if (n < 1) throw new Error(`${ctx.name} must be at least 1, got ${JSON.stringify(value)}`);
  return n;
}

/** Comma- or space-separated entries, trimmed; `lowercase` for host names. */
export const list =
  ({ lowercase = false } = {}) =>
  (value: string): string[] =>
    value.split(/[\s,]+/).map((e) => (lowercase ? e.trim().toLowerCase() : e.trim())).filter(Boolean);

/** One CORS_ORIGINS entry: an exact origin, or a scheme plus a parent domain whose subdomains are allowed. */
export type CorsOrigin = { exact: string } | { scheme: "http:" | "https:"; suffix: string; port: string };

/**
 * CORS_ORIGINS="https://app.example.com, https://*.example.com, http://localhost:5173". Each entry is an origin
 * (scheme, host, optional port; no path, query or credentials); `*.` may lead the host. A bare `*` is refused:
 * credentialed CORS needs the exact origin, and every origin would be a CSRF hole for the refresh cookie.
 */
export function corsOrigins(value: string): CorsOrigin[] {
  const entries = value.split(/[\s,]+/).map((e) => e.trim()).filter(Boolean);
  return entries.map((entry) => {
    const fail = (why: string) =>
      new Error(`CORS_ORIGINS: ${JSON.stringify(entry)} ${why}. Use exact origins such as https://app.example.com or http://localhost:5173, or https://*.example.com for every subdomain, separated by commas.`);
    if (entry === "*") throw fail("is not allowed (credentials need exact origins)");
    const m = /^(https?):\/\/(\*\.)?([^/?#@:\s]+)(?::(\d{1,5}))?\/?$/i.exec(entry);
    if (!m) throw fail("is not an origin");
    const [, scheme, wildcard, host, port = ""] = m;
    let url: URL;
    try {
      url = new URL(`${scheme}://${host}${port ? `:${port}` : ""}`);
    } catch {
      throw fail("is not an origin");
    }
    if (url.hostname !== host.toLowerCase() || (port && url.port !== port && !(url.port === "" && ["80", "443"].includes(port)))) {
      throw fail(`is not in canonical form (write it as ${wildcard ? `${url.protocol}//*.${url.host}` : url.origin})`);
    }
    if (!wildcard) return { exact: url.origin };
    if (!url.hostname.includes(".") || isIP(url.hostname) !== 0) throw fail("needs a parent domain of at least two labels, as in https://*.example.com");
    return { scheme: url.protocol as "http:" | "https:", suffix: `.${url.hostname}`, port: url.port };
  });
}

const SERVICE_KEY = /^[a-z][a-z0-9_]{1,39}$/;
/** GATEWAY_ROUTE_<NAME>: the variables that add one gateway route each. */
export const GATEWAY_ROUTE = /^GATEWAY_ROUTE_([A-Z0-9_]+)$/;

/** GATEWAY_ROUTES='{"crm":"http://127.0.0.1:4001"}' plus GATEWAY_ROUTE_CRM=http://... (the latter wins). */
export function gatewayRoutes(json: string | undefined, family: ReadonlyArray<readonly [string, string | undefined]>): Record<string, string> {
  const routes: Record<string, string> = {};
  const entries: Array<[string, unknown]> = [];
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new Error("GATEWAY_ROUTES must be a JSON object of service name -> upstream URL");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("GATEWAY_ROUTES must be a JSON object");
    entries.push(...Object.entries(parsed));
  }
  for (const [name, value] of family) {
    const m = GATEWAY_ROUTE.exec(name);
    if (m && value) entries.push([m[1].toLowerCase(), value]);
  }
  // Validate names before they become keys (a JSON "__proto__" must not reach the object).
  for (const [name, url] of entries) {
    if (!SERVICE_KEY.test(name)) throw new Error(`Gateway route name ${JSON.stringify(name)} must match ${SERVICE_KEY}`);
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(String(url));
    } catch {
      throw new Error(`Gateway route ${name}: ${JSON.stringify(url)} is not a URL`);
    }
    if (!/^https?:$/.test(parsedUrl.protocol)) throw new Error(`Gateway route ${name} must be an http(s) URL`);
    routes[name] = parsedUrl.toString().replace(/\/$/, "");
  }
  return routes;
}

/** WEBHOOK_RETRY_SCHEDULE="0,5,300": seconds before each attempt (decimals allowed, for tests). */
export function retrySchedule(value: string): number[] {
  const parts = value.split(",").map((v) => Number(v.trim()));
  if (parts.length === 0 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new Error(`WEBHOOK_RETRY_SCHEDULE must be comma-separated non-negative seconds, got ${JSON.stringify(value)}`);
  }
  return parts;
}

/** Host names, lower-cased, without a trailing dot, IPs dropped, each once (APP_DOMAIN and its default). */
function domainNames(names: string[]): string[] {
  const hosts = names.map((n) => n.trim().toLowerCase().replace(/\.$/, "")).filter((n) => n && isIP(n.replace(/^\[|\]$/g, "")) === 0);
  return [...new Set(hosts)];
}

/** APP_DOMAIN="example.com,example.net". */
export const reservedDomains = (value: string): string[] => domainNames(value.split(/[\s,]+/));

/** APP_DOMAIN's default: the (non-IP) hosts of these URLs (PUBLIC_URL and APP_URL). */
export function hostsOf(urls: string[]): string[] {
  return domainNames(
    urls.map((u) => {
      try {
        return new URL(u).hostname;
      } catch {
        return "";
      }
    }),
  );
}

/** DNS_SERVERS="127.0.0.1:5353,[::1]:53,1.1.1.1": IP addresses with optional ports (what dns.Resolver#setServers takes). */
export function dnsServers(value: string): string[] {
  const servers = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const server of servers) {
    const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(server) ?? [server, server];
    if (isIP(m[1]) === 0 || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535))) {
      throw new Error(`DNS_SERVERS must be comma-separated IP addresses with optional ports (1.1.1.1, 127.0.0.1:5353, [::1]:53), got ${JSON.stringify(server)}`);
    }
  }
  return servers;
}

/** An http(s) origin (no path); `example` is named in the error, normally the default. */
export const httpOrigin =
  (example: string) =>
  (value: string, { name }: Named): string => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || (url.pathname !== "/" && url.pathname !== "")) {
      throw new Error(`${name} must be an http(s) origin such as ${example}, got ${JSON.stringify(value)}`);
    }
    return url.origin;
  };

/** TLS_ASK_PATH: a path outside /internal, or `off`. */
export function tlsAskPath(value: string): string | null {
  if (value === "off") return null;
  if (!/^\/[A-Za-z0-9._~\/-]*$/.test(value) || /^\/(internal|auth|graphql|svc)(\/|$)/.test(value)) {
    throw new Error(`TLS_ASK_PATH must be a path such as /tls/ask (outside /internal, /auth, /graphql and /svc) or off, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** REFRESH_COOKIE_SAMESITE: browsers drop `SameSite=None` cookies that are not `Secure`, so that pair is refused at start. */
export function cookieSameSite(value: string, secure: boolean): "strict" | "lax" | "none" {
  const v = value.toLowerCase();
  if (v !== "strict" && v !== "lax" && v !== "none") throw new Error(`REFRESH_COOKIE_SAMESITE must be strict, lax or none, got ${JSON.stringify(value)}`);
  if (v === "none" && !secure) throw new Error("REFRESH_COOKIE_SAMESITE=none needs COOKIE_SECURE=true (browsers ignore SameSite=None cookies that are not Secure)");
  return v;
}

/** LOG_FORMAT: `pretty` or `json`; unset = pretty in development when stdout is a terminal, else JSON. */
export function logFormat(value: string | undefined, isDev: boolean): "pretty" | "json" {
  if (value === "pretty" || value === "json") return value;
  if (value) throw new Error(`LOG_FORMAT must be pretty or json, got ${JSON.stringify(value)}`);
  return isDev && process.stdout.isTTY ? "pretty" : "json";
}

/**
 * TRUST_PROXY: unset/`false` trusts no proxy (req.ip is the socket address);
 * `true` trusts every hop (only behind a proxy that overwrites
 * X-Forwarded-For); a number trusts that many hops; anything else is passed to
 * Express as a list of trusted addresses/subnets, e.g. `loopback, 10.0.0.0/8`.
 */
export function trustProxy(raw: string): boolean | number | string {
  const value = raw.trim();
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
