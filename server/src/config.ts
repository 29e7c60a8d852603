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
  };
}
