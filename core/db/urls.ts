/**
 * The three connections the platform uses, and how they are derived:
 *   root  - superuser, setup only (roles, database, extensions). Optional for external databases.
 *   owner - owns every object; migrations, worker, trusted server-side calls.
 *   auth  - the authenticator login role PostGraphile connects as.
 *   direct - the owner again, straight to Postgres, when owner and auth go through a transaction-mode pooler
 *           (DATABASE_DIRECT_URL): whatever needs one session for longer than a transaction uses it (LISTEN for
 *           the worker and realtime, the migrations' session advisory lock).
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { createEmbeddedPostgres, randomSecret, type EmbeddedPostgres } from "./embedded";

export interface DatabaseUrls {
  root: string | undefined;
  owner: string;
  auth: string;
  databaseName: string;
  ownerRole: string;
  ownerPassword: string | undefined;
  authenticatorRole: string;
  authenticatorPassword: string | undefined;
  /** Set only when `owner` and `auth` go through a transaction-mode pooler; read it through directUrl(). */
  direct?: string;
}

/** The owner connection that keeps its session: DATABASE_DIRECT_URL, else the owner URL itself. */
export function directUrl(urls: DatabaseUrls): string {
  return urls.direct ?? urls.owner;
}

/** Whether owner/auth go through a transaction-mode pooler: consecutive statements may run on different server sessions. */
export function isPooled(urls: DatabaseUrls): boolean {
  return urls.direct !== undefined && urls.direct !== urls.owner;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function withCredentials(url: string, user: string, password: string | undefined): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password ? encodeURIComponent(password) : "";
  return u.toString();
}

/** Builds the URL set for an external Postgres from DATABASE_URL (+ optional AUTH_/ROOT_DATABASE_URL). */
export function externalUrls(config: Config): DatabaseUrls {
  const owner = config.databaseUrl!;
  const parsed = new URL(owner);
  const databaseName = decodeURIComponent(parsed.pathname.slice(1)) || config.databaseName;
  const auth = config.authDatabaseUrl ?? withCredentials(owner, config.authenticatorRole, config.authenticatorPassword);
  const authParsed = new URL(auth);
  return {
    root: config.rootDatabaseUrl,
    owner,
    auth,
    databaseName,
    ownerRole: decodeURIComponent(parsed.username),
    ownerPassword: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    authenticatorRole: decodeURIComponent(authParsed.username),
    authenticatorPassword: authParsed.password ? decodeURIComponent(authParsed.password) : undefined,
    direct: config.databaseDirectUrl,
  };
}

interface DevCredentials {
  superuserPassword: string;
  ownerPassword: string;
  authenticatorPassword: string;
}

/** Generated once per data folder, so the embedded cluster never runs with a well-known password. */
function devCredentials(dataDir: string): DevCredentials {
  const file = path.join(dataDir, "dev-credentials.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as DevCredentials;
  const creds = { superuserPassword: randomSecret(), ownerPassword: randomSecret(), authenticatorPassword: randomSecret() };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

export function embeddedUrls(pg: EmbeddedPostgres, creds: DevCredentials, config: Config): DatabaseUrls {
  const base = pg.rootUrl(config.databaseName);
  return {
    root: pg.rootUrl("postgres"),
    owner: withCredentials(base, "logicspike_owner", creds.ownerPassword),
    auth: withCredentials(base, config.authenticatorRole, creds.authenticatorPassword),
    databaseName: config.databaseName,
    ownerRole: "logicspike_owner",
    ownerPassword: creds.ownerPassword,
    authenticatorRole: config.authenticatorRole,
    authenticatorPassword: creds.authenticatorPassword,
  };
}

export interface ResolvedDatabase {
  urls: DatabaseUrls;
  embedded: EmbeddedPostgres | undefined;
  describe: string;
}

/** DATABASE_URL set: use that server. Otherwise start (or reuse) the project-local embedded Postgres. */
export async function resolveDatabase(config: Config, onLog?: (line: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    const urls = externalUrls(config);
    const u = new URL(urls.owner);
    return { urls, embedded: undefined, describe: `external Postgres at ${u.hostname}:${u.port || 5432}/${urls.databaseName}` };
  }
  const creds = devCredentials(config.dataDir);
  const pg = await createEmbeddedPostgres({
    dataDir: path.join(config.dataDir, "postgres"),
    port: config.embeddedPgPort,
    superuserPassword: creds.superuserPassword,
    onLog,
  });
  await pg.start();
  return {
    urls: embeddedUrls(pg, creds, config),
    embedded: pg,
    describe: `embedded Postgres listening on 127.0.0.1:${pg.port} (data in ${path.join(config.dataDir, "postgres")})`,
  };
}
