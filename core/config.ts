/**
 * Every environment variable the platform reads, in one place. docs/configuration.md
 * configuration table mirrors this file; keep them in step.
 */
import { isIP } from "node:net";
import path from "node:path";

export type NodeEnv = "development" | "production" | "test";

export interface Config {
  env: NodeEnv;
  /** Development conveniences: Ruru, current.sql applied on start, seed data. Off in test and production. */
  isDev: boolean;
  host: string;
  port: number;
  /** Owner connection (migrations, worker, trusted server-side work). Unset = embedded Postgres. */
  databaseUrl: string | undefined;
  /** Superuser connection used only by the setup step (roles, database, extensions). */
  rootDatabaseUrl: string | undefined;
  /** Authenticator connection used by PostGraphile. Derived from databaseUrl when unset. */
  authDatabaseUrl: string | undefined;
  authenticatorRole: string;
  authenticatorPassword: string | undefined;
  /** Project-local folder for embedded Postgres data, dev keys and generated dev credentials. */
  dataDir: string;
  embeddedPgPort: number;
  databaseName: string;
  migrateOnStart: boolean;
  seedOnStart: boolean;
  workerInProcess: boolean;
  workerConcurrency: number;
  /** Bearer token for GET /metrics; unset = loopback callers only. */
  metricsToken: string | undefined;
  /** /readyz answers 503 unless a worker sent a heartbeat in the last 30 s. */
  readyzRequireWorker: boolean;
  logLevel: string;
  /** `pretty` (pino-pretty, for a person at a terminal) or `json` (one object per line, for log shippers). */
  logFormat: "pretty" | "json";
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Express `trust proxy`: which X-Forwarded-For hops to believe for `req.ip` (rate limits, logs). */
  trustProxy: boolean | number | string;
  shutdownTimeoutMs: number;
  /** Where contact-form messages are delivered. */
  contactInbox: string;
  mailFrom: string;
  /** smtp://user:pass@host:port; unset = emails are logged, not sent. */
  smtpUrl: string | undefined;
  /** Public base URL of this server (issuer of tokens, OAuth redirect base). */
  publicUrl: string;
  /** Frontend base URL: links in emails and the OAuth landing page point here. */
  appUrl: string;
  /** Browsers on other origins (server/src/http/installCors.ts, docs/frontends.md). */
  cors: {
    /** From CORS_ORIGINS: exact origins, or `https://*.example.com` (any subdomain, not the apex). APP_URL, PUBLIC_URL and verified custom domains are added at run time. */
    origins: CorsOrigin[];
    /** How long a browser may cache a preflight answer (Access-Control-Max-Age). */
    maxAgeSeconds: number;
  };
  /** Workspaces a signed-in user creates (app_public.create_workspace). */
  workspaces: {
    /** How many workspaces one user may own; creating one more is 403 WSLIM. */
    maxPerUser: number;
  };
  /** GraphQL hardening (docs/graphql.md). */
  graphql: {
    /** Accept only operations from the persisted-document manifest codegen writes. */
    trustedDocuments: boolean;
    persistedDocumentsFile: string;
    /** Limits for operations that are not persisted (all of them, when trusted documents are off). */
    maxDepth: number;
    maxAliases: number;
    introspection: boolean;
    /** GraphQL subscriptions over WebSocket on the GraphQL path (docs/realtime.md). */
    websockets: boolean;
    /** statement_timeout per request role, in milliseconds (0 = none). */
    statementTimeoutMs: { anonymous: number; user: number; apiKey: number };
  };
  jwt: {
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    clockToleranceSeconds: number;
    /** PEM (PKCS#8) or JWK JSON of the current signing key; unset outside production = generated in dataDir. */
    privateKey: string | undefined;
    /** JSON array of previous public keys (JWK or PEM) still published in the JWKS. */
    previousPublicKeys: string | undefined;
  };
  /** Refuse a revoked session's access tokens (their `sid`) on /auth/* and GraphQL mutations, not only at refresh. */
  sessionRevocationCheck: boolean;
  refresh: {
    /** HMAC key deriving each refresh token's successor (the grace-window replay answer). */
    secret: string | undefined;
    absoluteTtlSeconds: number;
    idleTtlSeconds: number;
    graceSeconds: number;
    cookieSecure: boolean;
    /** SameSite of the refresh cookie: `strict` (default), `lax`, or `none` for a frontend on another site (needs COOKIE_SECURE). */
    cookieSameSite: "strict" | "lax" | "none";
  };
  login: {
    freeFailures: number;
    lockBaseSeconds: number;
    lockMaxSeconds: number;
  };
  /** Lifetimes of the links in verification and password-reset emails. */
  emailTokens: {
    verifyEmailTtlSeconds: number;
    passwordResetTtlSeconds: number;
  };
  google: {
    issuer: string;
    clientId: string | undefined;
    clientSecret: string | undefined;
    /** Where Google sends the browser back (register it with Google); unset = `${publicUrl}/auth/google/callback`. */
    redirectUri: string | undefined;
  };
  /** API keys (server/src/apiKeys/apiKeys.ts). */
  apiKeys: {
    /** How long a rolled key's previous secret keeps working. */
    rollGraceSeconds: number;
    /** Accept secret keys on requests with an `Origin` header (browsers); off = 403 KYORG. */
    allowSecretFromBrowser: boolean;
    /** How long a verified key is cached in memory (revocation reaches the 401 within this; data access stops at once). */
    cacheSeconds: number;
  };
  /** Rate limits per one-minute window (server/src/rateLimits/installRateLimit.ts). Generous defaults under NODE_ENV=test. */
  rateLimit: {
    enabled: boolean;
    /** Unset = counters in Postgres (app_private.rate_limits); set = counters in this Redis. */
    redisUrl: string | undefined;
    /** POST /auth/* per client IP. */
    authPerMinute: number;
    /** /graphql and /svc/* per API key, else per user, else (anonymous) per IP. */
    graphqlPerMinute: number;
    /** /graphql and /svc/* per workspace; the workspace's `api` entitlement (requests_per_minute) overrides it. */
    tenantPerMinute: number;
  };
  /** API gateway: /svc/<name>/* is proxied to routes[name] (server/src/gateway/installGateway.ts). */
  gateway: {
    /** Shared secret sent upstream as `x-gateway-key` and accepted on /internal/*; see server/src/gateway/gatewayKey.ts. */
    key: string | undefined;
    /** Service key -> upstream base URL, from GATEWAY_ROUTES (JSON) and GATEWAY_ROUTE_<NAME>. */
    routes: Record<string, string>;
    /** Upstream gives no response within this long = 502 UPDWN. */
    timeoutMs: number;
  };
  /** Payments (server/src/billing). Unset key id/secret = billing routes answer BILNC. */
  billing: {
    razorpayKeyId: string | undefined;
    razorpayKeySecret: string | undefined;
    razorpayWebhookSecret: string | undefined;
    /** Razorpay REST base URL; only tests (a local fake server) change it. */
    razorpayApiUrl: string;
  };
  /** Machine-to-machine tokens from POST /auth/service-token (typ `svc+jwt`). */
  serviceTokens: {
    ttlSeconds: number;
    /** Distinct from jwt.audience so a service token is never a user access token, and vice versa. */
    audience: string;
  };
  /** Outbound webhooks (functions/src/lib/webhooks). */
  webhooks: {
    /** Delay before each attempt, in seconds; the first is normally 0. Its length is the number of attempts. */
    retryScheduleSeconds: number[];
    /** An attempt without a complete response within this long fails (hanging or dripping endpoints). */
    timeoutMs: number;
    /** An endpoint failing continuously for this long is disabled (endpoint.disabled event). */
    disableAfterSeconds: number;
    /** Hosts (names, IPs or CIDRs) exempt from the private-address refusal, e.g. `127.0.0.1` for local receivers. */
    allowedHosts: string[];
    /** Response bytes kept (and read) per attempt. */
    maxResponseBytes: number;
    /**
     * Where Slack notifications are POSTed: a preference's URL must be https://hooks.slack.com/services/…, and its
     * path is sent to this origin. Only tests point it elsewhere (a local server speaking Slack's webhook API).
     */
    slackOrigin: string;
  };
  /** Audit log (docs/audit.md). */
  audit: {
    /** Entries older than this many days are removed by the audit__retention cron task (the hash chain is re-anchored). */
    retentionDays: number;
  };
  /** Custom domains (server/src/domains/customDomains.ts, functions/src/tasks/custom_domains__verify.ts). */
  customDomains: {
    /** Our own domains: neither they nor their subdomains can be claimed (APP_DOMAIN, else the hosts of PUBLIC_URL and APP_URL). */
    reserved: string[];
    /** DNS servers (`host`, `host:port`, `[v6]:port`) the verification check asks; empty = the system resolver. */
    dnsServers: string[];
    /** A pending domain whose TXT record is not found within this many hours is marked failed. */
    verifyWindowHours: number;
    /** Credential-free TLS ask hook for a local proxy (Caddy `on_demand_tls.ask`); null = only /internal/tls/ask. */
    tlsAskPath: string | null;
    /** Peers (IPs or CIDRs) allowed to call tlsAskPath. */
    tlsAskAllowedIps: string[];
  };
}

/** One CORS_ORIGINS entry: an exact origin, or a scheme plus a parent domain whose subdomains are allowed. */
export type CorsOrigin = { exact: string } | { scheme: "http:" | "https:"; suffix: string; port: string };

/**
 * CORS_ORIGINS="https://app.example.com, https://*.example.com, http://localhost:5173". Each entry is an origin
 * (scheme, host, optional port; no path, query or credentials); `*.` may lead the host. A bare `*` is refused:
 * credentialed CORS needs the exact origin, and every origin would be a CSRF hole for the refresh cookie.
 */
function corsOrigins(value: string | undefined): CorsOrigin[] {
  const entries = (value ?? "").split(/[\s,]+/).map((e) => e.trim()).filter(Boolean);
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

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`Expected a boolean (true/false), got ${JSON.stringify(value)}`);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return n;
}

/** A rate limit: a positive integer (a limit of 0 would refuse everything; use RATE_LIMIT_ENABLED=false). */
function limit(name: string, value: string | undefined, fallback: number): number {
  const n = int(name, value, fallback);
  if (n < 1) throw new Error(`${name} must be at least 1, got ${JSON.stringify(value)}`);
  return n;
}

const SERVICE_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** GATEWAY_ROUTES='{"crm":"http://127.0.0.1:4001"}' plus GATEWAY_ROUTE_CRM=http://... (the latter wins). */
function gatewayRoutes(env: NodeJS.ProcessEnv): Record<string, string> {
  const routes: Record<string, string> = {};
  const entries: Array<[string, unknown]> = [];
  if (env.GATEWAY_ROUTES) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.GATEWAY_ROUTES);
    } catch {
      throw new Error("GATEWAY_ROUTES must be a JSON object of service name -> upstream URL");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("GATEWAY_ROUTES must be a JSON object");
    entries.push(...Object.entries(parsed));
  }
  for (const [name, value] of Object.entries(env)) {
    const m = /^GATEWAY_ROUTE_([A-Z0-9_]+)$/.exec(name);
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
function retrySchedule(value: string | undefined): number[] {
  if (value === undefined || value === "") return [0, 5, 300, 1800, 7200, 18000, 36000, 36000];
  const parts = value.split(",").map((v) => Number(v.trim()));
  if (parts.length === 0 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new Error(`WEBHOOK_RETRY_SCHEDULE must be comma-separated non-negative seconds, got ${JSON.stringify(value)}`);
  }
  return parts;
}

/** APP_DOMAIN="example.com,example.net", else the (non-IP) hosts of PUBLIC_URL and APP_URL. */
function reservedDomains(env: NodeJS.ProcessEnv, urls: string[]): string[] {
  const names = env.APP_DOMAIN
    ? env.APP_DOMAIN.split(/[\s,]+/)
    : urls.map((u) => {
        try {
          return new URL(u).hostname;
        } catch {
          return "";
        }
      });
  const hosts = names.map((n) => n.trim().toLowerCase().replace(/\.$/, "")).filter((n) => n && isIP(n.replace(/^\[|\]$/g, "")) === 0);
  return [...new Set(hosts)];
}

/** DNS_SERVERS="127.0.0.1:5353,[::1]:53,1.1.1.1": IP addresses with optional ports (what dns.Resolver#setServers takes). */
function dnsServers(value: string | undefined): string[] {
  const servers = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const server of servers) {
    const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(server) ?? [server, server];
    if (isIP(m[1]) === 0 || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535))) {
      throw new Error(`DNS_SERVERS must be comma-separated IP addresses with optional ports (1.1.1.1, 127.0.0.1:5353, [::1]:53), got ${JSON.stringify(server)}`);
    }
  }
  return servers;
}

/** TLS_ASK_PATH: a path outside /internal, or `off`. */
function httpOrigin(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value === "") return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || (url.pathname !== "/" && url.pathname !== "")) {
    throw new Error(`${name} must be an http(s) origin such as ${fallback}, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

function tlsAskPath(value: string | undefined): string | null {
  if (value === undefined || value === "") return "/tls/ask";
  if (value === "off") return null;
  if (!/^\/[A-Za-z0-9._~\/-]*$/.test(value) || /^\/(internal|auth|graphql|svc)(\/|$)/.test(value)) {
    throw new Error(`TLS_ASK_PATH must be a path such as /tls/ask (outside /internal, /auth, /graphql and /svc) or off, got ${JSON.stringify(value)}`);
  }
  return value;
}

function serviceTokenAudience(env: NodeJS.ProcessEnv): string {
  const user = env.JWT_AUDIENCE || "logicspike";
  const audience = env.SERVICE_TOKEN_AUDIENCE || `${user}:internal`;
  if (audience === user) throw new Error("SERVICE_TOKEN_AUDIENCE must differ from JWT_AUDIENCE");
  return audience;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV || "development") as NodeEnv;
  if (!["development", "production", "test"].includes(nodeEnv)) {
    throw new Error(`NODE_ENV must be development, production or test, got ${JSON.stringify(env.NODE_ENV)}`);
  }
  const isDev = nodeEnv === "development";
  // JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET are enforced where they are used (server/src/identity/keys.ts),
  // so the worker, which needs neither, can run without them.
  if (nodeEnv === "production" && !env.DATABASE_URL) {
    throw new Error("DATABASE_URL is required in production; the embedded Postgres is for development only.");
  }
  return {
    env: nodeEnv,
    isDev,
    host: env.HOST || (nodeEnv === "production" ? "0.0.0.0" : "127.0.0.1"),
    port: int("PORT", env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    rootDatabaseUrl: env.ROOT_DATABASE_URL || undefined,
    authDatabaseUrl: env.AUTH_DATABASE_URL || undefined,
    authenticatorRole: env.DATABASE_AUTHENTICATOR || "logicspike_authenticator",
    authenticatorPassword: env.DATABASE_AUTHENTICATOR_PASSWORD || undefined,
    dataDir: path.resolve(env.LOGICSPIKE_DATA_DIR || path.join(__dirname, "..", ".data")),
    embeddedPgPort: int("EMBEDDED_PG_PORT", env.EMBEDDED_PG_PORT, 54329),
    databaseName: env.DATABASE_NAME || "logicspike",
    migrateOnStart: bool(env.MIGRATE_ON_START, true),
    seedOnStart: bool(env.SEED_ON_START, isDev),
    workerInProcess: bool(env.WORKER_IN_PROCESS, true),
    workerConcurrency: int("WORKER_CONCURRENCY", env.WORKER_CONCURRENCY, 5),
    readyzRequireWorker: bool(env.READYZ_REQUIRE_WORKER, false),
    metricsToken: env.METRICS_TOKEN || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info"),
    logFormat: logFormat(env.LOG_FORMAT, isDev),
    bodyLimitBytes: int("BODY_LIMIT_BYTES", env.BODY_LIMIT_BYTES, 102_400),
    trustProxy: trustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: int("SHUTDOWN_TIMEOUT_MS", env.SHUTDOWN_TIMEOUT_MS, 10_000),
    contactInbox: env.CONTACT_INBOX || "operators@logicspike.localhost",
    mailFrom: env.MAIL_FROM || "LogicSpike <no-reply@logicspike.localhost>",
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://127.0.0.1:${int("PORT", env.PORT, 3000)}`).replace(/\/$/, ""),
    appUrl: (env.APP_URL || env.PUBLIC_URL || `http://127.0.0.1:${int("PORT", env.PORT, 3000)}`).replace(/\/$/, ""),
    cors: {
      origins: corsOrigins(env.CORS_ORIGINS),
      maxAgeSeconds: int("CORS_MAX_AGE_SECONDS", env.CORS_MAX_AGE_SECONDS, 600),
    },
    workspaces: {
      maxPerUser: limit("MAX_WORKSPACES_PER_USER", env.MAX_WORKSPACES_PER_USER, 10),
    },
    sessionRevocationCheck: bool(env.SESSION_REVOCATION_CHECK, true),
    graphql: {
      trustedDocuments: bool(env.GRAPHQL_TRUSTED_DOCUMENTS, nodeEnv === "production"),
      persistedDocumentsFile: path.resolve(
        env.GRAPHQL_PERSISTED_DOCUMENTS_FILE || path.join(__dirname, "..", "sdk", "generated", "persisted-documents.json"),
      ),
      maxDepth: int("GRAPHQL_MAX_DEPTH", env.GRAPHQL_MAX_DEPTH, 12),
      maxAliases: int("GRAPHQL_MAX_ALIASES", env.GRAPHQL_MAX_ALIASES, 30),
      introspection: bool(env.GRAPHQL_INTROSPECTION, nodeEnv !== "production"),
      websockets: bool(env.GRAPHQL_WEBSOCKETS, true),
      statementTimeoutMs: {
        anonymous: int("STATEMENT_TIMEOUT_MS_ANONYMOUS", env.STATEMENT_TIMEOUT_MS_ANONYMOUS, 5_000),
        user: int("STATEMENT_TIMEOUT_MS_USER", env.STATEMENT_TIMEOUT_MS_USER, 15_000),
        apiKey: int("STATEMENT_TIMEOUT_MS_API_KEY", env.STATEMENT_TIMEOUT_MS_API_KEY, 15_000),
      },
    },
    jwt: {
      issuer: env.JWT_ISSUER || "logicspike",
      audience: env.JWT_AUDIENCE || "logicspike",
      accessTokenTtlSeconds: int("ACCESS_TOKEN_TTL_SECONDS", env.ACCESS_TOKEN_TTL_SECONDS, 900),
      clockToleranceSeconds: int("JWT_CLOCK_TOLERANCE_SECONDS", env.JWT_CLOCK_TOLERANCE_SECONDS, 5),
      privateKey: env.JWT_PRIVATE_KEY || undefined,
      previousPublicKeys: env.JWT_PREVIOUS_PUBLIC_KEYS || undefined,
    },
    refresh: {
      secret: env.REFRESH_TOKEN_SECRET || undefined,
      absoluteTtlSeconds: int("REFRESH_TOKEN_TTL_SECONDS", env.REFRESH_TOKEN_TTL_SECONDS, 30 * 86400),
      idleTtlSeconds: int("REFRESH_TOKEN_IDLE_SECONDS", env.REFRESH_TOKEN_IDLE_SECONDS, 7 * 86400),
      graceSeconds: int("REFRESH_TOKEN_GRACE_SECONDS", env.REFRESH_TOKEN_GRACE_SECONDS, 30),
      cookieSecure: bool(env.COOKIE_SECURE, true),
      cookieSameSite: cookieSameSite(env.REFRESH_COOKIE_SAMESITE, bool(env.COOKIE_SECURE, true)),
    },
    login: {
      freeFailures: int("LOGIN_FREE_FAILURES", env.LOGIN_FREE_FAILURES, 5),
      lockBaseSeconds: int("LOGIN_LOCK_BASE_SECONDS", env.LOGIN_LOCK_BASE_SECONDS, 30),
      lockMaxSeconds: int("LOGIN_LOCK_MAX_SECONDS", env.LOGIN_LOCK_MAX_SECONDS, 900),
    },
    emailTokens: {
      verifyEmailTtlSeconds: int("EMAIL_VERIFY_TTL_SECONDS", env.EMAIL_VERIFY_TTL_SECONDS, 86400),
      passwordResetTtlSeconds: int("PASSWORD_RESET_TTL_SECONDS", env.PASSWORD_RESET_TTL_SECONDS, 3600),
    },
    google: {
      issuer: env.GOOGLE_ISSUER || "https://accounts.google.com",
      clientId: env.GOOGLE_CLIENT_ID || undefined,
      clientSecret: env.GOOGLE_CLIENT_SECRET || undefined,
      redirectUri: env.GOOGLE_REDIRECT_URI || undefined,
    },
    apiKeys: {
      rollGraceSeconds: int("API_KEY_ROLL_GRACE_SECONDS", env.API_KEY_ROLL_GRACE_SECONDS, 86400),
      allowSecretFromBrowser: bool(env.API_KEY_ALLOW_SECRET_FROM_BROWSER, false),
      cacheSeconds: int("API_KEY_CACHE_SECONDS", env.API_KEY_CACHE_SECONDS, 30),
    },
    rateLimit: {
      enabled: bool(env.RATE_LIMIT_ENABLED, true),
      redisUrl: env.REDIS_URL || undefined,
      authPerMinute: limit("RATE_LIMIT_AUTH_PER_MINUTE", env.RATE_LIMIT_AUTH_PER_MINUTE, nodeEnv === "test" ? 100_000 : 60),
      graphqlPerMinute: limit("RATE_LIMIT_GRAPHQL_PER_MINUTE", env.RATE_LIMIT_GRAPHQL_PER_MINUTE, nodeEnv === "test" ? 1_000_000 : 600),
      tenantPerMinute: limit("RATE_LIMIT_TENANT_PER_MINUTE", env.RATE_LIMIT_TENANT_PER_MINUTE, nodeEnv === "test" ? 1_000_000 : 3000),
    },
    gateway: {
      key: env.GATEWAY_KEY || undefined,
      routes: gatewayRoutes(env),
      timeoutMs: int("GATEWAY_TIMEOUT_MS", env.GATEWAY_TIMEOUT_MS, 30_000),
    },
    billing: {
      razorpayKeyId: env.RAZORPAY_KEY_ID || undefined,
      razorpayKeySecret: env.RAZORPAY_KEY_SECRET || undefined,
      razorpayWebhookSecret: env.RAZORPAY_WEBHOOK_SECRET || undefined,
      razorpayApiUrl: (env.RAZORPAY_API_URL || "https://api.razorpay.com").replace(/\/$/, ""),
    },
    serviceTokens: {
      ttlSeconds: int("SERVICE_TOKEN_TTL_SECONDS", env.SERVICE_TOKEN_TTL_SECONDS, 300),
      audience: serviceTokenAudience(env),
    },
    webhooks: {
      retryScheduleSeconds: retrySchedule(env.WEBHOOK_RETRY_SCHEDULE),
      timeoutMs: int("WEBHOOK_TIMEOUT_MS", env.WEBHOOK_TIMEOUT_MS, 15_000),
      disableAfterSeconds: int("WEBHOOK_DISABLE_AFTER_SECONDS", env.WEBHOOK_DISABLE_AFTER_SECONDS, 5 * 86400),
      allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? "").split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter(Boolean),
      maxResponseBytes: int("WEBHOOK_MAX_RESPONSE_BYTES", env.WEBHOOK_MAX_RESPONSE_BYTES, 2048),
      slackOrigin: httpOrigin("SLACK_WEBHOOK_ORIGIN", env.SLACK_WEBHOOK_ORIGIN, "https://hooks.slack.com"),
    },
    audit: {
      retentionDays: limit("AUDIT_RETENTION_DAYS", env.AUDIT_RETENTION_DAYS, 365),
    },
    customDomains: {
      reserved: reservedDomains(env, [env.PUBLIC_URL ?? "", env.APP_URL ?? ""]),
      dnsServers: dnsServers(env.DNS_SERVERS),
      verifyWindowHours: limit("CUSTOM_DOMAIN_VERIFY_HOURS", env.CUSTOM_DOMAIN_VERIFY_HOURS, 72),
      tlsAskPath: tlsAskPath(env.TLS_ASK_PATH),
      tlsAskAllowedIps: (env.TLS_ASK_ALLOWED_IPS ?? "127.0.0.1,::1").split(/[\s,]+/).map((h) => h.trim()).filter(Boolean),
    },
  };
}

/** REFRESH_COOKIE_SAMESITE: browsers drop `SameSite=None` cookies that are not `Secure`, so that pair is refused at start. */
function cookieSameSite(value: string | undefined, secure: boolean): "strict" | "lax" | "none" {
  const v = (value || "strict").toLowerCase();
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
 * For entry points (`npm start`, `npm run worker`): a setting that does not parse ends the process with its
 * message on one line, exit code 2, instead of a stack trace through the loader.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    process.stderr.write(`LogicSpike Core cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
}

/**
 * TRUST_PROXY: unset/`false` trusts no proxy (req.ip is the socket address);
 * `true` trusts every hop (only behind a proxy that overwrites
 * X-Forwarded-For); a number trusts that many hops; anything else is passed to
 * Express as a list of trusted addresses/subnets, e.g. `loopback, 10.0.0.0/8`.
 */
function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
