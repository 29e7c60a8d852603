/**
 * The setup step: roles, database and extensions, as the superuser. Idempotent,
 * so `npm start` runs it every time; migrations never create roles.
 *
 *   <owner>          LOGIN, owns the database and every object in it.
 *   <authenticator>  LOGIN NOINHERIT, no privileges of its own; may only SET ROLE
 *                    to the request roles below.
 *   app_anonymous, app_user, app_api_key   NOLOGIN request roles. Never owners,
 *                    never BYPASSRLS (the catalog test keeps this true).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { DatabaseUrls } from "./urls";

export const REQUEST_ROLES = ["app_anonymous", "app_user", "app_api_key"] as const;

const ident = (name: string) => pg.escapeIdentifier(name);
const literal = (value: string) => pg.escapeLiteral(value);

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a server shutdown mid-setup surfaces through the awaited query
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureLoginRole(client: pg.Client, role: string, password: string | undefined, extra: string) {
  const exists = await client.query("select 1 from pg_roles where rolname = $1", [role]);
  const pw = password ? `password ${literal(password)}` : "";
  if (exists.rowCount === 0) {
    await client.query(`create role ${ident(role)} with login ${extra} ${pw}`);
  } else {
    // Keep the stored password in step with configuration; attributes are re-asserted.
    await client.query(`alter role ${ident(role)} with login ${extra} ${pw}`);
  }
}

/** Replaces graphile-migrate style placeholders in SQL run outside graphile-migrate. */
export function fillPlaceholders(sql: string, urls: DatabaseUrls, databaseName = urls.databaseName): string {
  const values: Record<string, string> = {
    ":DATABASE_NAME": ident(databaseName),
    ":DATABASE_OWNER": ident(urls.ownerRole),
    ":DATABASE_AUTHENTICATOR": ident(urls.authenticatorRole),
  };
  return sql.replace(/:DATABASE_[A-Z_]+/g, (key) => {
    const value = values[key];
    if (!value) throw new Error(`Unknown placeholder ${key}`);
    return value;
  });
}

export async function ensureRoles(rootUrl: string, urls: DatabaseUrls): Promise<void> {
  await withClient(rootUrl, async (client) => {
    // Serialise concurrent setups (two servers starting at once) on one advisory lock.
    await client.query("select pg_advisory_lock(7726001)");
    try {
      await ensureLoginRole(client, urls.ownerRole, urls.ownerPassword, "nosuperuser nobypassrls nocreatedb nocreaterole");
      await ensureLoginRole(client, urls.authenticatorRole, urls.authenticatorPassword, "noinherit nosuperuser nobypassrls nocreatedb nocreaterole");
      for (const role of REQUEST_ROLES) {
        const exists = await client.query("select 1 from pg_roles where rolname = $1", [role]);
        if (exists.rowCount === 0) await client.query(`create role ${ident(role)} with nologin`);
        await client.query(`alter role ${ident(role)} with nologin nosuperuser nobypassrls`);
        await client.query(`grant ${ident(role)} to ${ident(urls.authenticatorRole)}`);
      }
    } finally {
      await client.query("select pg_advisory_unlock(7726001)");
    }
  });
}

export async function ensureDatabase(rootUrl: string, urls: DatabaseUrls, databaseName = urls.databaseName): Promise<boolean> {
  const created = await withClient(rootUrl, async (client) => {
    const exists = await client.query("select 1 from pg_database where datname = $1", [databaseName]);
    if (exists.rowCount) return false;
    await client.query(`create database ${ident(databaseName)} owner ${ident(urls.ownerRole)} encoding 'UTF8' template template0`);
    return true;
  });
  const afterReset = fs.readFileSync(path.join(__dirname, "..", "..", "db", "afterReset.sql"), "utf8");
  const dbRootUrl = new URL(rootUrl);
  dbRootUrl.pathname = `/${databaseName}`;
  await withClient(dbRootUrl.toString(), (client) => client.query(fillPlaceholders(afterReset, urls, databaseName)));
  return created;
}

/** Roles + database + extensions. A no-op when the root URL is absent (external DB managed elsewhere). */
export async function setupDatabase(urls: DatabaseUrls): Promise<void> {
  if (!urls.root) return;
  await ensureRoles(urls.root, urls);
  await ensureDatabase(urls.root, urls);
}
