/**
 * Every environment variable the platform reads, declared once: its parser, its default, and the default and
 * meaning docs/configuration.md shows (`npm run docs:config` writes that page from here; test/docs.test.ts fails
 * when it is stale). The Config type is inferred from these declarations (core/config/declare.ts), and every
 * process loads it once, at start: the server, the worker (which hands it to its tasks) and the CLIs.
 */
import path from "node:path";
import { computed, resolve, section, setting, type ConfigOf, type Context } from "./config/declare";
import {
  absolutePath, baseUrl, bool, cookieSameSite, corsOrigins, dnsServers, GATEWAY_ROUTE, gatewayRoutes, hostsOf, httpOrigin, int, limit,
  list, logFormat, nodeEnv, optionalText, reservedDomains, retrySchedule, text, tlsAskPath, trustProxy,
} from "./config/parsers";
import { oidcProviders, providerUrl } from "./config/signInProviders";

export { logFormat, type CorsOrigin, type NodeEnv } from "./config/parsers";

const ROOT = path.join(__dirname, "..");
const SLACK_ORIGIN = "https://hooks.slack.com";

// Settings whose value other defaults use, declared first and placed in their sections below like the rest.
const environment = setting({
  name: "NODE_ENV", parse: nodeEnv, default: "development",
  doc: "`development` (Ruru, `db/migrations/current/` applied, seed), `test`, or `production` (requires `DATABASE_URL`)",
});
const port = setting({ name: "PORT", parse: int, default: 3000, doc: "HTTP port" });
const publicUrl = setting({
  name: "PUBLIC_URL", parse: baseUrl, default: ({ get }) => `http://127.0.0.1:${get(port)}`, shown: "`http://127.0.0.1:$PORT`",
  doc: "This server's public base URL (OAuth redirect URI base)",
});
const appUrl = setting({
  name: "APP_URL", parse: baseUrl, default: ({ get }) => get(publicUrl), shown: "`PUBLIC_URL`",
  doc: "The frontend's base URL (links in emails, OAuth landing page); an allowed CORS origin. With the default, the server's own pages answer the email links ([docs/email-links.md](email-links.md))",
});
const cookieSecure = setting({ name: "COOKIE_SECURE", parse: bool, default: true, doc: "`Secure` flag on the refresh cookie" });
const jwtAudience = setting({ name: "JWT_AUDIENCE", parse: text, default: "logicspike", doc: "Pinned `aud` of access tokens" });
/** Defaults that differ under NODE_ENV=production or NODE_ENV=test. */
const whenProduction = <T>(production: T, otherwise: T) => ({ get }: Context) => (get(environment) === "production" ? production : otherwise);
const whenTest = <T>(test: T, otherwise: T) => ({ get }: Context) => (get(environment) === "test" ? test : otherwise);

/** The sections of docs/configuration.md, in order; each one's keys are top-level keys of Config. */
export const SECTIONS = [
  section("Runtime", {
    env: environment,
    /** Development conveniences: Ruru, current.sql applied on start, seed data. Off in test and production. */
    isDev: computed((get) => get(environment) === "development"),
  }),
  // Second, so that a production start without DATABASE_URL says so before anything else.
  section("Database", {
    databaseUrl: setting({
      name: "DATABASE_URL", parse: optionalText, shown: "unset → embedded Postgres", doc: "Owner connection: migrations, worker, trusted server-side work",
      default: ({ get }) => {
        // JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET are enforced where they are used (server/src/identity/keys.ts),
        // so the worker, which needs neither, can run without them.
        if (get(environment) === "production") throw new Error("DATABASE_URL is required in production; the embedded Postgres is for development only.");
        return undefined;
      },
    }),
    rootDatabaseUrl: setting({
      name: "ROOT_DATABASE_URL", parse: optionalText, default: undefined,
      doc: "Superuser connection for the setup step (roles, database, extensions); without it setup is skipped",
    }),
    authDatabaseUrl: setting({
      name: "AUTH_DATABASE_URL", parse: optionalText, default: undefined, shown: "`DATABASE_URL` with the authenticator's user and password",
      doc: "Connection PostGraphile uses",
    }),
    databaseDirectUrl: setting({
      name: "DATABASE_DIRECT_URL", parse: optionalText, default: undefined, shown: "`DATABASE_URL`",
      doc: "Owner connection straight to Postgres when `DATABASE_URL`/`AUTH_DATABASE_URL` go through a transaction-mode pooler (pgbouncer): worker and realtime `LISTEN`, migrations' session advisory lock; setting it also turns off named statements on the pooled owner pool ([scaling.md](scaling.md#pgbouncer))",
    }),
    authenticatorRole: setting({ name: "DATABASE_AUTHENTICATOR", parse: text, default: "logicspike_authenticator", doc: "Authenticator role name (when `AUTH_DATABASE_URL` is unset)" }),
    authenticatorPassword: setting({ name: "DATABASE_AUTHENTICATOR_PASSWORD", parse: optionalText, default: undefined, doc: "Its password (when `AUTH_DATABASE_URL` is unset)" }),
    databaseName: setting({ name: "DATABASE_NAME", parse: text, default: "logicspike", doc: "Database name for the embedded Postgres" }),
    embeddedPgPort: setting({ name: "EMBEDDED_PG_PORT", parse: int, default: 54329, doc: "Port of the embedded Postgres (loopback only)" }),
    dataDir: setting({
      name: "LOGICSPIKE_DATA_DIR", parse: absolutePath, default: path.join(ROOT, ".data"), shown: "`./.data`",
      doc: "Embedded Postgres data, generated dev credentials, dev signing keys",
    }),
    migrateOnStart: setting({ name: "MIGRATE_ON_START", parse: bool, default: true, doc: "Run setup + migrations in `npm start`" }),
    seedOnStart: setting({ name: "SEED_ON_START", parse: bool, default: ({ get }) => get(environment) === "development", shown: "`true` in development", doc: "Apply `db/seed.sql` in `npm start`" }),
  }, {
    note: "The embedded Postgres never runs with a well-known password: superuser, owner and authenticator passwords\nare generated on first start into `.data/dev-credentials.json`.",
  }),
  section("HTTP server", {
    host: setting({ name: "HOST", parse: text, default: whenProduction("0.0.0.0", "127.0.0.1"), shown: "`127.0.0.1` (`0.0.0.0` in production)", doc: "Interface the HTTP server binds" }),
    port,
    publicUrl,
    appUrl,
    emailLinkPages: setting({
      name: "EMAIL_LINK_PAGES",
      parse: (raw: string, { name }: { name: string }) => {
        if (raw !== "console" && raw !== "minimal") throw new Error(`${name} must be console or minimal, got ${JSON.stringify(raw)}`);
        return raw;
      },
      default: "console" as "console" | "minimal",
      doc: "Which pages answer the email links on this server (with the default `APP_URL`): `console`, the console's own (console/src/pages/EmailLinks.tsx; without a console build the minimal pages answer), or `minimal`, the server's small pages (server/src/pages)",
    }),
    /** Largest accepted request body, in bytes. */
    bodyLimitBytes: setting({ name: "BODY_LIMIT_BYTES", parse: int, default: 102_400, doc: "Largest request body; larger gets 413 `TOOBG`" }),
    /** Express `trust proxy`. */
    trustProxy: setting({
      name: "TRUST_PROXY", parse: trustProxy, default: false,
      doc: "Which proxies' `X-Forwarded-For` to believe for the client IP (per-IP rate limits, logs): `false`, `true`, a hop count, or addresses/subnets such as `loopback, 10.0.0.0/8`",
    }),
    shutdownTimeoutMs: setting({ name: "SHUTDOWN_TIMEOUT_MS", parse: int, default: 10_000, doc: "How long in-flight requests get on SIGTERM" }),
  }),
  section("Worker", {
    workerInProcess: setting({ name: "WORKER_IN_PROCESS", parse: bool, default: true, doc: "Run the graphile-worker inside `npm start`" }),
    workerConcurrency: setting({ name: "WORKER_CONCURRENCY", parse: int, default: 5, doc: "Jobs run in parallel per worker" }),
  }),
  // LOG_LEVEL and LOG_FORMAT are also read by core/logger.ts, which exists before the config does.
  section("Logs and monitoring", {
    logLevel: setting({ name: "LOG_LEVEL", parse: text, default: whenTest("silent", "info"), shown: "`info` (`silent` in test)", doc: "pino level" }),
    logFormat: setting({
      name: "LOG_FORMAT",
      parse: (raw, { get }) => logFormat(raw, get(environment) === "development"),
      default: ({ get }) => logFormat(undefined, get(environment) === "development"),
      shown: "`pretty` in development with a terminal on stdout, else `json`",
      doc: "`pretty`: one readable line per entry (pino-pretty); `json`: one JSON object per line for log shippers",
    }),
    metricsToken: setting({ name: "METRICS_TOKEN", parse: optionalText, default: undefined, shown: "unset → loopback only", doc: "Bearer token Prometheus sends to scrape `GET /metrics` from elsewhere" }),
    readyzRequireWorker: setting({
      name: "READYZ_REQUIRE_WORKER", parse: bool, default: false,
      doc: "`/readyz` is 503 unless some worker sent a heartbeat in the last 30 s (it always reports `checks.workers`)",
    }),
  }),
  // core/tracing.ts decides from these before the config is loaded (it must run before http, express and pg
  // are required); the OpenTelemetry SDK reads them, and every other OTEL_* variable, itself. docs/tracing.md.
  section("Tracing", {}, {
    readElsewhere: [
      {
        name: "OTEL_TRACES_EXPORTER", readBy: "core/tracing.ts and the OpenTelemetry SDK", shown: "unset → tracing off",
        doc: "`otlp` turns tracing on (spans of HTTP requests, GraphQL operations, Postgres queries and worker jobs; see [tracing.md](tracing.md)); `none` keeps it off",
      },
      {
        name: "OTEL_EXPORTER_OTLP_ENDPOINT", readBy: "core/tracing.ts and the OpenTelemetry SDK", shown: "unset → tracing off",
        doc: "Collector base URL (`http://otel-collector:4318`, Jaeger's OTLP port; `/v1/traces` is appended); setting it also turns tracing on",
      },
      {
        name: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", readBy: "core/tracing.ts and the OpenTelemetry SDK", shown: "unset",
        doc: "The full traces URL (`http://otel-collector:4318/v1/traces`), instead of the base URL; also turns tracing on",
      },
      {
        name: "OTEL_EXPORTER_OTLP_PROTOCOL", readBy: "the OpenTelemetry SDK", shown: "`http/protobuf`",
        doc: "`http/protobuf`, `http/json` or `grpc` (port 4317)",
      },
      { name: "OTEL_SERVICE_NAME", readBy: "the OpenTelemetry SDK", shown: "`logicspike-core`", doc: "`service.name` of the spans; give the standalone worker its own (`logicspike-worker`)" },
      {
        name: "OTEL_TRACES_SAMPLER", readBy: "the OpenTelemetry SDK", shown: "`parentbased_always_on`",
        doc: "E.g. `parentbased_traceidratio` with `OTEL_TRACES_SAMPLER_ARG=0.1` to keep a tenth of the traces",
      },
      {
        name: "OTEL_PROPAGATORS", readBy: "core/tracing.ts and the OpenTelemetry SDK", shown: "unset → none",
        doc: "Trace headers read from requests and sent on outgoing ones (webhook POSTs included), e.g. `tracecontext` behind a gateway you trust; unset, none are read or sent (the outbox link still works)",
      },
      { name: "OTEL_SDK_DISABLED", readBy: "core/tracing.ts and the OpenTelemetry SDK", shown: "`false`", doc: "`true` keeps tracing off whatever else is set" },
    ],
  }),
  // server/src/http/installCors.ts, docs/frontends.md. APP_URL, PUBLIC_URL and verified custom domains are added at run time.
  section("Browsers on other origins", {
    cors: {
      origins: setting({
        name: "CORS_ORIGINS", parse: corsOrigins, default: [], shown: "unset",
        doc: "Further browser origins allowed to call `/graphql`, `/auth/*`, `/svc/*`, `/billing/*`, `/audit/*` with credentials: exact origins (`https://app.example.com`, `http://localhost:5173`) and `https://*.example.com` (subdomains), comma-separated; checked at start-up (`*`, paths and bare hosts are refused). `APP_URL`, `PUBLIC_URL` and verified custom domains are always allowed",
      }),
      maxAgeSeconds: setting({ name: "CORS_MAX_AGE_SECONDS", parse: int, default: 600, doc: "How long browsers may cache a preflight answer (`Access-Control-Max-Age`)" }),
    },
  }),
  // app_public.create_workspace.
  section("Workspaces", {
    workspaces: {
      maxPerUser: setting({ name: "MAX_WORKSPACES_PER_USER", parse: limit, default: 10, doc: "Workspaces one person may own; `createWorkspace` beyond it is `403 WSLIM`" }),
    },
  }),
  // GraphQL hardening (docs/graphql.md).
  section("GraphQL", {
    graphql: {
      trustedDocuments: setting({
        name: "GRAPHQL_TRUSTED_DOCUMENTS", parse: bool, default: whenProduction(true, false), shown: "`true` in production, else `false`",
        doc: "Accept only operations from the persisted-document manifest (`400 DOCID` otherwise)",
      }),
      persistedDocumentsFile: setting({
        name: "GRAPHQL_PERSISTED_DOCUMENTS_FILE", parse: absolutePath, default: path.join(ROOT, "sdk", "generated", "persisted-documents.json"),
        shown: "`sdk/generated/persisted-documents.json`", doc: "The manifest `npm run codegen` writes (hash → document)",
      }),
      // Limits for operations that are not persisted (all of them, when trusted documents are off).
      maxDepth: setting({ name: "GRAPHQL_MAX_DEPTH", parse: int, default: 12, doc: "Depth cap for operations that are not persisted (`400 QLIMT`)" }),
      maxAliases: setting({ name: "GRAPHQL_MAX_ALIASES", parse: int, default: 30, doc: "Alias cap for operations that are not persisted (`400 QLIMT`)" }),
      introspection: setting({
        name: "GRAPHQL_INTROSPECTION", parse: bool, default: whenProduction(false, true), shown: "`false` in production, else `true`",
        doc: "Allow `__schema`/`__type` in operations that are not persisted",
      }),
      websockets: setting({
        name: "GRAPHQL_WEBSOCKETS", parse: bool, default: true,
        doc: "GraphQL subscriptions over WebSocket (`graphql-ws`) on `/graphql`; see [realtime.md](realtime.md)",
      }),
      /** statement_timeout per request role, in milliseconds (0 = none). */
      statementTimeoutMs: {
        anonymous: setting({ name: "STATEMENT_TIMEOUT_MS_ANONYMOUS", parse: int, default: 5_000, doc: "`statement_timeout` of each anonymous GraphQL request's transaction" }),
        user: setting({ name: "STATEMENT_TIMEOUT_MS_USER", parse: int, default: 15_000, doc: "`statement_timeout` of each signed-in user's GraphQL request's transaction" }),
        apiKey: setting({ name: "STATEMENT_TIMEOUT_MS_API_KEY", parse: int, default: 15_000, doc: "`statement_timeout` of each API-key GraphQL request's transaction" }),
      },
    },
  }, {
    readElsewhere: [
      {
        name: "GRAPHILE_ENV", readBy: "server/src/graphql/graphileEnv.ts, before PostGraphile loads",
        shown: "`production` when `NODE_ENV=production`, else `development`", doc: "Grafast/PostGraphile mode (development adds explain output and friendlier errors)",
      },
      {
        name: "DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE", readBy: "@dataplan/pg (PostGraphile) itself", shown: "`100`",
        doc: "PostGraphile's prepared statements per connection; `0` behind pgbouncer in transaction mode (see [scaling.md](scaling.md))",
      },
    ],
  }),
  // docs/identity.md; the keys and the refresh secret are loaded by server/src/identity/keys.ts.
  section("Tokens and sessions", {
    jwt: {
      /** PEM (PKCS#8) or JWK JSON of the current signing key; unset outside production = generated in dataDir. */
      privateKey: setting({
        name: "JWT_PRIVATE_KEY", parse: optionalText, default: undefined, shown: "generated in `.data/keys` outside production",
        doc: "RS256 signing key, PKCS#8 PEM or private JWK JSON (required in production)",
      }),
      previousPublicKeys: setting({
        name: "JWT_PREVIOUS_PUBLIC_KEYS", parse: optionalText, default: undefined,
        doc: "JSON array of previous public keys (JWK or PEM) kept in the JWKS after a rotation",
      }),
      issuer: setting({ name: "JWT_ISSUER", parse: text, default: "logicspike", doc: "Pinned `iss` of access tokens" }),
      audience: jwtAudience,
      accessTokenTtlSeconds: setting({ name: "ACCESS_TOKEN_TTL_SECONDS", parse: int, default: 900, doc: "Access-token lifetime" }),
      clockToleranceSeconds: setting({ name: "JWT_CLOCK_TOLERANCE_SECONDS", parse: int, default: 5, doc: "Allowed clock skew when verifying" }),
    },
    refresh: {
      /** HMAC key deriving each refresh token's successor (the grace-window replay answer). */
      secret: setting({
        name: "REFRESH_TOKEN_SECRET", parse: optionalText, default: undefined, shown: "generated in `.data/keys` outside production",
        doc: "≥ 32 bytes; derives each refresh token's successor (required in production)",
      }),
      absoluteTtlSeconds: setting({ name: "REFRESH_TOKEN_TTL_SECONDS", parse: int, default: 30 * 86400, shown: "`2592000` (30 days)", doc: "Absolute session lifetime" }),
      idleTtlSeconds: setting({ name: "REFRESH_TOKEN_IDLE_SECONDS", parse: int, default: 7 * 86400, shown: "`604800` (7 days)", doc: "A session unused this long ends" }),
      graceSeconds: setting({ name: "REFRESH_TOKEN_GRACE_SECONDS", parse: int, default: 30, doc: "Window in which a rotated token may be replayed to recover a lost response" }),
      cookieSecure,
      cookieSameSite: setting({
        name: "REFRESH_COOKIE_SAMESITE", parse: (raw, { get }) => cookieSameSite(raw, get(cookieSecure)), default: "strict",
        doc: "SameSite of the refresh cookie: `strict`, `lax`, or `none` for a frontend on another *site* (needs `COOKIE_SECURE=true`; see [frontends.md](frontends.md))",
      }),
    },
    sessionRevocationCheck: setting({
      name: "SESSION_REVOCATION_CHECK", parse: bool, default: true,
      doc: "Refuse a signed-out or revoked session's access tokens (`sid`) on signed-in `/auth/*` routes and GraphQL mutations at once (one primary-key read per such request), not only at refresh",
    }),
  }),
  section("Sign-in", {
    login: {
      freeFailures: setting({ name: "LOGIN_FREE_FAILURES", parse: int, default: 5, doc: "Failed sign-ins per email before locking" }),
      lockBaseSeconds: setting({ name: "LOGIN_LOCK_BASE_SECONDS", parse: int, default: 30, doc: "First lock; it doubles with each further failure" }),
      lockMaxSeconds: setting({ name: "LOGIN_LOCK_MAX_SECONDS", parse: int, default: 900, doc: "Longest lock: the doubling is capped here" }),
    },
    /** Lifetimes of the links in verification and password-reset emails. */
    emailTokens: {
      verifyEmailTtlSeconds: setting({ name: "EMAIL_VERIFY_TTL_SECONDS", parse: int, default: 86400, shown: "`86400` (24 h)", doc: "How long an email-verification link works" }),
      passwordResetTtlSeconds: setting({ name: "PASSWORD_RESET_TTL_SECONDS", parse: int, default: 3600, shown: "`3600` (1 h)", doc: "How long a password-reset link works" }),
    },
    /** Passwordless sign-in by email (POST /auth/magic-link, docs/identity.md#magic-links-and-one-time-codes). */
    magicLink: {
      ttlSeconds: setting({ name: "MAGIC_LINK_TTL_SECONDS", parse: limit, default: 900, shown: "`900` (15 min)", doc: "How long a sign-in link and its one-time code work" }),
      maxPerAddress: setting({ name: "MAGIC_LINK_MAX_PER_ADDRESS", parse: limit, default: 5, doc: "Sign-in emails one address may request per hour (`429 RATLM` beyond)" }),
      maxPerIp: setting({ name: "MAGIC_LINK_MAX_PER_IP", parse: limit, default: whenTest(1000, 30), shown: "`30` (`1000` in test)", doc: "Sign-in emails one client IP may request per hour (`429 RATLM` beyond)" }),
    },
    /** Personal data exports (POST /auth/account/export, docs/identity.md#data-export). */
    dataExport: {
      ttlSeconds: setting({ name: "DATA_EXPORT_TTL_SECONDS", parse: limit, default: 86400, shown: "`86400` (24 h)", doc: "How long a data export's download link works; the archive is deleted after it" }),
      maxPerDay: setting({ name: "DATA_EXPORT_MAX_PER_DAY", parse: limit, default: 3, doc: "Data exports one user may request per 24 h (`429 RATLM` beyond)" }),
    },
    google: {
      issuer: setting({ name: "GOOGLE_ISSUER", parse: text, default: "https://accounts.google.com", doc: "OIDC issuer for Google sign-in (tests point it at a local OIDC server)" }),
      clientId: setting({ name: "GOOGLE_CLIENT_ID", parse: optionalText, default: undefined, shown: "unset → Google sign-in off", doc: "OAuth client id" }),
      clientSecret: setting({ name: "GOOGLE_CLIENT_SECRET", parse: optionalText, default: undefined, doc: "OAuth client secret" }),
      /** Unset = `${publicUrl}/auth/google/callback`, filled in where it is used. */
      redirectUri: setting({
        name: "GOOGLE_REDIRECT_URI", parse: optionalText, default: undefined, shown: "`$PUBLIC_URL/auth/google/callback`",
        doc: "Where Google sends the browser back; register exactly this URI with Google",
      }),
    },
    // server/src/identity/oidcProviders.ts; docs/identity.md#other-openid-connect-providers.
    oidc: {
      providers: setting({
        name: "OIDC_PROVIDERS", parse: oidcProviders, default: {}, shown: "unset → none",
        doc: "Further OpenID Connect sign-in providers (Keycloak, Okta, GitLab, Microsoft…), JSON `{\"<id>\": {\"issuer\", \"client_id\", \"client_secret\"?, \"name\"?, \"scope\"?, \"redirect_uri\"?}}`; sign-in at `/auth/oidc/<id>/start`",
      }),
    },
    // server/src/identity/github.ts; docs/identity.md#github-sign-in.
    github: {
      clientId: setting({ name: "GITHUB_CLIENT_ID", parse: optionalText, default: undefined, shown: "unset → GitHub sign-in off", doc: "GitHub OAuth app client id (needs `GITHUB_CLIENT_SECRET`)" }),
      clientSecret: setting({ name: "GITHUB_CLIENT_SECRET", parse: optionalText, default: undefined, doc: "GitHub OAuth app client secret" }),
      /** Unset = `${publicUrl}/auth/github/callback`, filled in where it is used. */
      redirectUri: setting({
        name: "GITHUB_REDIRECT_URI", parse: optionalText, default: undefined, shown: "`$PUBLIC_URL/auth/github/callback`",
        doc: "Where GitHub sends the browser back; the OAuth app's callback URL",
      }),
      authorizeUrl: setting({
        name: "GITHUB_AUTHORIZE_URL", parse: (raw) => providerUrl(raw, "GITHUB_AUTHORIZE_URL"), default: "https://github.com/login/oauth/authorize",
        doc: "GitHub's authorization page (GitHub Enterprise Server: `https://<host>/login/oauth/authorize`)",
      }),
      tokenUrl: setting({
        name: "GITHUB_TOKEN_URL", parse: (raw) => providerUrl(raw, "GITHUB_TOKEN_URL"), default: "https://github.com/login/oauth/access_token",
        doc: "GitHub's code-for-token endpoint (Enterprise Server: `https://<host>/login/oauth/access_token`)",
      }),
      apiUrl: setting({
        name: "GITHUB_API_URL", parse: (raw) => providerUrl(raw, "GITHUB_API_URL").replace(/\/$/, ""), default: "https://api.github.com",
        doc: "GitHub's REST API base, for `/user` and `/user/emails` (Enterprise Server: `https://<host>/api/v3`)",
      }),
    },
  }),
  // Sent by the worker (functions/src/lib/mailer.ts).
  section("Email", {
    smtpUrl: setting({ name: "SMTP_URL", parse: optionalText, default: undefined, shown: "unset → emails are logged", doc: "`smtp://user:pass@host:port` for outgoing mail" }),
    mailFrom: setting({ name: "MAIL_FROM", parse: text, default: "LogicSpike <no-reply@logicspike.localhost>", doc: "Sender address" }),
    contactInbox: setting({ name: "CONTACT_INBOX", parse: text, default: "operators@logicspike.localhost", doc: "Where contact-form messages are delivered" }),
  }),
  // server/src/apiKeys/apiKeys.ts.
  section("API keys", {
    apiKeys: {
      rollGraceSeconds: setting({ name: "API_KEY_ROLL_GRACE_SECONDS", parse: int, default: 86400, shown: "`86400` (24 h)", doc: "How long a rolled API key's previous secret keeps working" }),
      allowSecretFromBrowser: setting({
        name: "API_KEY_ALLOW_SECRET_FROM_BROWSER", parse: bool, default: false,
        doc: "Accept secret API keys on requests with an `Origin` header (otherwise `403 KYORG`)",
      }),
      cacheSeconds: setting({
        name: "API_KEY_CACHE_SECONDS", parse: int, default: 30,
        doc: "How long a verified API key is cached in memory; a revoked key is answered `401` within this (its data access stops at once)",
      }),
    },
  }),
  // server/src/rateLimits/installRateLimit.ts; generous defaults under NODE_ENV=test.
  section("Rate limits", {
    rateLimit: {
      enabled: setting({ name: "RATE_LIMIT_ENABLED", parse: bool, default: true, doc: "Rate limits on `POST /auth/*`, `/graphql` and `/svc/*` (see [rate-limits.md](rate-limits.md))" }),
      authPerMinute: setting({
        name: "RATE_LIMIT_AUTH_PER_MINUTE", parse: limit, default: whenTest(100_000, 60), shown: "`60` (`100000` in test)",
        doc: "`POST /auth/*` requests per client IP per minute",
      }),
      graphqlPerMinute: setting({
        name: "RATE_LIMIT_GRAPHQL_PER_MINUTE", parse: limit, default: whenTest(1_000_000, 600), shown: "`600` (`1000000` in test)",
        doc: "`/graphql` + `/svc/*` requests per API key, else per user, else per IP, per minute",
      }),
      tenantPerMinute: setting({
        name: "RATE_LIMIT_TENANT_PER_MINUTE", parse: limit, default: whenTest(1_000_000, 3000), shown: "`3000` (`1000000` in test)",
        doc: "`/graphql` + `/svc/*` requests per workspace per minute, unless its `api` entitlement sets `requests_per_minute`",
      }),
      redisUrl: setting({
        name: "REDIS_URL", parse: optionalText, default: undefined, shown: "unset → counters in Postgres",
        doc: "`redis://…`: keep rate-limit counters in Redis instead of `app_private.rate_limits`",
      }),
    },
  }),
  // /svc/<name>/* is proxied to gateway.routes[name] (server/src/gateway/installGateway.ts); docs/api-keys-and-gateway.md.
  section("Gateway and service tokens", {
    gateway: {
      routes: setting({
        name: "GATEWAY_ROUTES",
        parse: (raw, { family }) => gatewayRoutes(raw, family),
        default: ({ family }) => gatewayRoutes(undefined, family),
        shown: "unset → no gateway routes",
        doc: "JSON object of service key → upstream base URL, e.g. `{\"crm\":\"http://127.0.0.1:4001\"}`; `/svc/crm/*` is proxied there",
        family: {
          pattern: GATEWAY_ROUTE, name: "GATEWAY_ROUTE_<NAME>", shown: "unset",
          doc: "One route per variable (`GATEWAY_ROUTE_CRM=http://…` → service `crm`); wins over `GATEWAY_ROUTES`",
        },
      }),
      /** Shared secret sent upstream and accepted on /internal/*; see server/src/gateway/gatewayKey.ts. */
      key: setting({
        name: "GATEWAY_KEY", parse: optionalText, default: undefined, shown: "random per process outside production",
        doc: "≥ 32 characters; sent upstream as `x-gateway-key` and accepted on `/internal/*`. Required in production when any gateway route is configured",
      }),
      timeoutMs: setting({ name: "GATEWAY_TIMEOUT_MS", parse: int, default: 30_000, doc: "An upstream that does not answer within this long gives `502 UPDWN`" }),
      idempotencyRetentionDays: setting({
        name: "SERVICES_IDEMPOTENCY_RETENTION_DAYS", parse: limit, default: 30,
        doc: "Idempotency keys of the services API (metered calls, published events) older than this are removed daily by the `services__retention` cron task; a key replayed later applies again",
      }),
    },
    /** Machine-to-machine tokens from POST /auth/service-token (typ `svc+jwt`). */
    serviceTokens: {
      ttlSeconds: setting({ name: "SERVICE_TOKEN_TTL_SECONDS", parse: int, default: 300, doc: "Lifetime of service tokens from `POST /auth/service-token`" }),
      // Distinct from jwt.audience so a service token is never a user access token, and vice versa.
      audience: setting({
        name: "SERVICE_TOKEN_AUDIENCE",
        parse: (raw, { get }) => {
          if (raw === get(jwtAudience)) throw new Error("SERVICE_TOKEN_AUDIENCE must differ from JWT_AUDIENCE");
          return raw;
        },
        default: ({ get }) => `${get(jwtAudience)}:internal`,
        shown: "`$JWT_AUDIENCE:internal`",
        doc: "`aud` of service tokens; must differ from `JWT_AUDIENCE`",
      }),
    },
  }),
  // server/src/billing; docs/billing.md.
  section("Billing", {
    billing: {
      razorpayKeyId: setting({
        name: "RAZORPAY_KEY_ID", parse: optionalText, default: undefined, shown: "unset → billing routes answer `503 BILNC`",
        doc: "Razorpay API key id (also returned to Checkout)",
      }),
      razorpayKeySecret: setting({ name: "RAZORPAY_KEY_SECRET", parse: optionalText, default: undefined, doc: "Razorpay API key secret; also verifies the checkout callback signature" }),
      razorpayWebhookSecret: setting({
        name: "RAZORPAY_WEBHOOK_SECRET", parse: optionalText, default: undefined, shown: "unset → every webhook is `400 BADSG`",
        doc: "Secret of the Razorpay webhook (`X-Razorpay-Signature`)",
      }),
      razorpayApiUrl: setting({ name: "RAZORPAY_API_URL", parse: baseUrl, default: "https://api.razorpay.com", doc: "Razorpay REST base URL; only tests point it at a local fake" }),
      razorpayCheckoutUrl: setting({
        name: "RAZORPAY_CHECKOUT_URL",
        parse: (raw: string, { name }: { name: string }) => {
          if (!/^https?:\/\/[^/?#\s]+\/\S*$/.test(raw)) throw new Error(`${name} must be an http(s) URL such as https://checkout.razorpay.com/v1/checkout.js, got ${JSON.stringify(raw)}`);
          return raw;
        },
        default: "https://checkout.razorpay.com/v1/checkout.js",
        doc: "Razorpay's Checkout script, which the console's billing page loads (only when billing is configured; its origin is then added to the console's CSP); only tests point it at a local fake",
      }),
    },
  }),
  // functions/src/lib/webhooks; docs/events-and-webhooks.md.
  section("Webhooks and Slack notifications", {
    webhooks: {
      /** Its length is the number of attempts; the first delay is normally 0. */
      retryScheduleSeconds: setting({
        name: "WEBHOOK_RETRY_SCHEDULE", parse: retrySchedule, default: [0, 5, 300, 1800, 7200, 18000, 36000, 36000], shown: "`0,5,300,1800,7200,18000,36000,36000`",
        doc: "Seconds before each webhook attempt (8 attempts over ~27 h); decimals allowed, tests shorten it",
      }),
      timeoutMs: setting({
        name: "WEBHOOK_TIMEOUT_MS", parse: int, default: 15_000,
        doc: "Whole-attempt deadline (connect, headers and body): hanging or dripping endpoints fail here",
      }),
      disableAfterSeconds: setting({
        name: "WEBHOOK_DISABLE_AFTER_SECONDS", parse: int, default: 5 * 86400, shown: "`432000` (5 days)",
        doc: "An endpoint failing continuously this long is disabled and `endpoint.disabled` is emitted",
      }),
      allowedHosts: setting({
        name: "WEBHOOK_ALLOWED_HOSTS", parse: list({ lowercase: true }), default: [], shown: "unset",
        doc: "Host names, IPs or CIDRs exempt from the private-address refusal (e.g. `127.0.0.1` for local receivers in tests); never set it to public ranges you do not trust",
      }),
      maxResponseBytes: setting({ name: "WEBHOOK_MAX_RESPONSE_BYTES", parse: int, default: 2048, doc: "Response bytes read and kept per attempt; the rest is not read" }),
      // A preference's URL must be https://hooks.slack.com/services/…; its path is sent to this origin.
      slackOrigin: setting({
        name: "SLACK_WEBHOOK_ORIGIN", parse: httpOrigin(SLACK_ORIGIN), default: SLACK_ORIGIN,
        doc: "Where Slack notifications go (the path of the user's `hooks.slack.com/services/…` URL is kept); only tests point it at a local server",
      }),
    },
  }),
  // server/src/domains/customDomains.ts, functions/src/tasks/custom_domains__verify.ts; docs/custom-domains.md.
  section("Custom domains", {
    customDomains: {
      reserved: setting({
        name: "APP_DOMAIN", parse: reservedDomains, default: ({ get }) => hostsOf([get(publicUrl), get(appUrl)]), shown: "hosts of `PUBLIC_URL` and `APP_URL` (IPs ignored)",
        doc: "Our own domain(s), comma-separated: they and their subdomains cannot be added as custom domains (`422 DMOWN`)",
      }),
      dnsServers: setting({
        name: "DNS_SERVERS", parse: dnsServers, default: [], shown: "unset → the system resolver",
        doc: "Comma-separated IPs with optional ports (`1.1.1.1`, `127.0.0.1:5353`, `[::1]:53`) the custom-domain TXT check asks",
      }),
      verifyWindowHours: setting({
        name: "CUSTOM_DOMAIN_VERIFY_HOURS", parse: limit, default: 72,
        doc: "A custom domain whose TXT record is not found within this many hours of being added (or re-checked) is marked `failed`",
      }),
      /** null = only /internal/tls/ask. */
      tlsAskPath: setting({
        name: "TLS_ASK_PATH", parse: tlsAskPath, default: "/tls/ask",
        doc: "Credential-free TLS ask hook for a local proxy (Caddy `on_demand_tls`); `off` disables it (`/internal/tls/ask` remains)",
      }),
      tlsAskAllowedIps: setting({
        name: "TLS_ASK_ALLOWED_IPS", parse: list(), unsetText: "127.0.0.1,::1",
        doc: "Peers (IPs or CIDRs, by socket address) allowed to call `TLS_ASK_PATH`, none when set but empty; proxied requests (`X-Forwarded-For`, `Forwarded`, `X-Real-IP`) are always refused",
      }),
    },
  }),
  // docs/audit.md.
  section("Audit log", {
    audit: {
      retentionDays: setting({
        name: "AUDIT_RETENTION_DAYS", parse: limit, default: 365,
        doc: "Audit-log entries older than this are removed daily by the `audit__retention` cron task; the hash chain stays verifiable",
      }),
    },
  }),
  // core/storage/ (backends), server/src/storage/ (routes); docs/storage.md.
  section("File storage", {
    storage: {
      backend: setting({
        name: "STORAGE_BACKEND", default: "local", doc: "Where file bytes go: `local` (a folder on this machine) or `s3` (any S3-compatible service)",
        parse: (raw: string): "local" | "s3" => {
          if (raw === "local" || raw === "s3") return raw;
          throw new Error(`STORAGE_BACKEND must be local or s3, got ${JSON.stringify(raw)}`);
        },
      }),
      localDir: setting({
        name: "STORAGE_DIR", parse: optionalText, default: undefined, shown: "`$LOGICSPIKE_DATA_DIR/storage`",
        doc: "Folder of the `local` backend (objects under `<workspace id>/<file id>`)",
      }),
      maxFileBytes: setting({
        name: "STORAGE_MAX_FILE_BYTES", parse: limit, default: 50 * 1024 * 1024, shown: "`52428800` (50 MiB)",
        doc: "Largest file a multipart upload accepts unless the workspace sets a smaller or larger one (`storage_settings.max_file_bytes`); larger bodies are cut off while streaming (`413 TOOLG`)",
      }),
      s3Endpoint: setting({ name: "S3_ENDPOINT", parse: optionalText, default: undefined, shown: "unset → AWS", doc: "S3-compatible endpoint URL (MinIO, R2, s3rver…)" }),
      s3Bucket: setting({ name: "S3_BUCKET", parse: optionalText, default: undefined, doc: "Bucket of the `s3` backend (required with it)" }),
      s3Region: setting({ name: "S3_REGION", parse: text, default: "us-east-1", doc: "Region of the bucket" }),
      s3AccessKeyId: setting({ name: "S3_ACCESS_KEY_ID", parse: optionalText, default: undefined, shown: "unset → the SDK's default credentials", doc: "Access key id" }),
      s3SecretAccessKey: setting({ name: "S3_SECRET_ACCESS_KEY", parse: optionalText, default: undefined, doc: "Secret access key" }),
      s3ForcePathStyle: setting({ name: "S3_FORCE_PATH_STYLE", parse: bool, default: false, doc: "Address the bucket as `endpoint/bucket/key` (MinIO, s3rver) instead of `bucket.endpoint/key`" }),
      // Image variants (server/src/storage/variants.ts, docs/storage.md#image-variants): bounds on their work.
      imageMaxDimension: setting({
        name: "STORAGE_IMAGE_MAX_DIMENSION", parse: limit, default: 2048,
        doc: "Largest width or height of an image variant, in pixels; a signed transform asking for more is refused (`422 IMARG`), a public one is clamped",
      }),
      imageMaxInputPixels: setting({
        name: "STORAGE_IMAGE_MAX_INPUT_PIXELS", parse: limit, default: 40_000_000, shown: "`40000000` (40 megapixels)",
        doc: "Largest image (width × height of its first frame) a variant is rendered from; larger ones answer `422 IMBIG` before decoding",
      }),
      imageMaxInputBytes: setting({
        name: "STORAGE_IMAGE_MAX_INPUT_BYTES", parse: limit, default: 25 * 1024 * 1024, shown: "`26214400` (25 MiB)",
        doc: "Largest stored file a variant is rendered from (`422 IMBIG` above it)",
      }),
      imageConcurrency: setting({
        name: "STORAGE_IMAGE_CONCURRENCY", parse: limit, default: 2,
        doc: "Image variants rendered at the same time by one server process; cached variants are served without waiting",
      }),
      imageQueue: setting({
        name: "STORAGE_IMAGE_QUEUE", parse: int, default: 16,
        doc: "Renders that may wait for a free slot; past that a request for an uncached variant answers `503 IMBSY` with `Retry-After`",
      }),
    },
  }),
] as const;

export type Config = ConfigOf<typeof SECTIONS>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return resolve(SECTIONS, { read: (name) => env[name], entries: () => Object.entries(env) }) as Config;
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
