/**
 * Every environment variable the platform reads, in one place. README.md's
 * configuration table mirrors this file; keep them in step.
 */
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
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
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
  refresh: {
    /** HMAC key deriving each refresh token's successor (the grace-window replay answer). */
    secret: string | undefined;
    absoluteTtlSeconds: number;
    idleTtlSeconds: number;
    graceSeconds: number;
    cookieSecure: boolean;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV || "development") as NodeEnv;
  if (!["development", "production", "test"].includes(nodeEnv)) {
    throw new Error(`NODE_ENV must be development, production or test, got ${JSON.stringify(env.NODE_ENV)}`);
  }
  const isDev = nodeEnv === "development";
  // JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET are enforced where they are used (server/src/auth/keys.ts),
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
    dataDir: path.resolve(env.LOGICSPIKE_DATA_DIR || path.join(__dirname, "..", "..", ".data")),
    embeddedPgPort: int("EMBEDDED_PG_PORT", env.EMBEDDED_PG_PORT, 54329),
    databaseName: env.DATABASE_NAME || "logicspike",
    migrateOnStart: bool(env.MIGRATE_ON_START, true),
    seedOnStart: bool(env.SEED_ON_START, isDev),
    workerInProcess: bool(env.WORKER_IN_PROCESS, true),
    workerConcurrency: int("WORKER_CONCURRENCY", env.WORKER_CONCURRENCY, 5),
    logLevel: env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info"),
    bodyLimitBytes: int("BODY_LIMIT_BYTES", env.BODY_LIMIT_BYTES, 102_400),
    shutdownTimeoutMs: int("SHUTDOWN_TIMEOUT_MS", env.SHUTDOWN_TIMEOUT_MS, 10_000),
    contactInbox: env.CONTACT_INBOX || "operators@logicspike.localhost",
    mailFrom: env.MAIL_FROM || "LogicSpike <no-reply@logicspike.localhost>",
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: (env.PUBLIC_URL || `http://127.0.0.1:${int("PORT", env.PORT, 3000)}`).replace(/\/$/, ""),
    appUrl: (env.APP_URL || env.PUBLIC_URL || `http://127.0.0.1:${int("PORT", env.PORT, 3000)}`).replace(/\/$/, ""),
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
  };
}
