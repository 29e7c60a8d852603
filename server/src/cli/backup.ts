/**
 * `npm run db:backup [-- FILE] [--with-keys]` and `npm run db:restore -- FILE [--force]`.
 * Same database resolution as `npm start` and `npm run db:*`: DATABASE_URL (+ ROOT_DATABASE_URL for the
 * setup step), or the project-local embedded Postgres. docs/backups.md is the manual.
 *
 * A dump holds one database: schema, data, graphile-migrate's and graphile-worker's bookkeeping, and GRANTs
 * to role names. It holds no roles, no passwords and no signing keys: roles come from the setup step, keys
 * from env in production (JWT_PRIVATE_KEY, REFRESH_TOKEN_SECRET) or from <dataDir>/keys in development.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { loadConfig, type Config } from "../../../core/config";
import { migrateDatabase } from "../../../core/db/migrate";
import { REQUEST_ROLES, setupDatabase } from "../../../core/db/setup";
import { resolveDatabase, withDatabase, type DatabaseUrls } from "../../../core/db/urls";

const ROOT = path.join(__dirname, "..", "..", "..");
const USAGE = "usage: backup <backup [FILE] [--with-keys] | restore FILE [--force]>";
const run = promisify(execFile);

/** A refusal the operator can act on; `code` is printed so scripts and docs can refer to it. */
class BackupError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The password travels by environment, not argv, where any local user could read it in `ps`. */
function connection(url: string): { dbname: string; vars: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const vars = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  u.password = "";
  return { dbname: u.toString(), vars };
}

/** pg_dump/pg_restore must be the server's major version: an older one cannot read a newer server or archive. */
async function checkTool(bin: string, url: string): Promise<number> {
  const version = await run(bin, ["--version"]).then(
    (r) => r.stdout.trim(),
    () => {
      throw new BackupError("PG_TOOL_MISSING", `${bin} was not found on PATH; install the PostgreSQL client tools (e.g. apt-get install postgresql-client-15).`);
    },
  );
  const serverNum = await withClient(url, async (c) => Number((await c.query("show server_version_num")).rows[0].server_version_num));
  const server = Math.floor(serverNum / 10000);
  if (Number(version.match(/(\d+)\.\d+/)?.[1]) !== server) {
    throw new BackupError("PG_VERSION_MISMATCH", `${bin} is "${version}" but the server is PostgreSQL ${server}; put a ${bin} of major version ${server} first on PATH.`);
  }
  return server;
}

/**
 * Every table FORCEs row-level security, so the owner sees (and may COPY) only what a policy lets it. pg_dump
 * and pg_restore must run as a role that bypasses RLS: the superuser of ROOT_DATABASE_URL (or the embedded
 * cluster), or a dedicated BYPASSRLS role given there. Never --enable-row-security: that dumps a silent subset.
 */
function bypassingUrl(urls: DatabaseUrls, command: string): string {
  if (!urls.root) {
    throw new BackupError("ROOT_URL_MISSING", `${command} needs ROOT_DATABASE_URL: a superuser or BYPASSRLS role, because row-level security hides rows from the owner.`);
  }
  return withDatabase(urls.root, urls.databaseName);
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

async function backup(config: Config, urls: DatabaseUrls, args: string[]) {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(ROOT, "backups", `logicspike-${stamp}.dump`));
  const url = bypassingUrl(urls, "db:backup");
  await checkTool("pg_dump", url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const { dbname, vars } = connection(url);
  // Custom format: compressed, and pg_restore can list, filter and clean. A failed dump leaves no file that looks like a backup.
  await run("pg_dump", ["--format=custom", `--file=${file}`, `--dbname=${dbname}`], { env: vars }).catch((err: unknown) => {
    fs.rmSync(file, { force: true });
    throw err;
  });
  console.log(`db:backup: wrote ${file} (${size(fs.statSync(file).size)} in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const keysFile = path.join(config.dataDir, "keys", "signing-keys.json");
  if (config.jwt.privateKey) {
    console.log("db:backup: signing keys are not in the dump; JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET live in your secrets store, back them up there.");
  } else if (args.includes("--with-keys") && fs.existsSync(keysFile)) {
    fs.copyFileSync(keysFile, `${file}.keys.json`);
    fs.chmodSync(`${file}.keys.json`, 0o600);
    console.log(`db:backup: copied the development signing keys to ${file}.keys.json (secret: keep it with the dump, never commit it)`);
  } else {
    console.log(`db:backup: development signing keys are in ${keysFile}, not in the dump (add --with-keys to copy them next to it).`);
  }
}

/** The archive's table of contents, minus extensions: the setup step creates those (db/afterReset.sql). */
async function readArchive(file: string, listFile: string): Promise<{ dumpedFrom: number; owner: string | undefined }> {
  const toc = await run("pg_restore", ["--list", file], { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r.stdout,
    () => {
      throw new BackupError("BACKUP_BAD_FORMAT", `${file} is not a pg_dump custom-format archive (make one with \`npm run db:backup\`).`);
    },
  );
  fs.writeFileSync(listFile, toc.split("\n").filter((l) => !/^\d+; \d+ \d+ (EXTENSION|COMMENT - EXTENSION) /.test(l)).join("\n"));
  return { dumpedFrom: Number(toc.match(/Dumped from database version: (\d+)/)?.[1]), owner: toc.match(/^\d+; \d+ \d+ SCHEMA - app_public (\S+)$/m)?.[1] };
}

async function restore(config: Config, urls: DatabaseUrls, args: string[]) {
  const file = path.resolve(args.find((a) => !a.startsWith("--"))!);
  const force = args.includes("--force");
  const url = bypassingUrl(urls, "db:restore");
  // Roles are not in a dump: the setup step (re)creates them and the database, as `npm start` does.
  await setupDatabase(urls);
  const server = await checkTool("pg_restore", url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "logicspike-restore-"));
  try {
    const listFile = path.join(dir, "toc.list");
    const archive = await readArchive(file, listFile);
    if (archive.dumpedFrom > server) {
      throw new BackupError("PG_VERSION_MISMATCH", `${file} was dumped from PostgreSQL ${archive.dumpedFrom}; it cannot be restored into PostgreSQL ${server}.`);
    }
    // Objects keep the dump's owner, and GRANTs name the request roles: all of them must exist here.
    const needed = [archive.owner ?? urls.ownerRole, urls.authenticatorRole, ...REQUEST_ROLES];
    const { tables, missing } = await withClient(url, async (c) => {
      const roles = (await c.query("select rolname from pg_roles where rolname = any ($1)", [needed])).rows.map((r) => r.rolname as string);
      const count = (await c.query("select count(*) from pg_tables where schemaname = 'app_public'")).rows[0].count;
      return { tables: Number(count), missing: needed.filter((r) => !roles.includes(r)) };
    });
    if (missing.length) {
      throw new BackupError("ROLES_MISSING", `roles missing in the target cluster: ${missing.join(", ")}; run the setup step first (\`npm run db:setup\`) with the same role names as the backup's server.`);
    }
    // Checked after every other input is known to be good; a refusal touches nothing.
    if (tables > 0 && !force) {
      throw new BackupError("TARGET_NOT_EMPTY", `database ${urls.databaseName} already has ${tables} tables in app_public; nothing was changed. Add --force to replace its contents with the backup.`);
    }
    const started = Date.now();
    const { dbname, vars } = connection(url);
    // One transaction: a restore that fails half-way changes nothing. --clean drops only what the dump recreates.
    const flags = ["--single-transaction", `--use-list=${listFile}`, ...(force ? ["--clean", "--if-exists"] : [])];
    await run("pg_restore", [...flags, `--dbname=${dbname}`, file], { env: vars, maxBuffer: 64 * 1024 * 1024 });
    console.log(`db:restore: restored ${file} into ${urls.databaseName} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // A backup from an older version is upgraded to this checkout's schema.
  await migrateDatabase(urls, { current: config.isDev });
  console.log("db:restore: migrations applied");
  if (fs.existsSync(`${file}.keys.json`) && !config.jwt.privateKey) {
    console.log(`db:restore: ${file}.keys.json holds the backup's development signing keys; copy it to ${path.join(config.dataDir, "keys", "signing-keys.json")} to keep its tokens valid.`);
  }
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (command !== "backup" && !(command === "restore" && args.some((a) => !a.startsWith("--")))) {
    console.error(USAGE);
    process.exit(2);
  }
  // Before any database is touched (or the embedded one started).
  const file = args.find((a) => !a.startsWith("--"));
  if (command === "restore" && !fs.existsSync(path.resolve(file!))) throw new BackupError("BACKUP_NOT_FOUND", `${path.resolve(file!)} does not exist.`);
  const config = loadConfig();
  const db = await resolveDatabase(config);
  try {
    await (command === "backup" ? backup(config, db.urls, args) : restore(config, db.urls, args));
  } finally {
    await db.embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const command = process.argv[2] === "restore" ? "db:restore" : "db:backup";
  if (err instanceof BackupError) {
    console.error(`${command} refused [${err.code}]: ${err.message}`);
  } else {
    const stderr = (err as { stderr?: string }).stderr;
    console.error(`${command} failed: ${stderr?.trim() || (err instanceof Error ? err.message : String(err))}`);
  }
  process.exit(1);
});
