/**
 * `npm run db:backup` / `npm run db:restore` end to end: data made through the server is dumped by the CLI
 * (as npm runs it), restored into a fresh cluster whose roles come from the setup step, and read back by a
 * server on that cluster after signing in again with the same password.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { testUrls, useTestDatabase } from "../helpers/db";
import { spawnTestPostgres, type TestPostgres } from "../helpers/postgres";
import { startTestServer, type TestServer } from "../helpers/server";
import { spawnServerProcess } from "../helpers/serverProcess";
import type { DatabaseUrls } from "../../core/db/urls";

const ROOT = path.join(__dirname, "..", "..");
const getDb = useTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "logicspike-backup-test-"));
const dumpFile = path.join(dir, "test.dump");
let source: TestServer;
let fresh: TestPostgres;
let target: DatabaseUrls;
let user: TestUser;
let tenantId: string;

/** The CLI as `npm run db:backup|db:restore` runs it, against `urls` (ROOT_DATABASE_URL enables the setup step). */
async function cli(args: string[], urls: DatabaseUrls): Promise<{ code: number; out: string }> {
  const node = path.join(ROOT, "node_modules", ".bin", "node");
  const env = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", DATABASE_URL: urls.owner, AUTH_DATABASE_URL: urls.auth, ROOT_DATABASE_URL: urls.root ?? "" };
  return promisify(execFile)(node, ["--import", "tsx", path.join(ROOT, "server", "src", "cli", "backup.ts"), ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
  );
}

async function query(url: string, sql: string): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const post = (url: string, route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as any,
  }));

beforeAll(async () => {
  source = await startTestServer(getDb());
  user = await signUp(source, { workspaceName: "Before Backup" });
  const created = await as(source, user.accessToken)(`mutation { createWorkspace(input: { name: "Backed Up Co" }) { result { tenant { rowId } } } }`);
  tenantId = created.body.data!.createWorkspace.result.tenant.rowId;
  const token = await switchTenant(source, user, tenantId);
  const res = await as(source, token)(`mutation { createPost(input: { post: { title: "Survives a restore" } }) { post { rowId } } }`);
  expect(res.body.errors).toBeUndefined();
  // A cluster with its own passwords; its template database is not used, the restore goes into a new one.
  fresh = await spawnTestPostgres("scratch_template");
  target = testUrls(fresh.rootUrl, "logicspike_restored", fresh.ownerPassword, fresh.authenticatorPassword);
}, 120_000);

afterAll(async () => {
  await source?.close();
  await fresh?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("backs up with pg_dump's custom format and says how big and how long", async () => {
    const { code, out } = await cli(["backup", dumpFile], getDb().urls);
    expect({ code, out }).toMatchObject({ code: 0, out: expect.stringMatching(/db:backup: wrote .*test\.dump \(\d+\.\d (KiB|MiB) in \d+\.\d s\)/) });
    expect(out).toMatch(/development signing keys are in .*signing-keys\.json, not in the dump/);
    expect(fs.readFileSync(dumpFile).subarray(0, 5).toString()).toBe("PGDMP");
    console.log(out.trim());
  });

  it("copies the development signing keys next to the dump with --with-keys, readable by its owner only", async () => {
    const { code, out } = await cli(["backup", path.join(dir, "keys.dump"), "--with-keys"], getDb().urls);
    expect({ code, out }).toMatchObject({ code: 0, out: expect.stringContaining("copied the development signing keys to") });
    expect(fs.statSync(path.join(dir, "keys.dump.keys.json")).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "keys.dump.keys.json"), "utf8")).keys).toHaveLength(1);
  });

  it("restores into a fresh cluster, where a server signs the user in with the same password and reads the data back", async () => {
    const { code, out } = await cli(["restore", dumpFile], target);
    expect({ code, out }).toMatchObject({ code: 0, out: expect.stringContaining("db:restore: migrations applied") });
    console.log(out.trim());
    const server = await spawnServerProcess(target, { NODE_ENV: "test" });
    try {
      const login = await post(server.url, "/auth/login", { email: user.email, password: user.password, tokenTransport: "body" });
      expect(login.status).toBe(200);
      const switched = await post(server.url, "/auth/switch-tenant", { tenantId }, { authorization: `Bearer ${login.body.accessToken}` });
      expect(switched.status).toBe(200);
      const res = await post(
        server.url,
        "/graphql",
        { query: "{ currentTenant { name } posts { nodes { title authorId } } }" },
        { authorization: `Bearer ${switched.body.accessToken}` },
      );
      expect(res.body).toEqual({ data: { currentTenant: { name: "Backed Up Co" }, posts: { nodes: [{ title: "Survives a restore", authorId: user.userId }] } } });
    } finally {
      await server.stop();
    }
  });

  it("refuses to restore onto a database that has data, and changes nothing", async () => {
    await query(target.owner, "insert into app_public.posts (tenant_id, author_id, title) select tenant_id, author_id, 'After the restore' from app_public.posts");
    const before = await query(target.owner, "select title from app_public.posts order by title");
    const { code, out } = await cli(["restore", dumpFile], target);
    expect(code).toBe(1);
    expect(out).toMatch(/db:restore refused \[TARGET_NOT_EMPTY\]: database logicspike_restored already has \d+ tables in app_public; nothing was changed\. Add --force/);
    expect(await query(target.owner, "select title from app_public.posts order by title")).toEqual(before);
  });

  it("replaces the database's contents with the backup with --force", async () => {
    const { code, out } = await cli(["restore", dumpFile, "--force"], target);
    expect({ code, out }).toMatchObject({ code: 0, out: expect.stringContaining("db:restore: migrations applied") });
    expect(await query(target.owner, "select title from app_public.posts")).toEqual([{ title: "Survives a restore" }]);
  });

  it("says clearly what is wrong with a missing file or one that is not a dump", async () => {
    const missing = await cli(["restore", path.join(dir, "nope.dump")], target);
    expect(missing).toMatchObject({ code: 1, out: expect.stringMatching(/db:restore refused \[BACKUP_NOT_FOUND\]: .*nope\.dump does not exist\./) });
    fs.writeFileSync(path.join(dir, "plain.sql"), "select 1;\n");
    const plain = await cli(["restore", path.join(dir, "plain.sql")], target);
    expect(plain).toMatchObject({ code: 1, out: expect.stringMatching(/db:restore refused \[BACKUP_BAD_FORMAT\]: .*plain\.sql is not a pg_dump custom-format archive/) });
  });
});
