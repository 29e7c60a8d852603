/**
 * Per-file test databases cloned from the migrated template, and helpers to
 * run SQL as the owner or as a request role with claims, exactly the way the
 * server sets them (pgSettingsFor), each in a transaction that is rolled back.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgSettingsFor } from "../../core/tenancy";
import type { DatabaseUrls } from "../../core/db/urls";
import { withCredentials, withDatabase } from "../../core/db/urls";
import type { VerifiedIdentity } from "../../core/tenancy";

export interface TestDatabase {
  name: string;
  urls: DatabaseUrls;
  /** Owner pool (bypasses nothing: tables FORCE RLS, but the owner has its own policies where it needs them). */
  ownerPool: pg.Pool;
  /** Authenticator pool, for acting as request roles. */
  authPool: pg.Pool;
  /** Superuser pool on the same database, for proving negatives and tampering. */
  superPool: pg.Pool;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests through jest (globalSetup starts Postgres)`);
  return v;
}

export function testUrls(rootUrl: string, database: string, ownerPassword: string, authPassword: string): DatabaseUrls {
  const base = withDatabase(rootUrl, database);
  return {
    root: rootUrl,
    owner: withCredentials(base, "logicspike_owner", ownerPassword),
    auth: withCredentials(base, "logicspike_authenticator", authPassword),
    databaseName: database,
    ownerRole: "logicspike_owner",
    ownerPassword,
    authenticatorRole: "logicspike_authenticator",
    authenticatorPassword: authPassword,
  };
}

function quietPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 5 });
  pool.on("error", () => {});
  pool.on("connect", (c) => c.on("error", () => {}));
  return pool;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const rootUrl = env("TEST_PG_ROOT_URL");
  const template = env("TEST_TEMPLATE_DB");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const root = new pg.Client({ connectionString: rootUrl });
  await root.connect();
  try {
    await root.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(template)} owner logicspike_owner`);
  } finally {
    await root.end();
  }
  const urls = testUrls(rootUrl, name, env("TEST_DB_OWNER_PASSWORD"), env("TEST_DB_AUTHENTICATOR_PASSWORD"));
  return {
    name,
    urls,
    ownerPool: quietPool(urls.owner),
    authPool: quietPool(urls.auth),
    superPool: quietPool(withDatabase(rootUrl, name)),
  };
}

export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  await Promise.all([db.ownerPool.end(), db.authPool.end(), db.superPool.end()]);
  const root = new pg.Client({ connectionString: env("TEST_PG_ROOT_URL") });
  await root.connect();
  try {
    await root.query(`drop database if exists ${pg.escapeIdentifier(db.name)} with (force)`);
  } finally {
    await root.end();
  }
}

/** Registers beforeAll/afterAll for a database of this file's own; call the getter inside tests. */
export function useTestDatabase(): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (db) await dropTestDatabase(db);
  });
  return () => {
    if (!db) throw new Error("test database not ready (use it inside a test or hook)");
    return db;
  };
}

async function inRolledBackTransaction<T>(pool: pg.Pool, setup: (c: pg.PoolClient) => Promise<void>, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await setup(client);
    return await fn(client);
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}

/** Sets a request role and claims with set_config(..., true), as PostGraphile does for pgSettings. */
export async function becomeRequestRole(client: pg.ClientBase, identity: VerifiedIdentity | undefined): Promise<void> {
  const settings = pgSettingsFor(identity);
  for (const [key, value] of Object.entries(settings)) {
    await client.query("select set_config($1, $2, true)", [key, value]);
  }
}

/** Runs fn as a request role (anonymous when identity is undefined) via the authenticator; rolled back. */
export function asRequestRole<T>(db: TestDatabase, identity: VerifiedIdentity | undefined, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inRolledBackTransaction(db.authPool, (c) => becomeRequestRole(c, identity), fn);
}

/** Runs fn as the database owner; rolled back. */
export function asOwner<T>(db: TestDatabase, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inRolledBackTransaction(db.ownerPool, async () => {}, fn);
}

/** Runs fn as the superuser (prove negatives, tamper); rolled back. */
export function asSuperuser<T>(db: TestDatabase, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inRolledBackTransaction(db.superPool, async () => {}, fn);
}

/** The identity a freshly minted access token would carry for (user, workspace), read from the database. */
export async function identityOf(db: TestDatabase, userId: string, tenantId: string): Promise<VerifiedIdentity> {
  const { rows } = await db.superPool.query("select permissions, services from app_private.token_claims($1, $2)", [userId, tenantId]);
  return { role: "app_user", userId, tenantId, permissions: rows[0].permissions, services: rows[0].services };
}

/** Runs one statement in a savepoint of an open transaction; its row count, or the SQLSTATE it failed with. */
export async function attempt(c: pg.ClientBase, sql: string, params: unknown[] = []): Promise<{ rowCount: number } | { error: string }> {
  await c.query("savepoint attempt");
  try {
    const res = await c.query(sql, params);
    await c.query("release savepoint attempt");
    return { rowCount: res.rowCount ?? 0 };
  } catch (e) {
    await c.query("rollback to savepoint attempt");
    return { error: (e as { code: string }).code };
  }
}
