/**
 * Migrations: graphile-worker's own schema first, then our committed
 * graphile-migrate migrations, then (outside production) the numbered files of
 * db/migrations/current/, which are idempotent by convention. Connection strings are injected here so
 * db/.gmrc stays free of secrets.
 */
import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { commit, migrate, reset, watch, Logger as MigrateLogger, type Settings } from "graphile-migrate";
import { Logger as WorkerLogger, runMigrations } from "graphile-worker";
import { pinoLogFactory } from "../logger";
import type { DatabaseUrls } from "./urls";
import { directUrl, withDatabase } from "./urls";

export const DB_DIR = path.join(__dirname, "..", "..", "db");
export const MIGRATIONS_DIR = path.join(DB_DIR, "migrations");

export function migrateSettings(urls: DatabaseUrls, opts: { shadow?: boolean } = {}): Settings {
  const gmrc = JSON5.parse(fs.readFileSync(path.join(DB_DIR, ".gmrc"), "utf8")) as Settings;
  return {
    ...gmrc,
    // graphile-migrate holds a session advisory lock for the whole run: never through a transaction-mode pooler.
    connectionString: directUrl(urls),
    rootConnectionString: urls.root,
    shadowConnectionString: opts.shadow ? withDatabase(directUrl(urls), `${urls.databaseName}_shadow`) : undefined,
    // Paths of .gmrc actions (afterReset.sql) are relative to this folder.
    migrationsFolder: MIGRATIONS_DIR,
    placeholders: { ...gmrc.placeholders, ":DATABASE_AUTHENTICATOR": urls.authenticatorRole },
    logger: new MigrateLogger(pinoLogFactory("graphile-migrate")),
  };
}

export async function runWorkerMigrations(urls: DatabaseUrls): Promise<void> {
  await runMigrations({ connectionString: directUrl(urls), logger: new WorkerLogger(pinoLogFactory("graphile-worker")) });
}

export interface MigrateOptions {
  /** Also apply db/migrations/current/ (development and tests; never production). */
  current: boolean;
}

/**
 * graphile-migrate keeps its pools alive briefly after use and exits the
 * process if one errors (e.g. the embedded Postgres stopping right after a CLI
 * command). Close them as soon as a command is done.
 */
function releaseMigratePools(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pgReal = require("graphile-migrate/dist/pgReal") as { clearAllPools?: () => void };
  pgReal.clearAllPools?.();
}

export async function migrateDatabase(urls: DatabaseUrls, options: MigrateOptions): Promise<void> {
  await runWorkerMigrations(urls);
  const settings = migrateSettings(urls);
  try {
    await migrate(settings);
    if (options.current) await watch(settings, true);
  } finally {
    releaseMigratePools();
  }
}

export async function resetDatabase(urls: DatabaseUrls, options: MigrateOptions & { shadow?: boolean }): Promise<void> {
  if (!urls.root) throw new Error("db:reset needs ROOT_DATABASE_URL (or the embedded Postgres).");
  try {
    await reset(migrateSettings(urls, { shadow: options.shadow }), options.shadow ?? false);
    if (!options.shadow) {
      await runWorkerMigrations(urls);
      if (options.current) await watch(migrateSettings(urls), true);
    }
  } finally {
    releaseMigratePools();
  }
}

export async function commitMigration(urls: DatabaseUrls, message?: string): Promise<void> {
  // The afterAllMigrations hook (db/.gmrc: `node db/dump-schema.mjs`) is relative to the repository root.
  process.chdir(path.join(DB_DIR, ".."));
  try {
    await commit(migrateSettings(urls, { shadow: true }), message);
  } finally {
    releaseMigratePools();
  }
}

/** Hash of the newest committed migration, read from its header; `/readyz` compares it with the database. */
export function latestCommittedHash(): string | null {
  const dir = path.join(MIGRATIONS_DIR, "committed");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort() : [];
  const last = files.at(-1);
  if (!last) return null;
  const header = fs.readFileSync(path.join(dir, last), "utf8").match(/^--! Hash: (\S+)/m);
  return header?.[1] ?? null;
}
