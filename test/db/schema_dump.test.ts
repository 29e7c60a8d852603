/**
 * db/schema.sql is what reviewers and DBAs read instead of replaying migrations, so it must be exactly
 * what the committed migrations produce. db/dump-schema.mjs builds a fresh database from template0 in
 * the test cluster (the template database there also carries db/migrations/current/, so it is not used),
 * applies the committed migrations only, and prints the normalised dump; it must equal the file, be the
 * same twice, and carry nothing that differs between machines.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSON5 from "json5";
import pg from "pg";

const ROOT = path.join(__dirname, "..", "..");
const SCHEMA_FILE = path.join(ROOT, "db", "schema.sql");

function rootUrl(): string {
  const url = process.env.TEST_PG_ROOT_URL;
  if (!url) throw new Error("TEST_PG_ROOT_URL is not set: run tests through jest (globalSetup starts Postgres)");
  return url;
}

/** The same script `npm run db:dump` and the db:commit hook run, printing instead of writing the file. */
async function dumpCommittedSchema(): Promise<string> {
  const env = { ...process.env };
  // Hook variables would make it dump that database; a stray authenticator name would not exist here.
  for (const key of ["GM_DBURL", "GM_SHADOW", "DATABASE_AUTHENTICATOR"]) delete env[key];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, "db", "dump-schema.mjs"), "--cluster-url", rootUrl(), "--out", "-"],
    { cwd: ROOT, env, maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout;
}

/** The first differing lines, with line numbers, for a failure message a person can act on. */
function firstDifferences(expected: string, actual: string, max = 8): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const first = a.findIndex((line, i) => line !== b[i]);
  const start = first < 0 ? Math.min(a.length, b.length) : first;
  const out: string[] = [];
  for (let i = start; i < Math.max(a.length, b.length) && out.length < max * 2; i++) {
    if (a[i] === b[i]) continue;
    out.push(`  line ${i + 1} db/schema.sql: ${a[i] === undefined ? "(end of file)" : JSON.stringify(a[i])}`);
    out.push(`  line ${i + 1} fresh dump:    ${b[i] === undefined ? "(end of file)" : JSON.stringify(b[i])}`);
  }
  return out.join("\n");
}

let dumps: [string, string];

beforeAll(async () => {
  dumps = await Promise.all([dumpCommittedSchema(), dumpCommittedSchema()]);
}, 120_000);

it("db/schema.sql is what the committed migrations produce", () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  if (committed !== dumps[0]) {
    throw new Error(
      "db/schema.sql is stale: run `npm run db:commit` (or `npm run db:dump`).\n" +
        `First differing lines:\n${firstDifferences(committed, dumps[0])}`,
    );
  }
});

it("two dumps of the same migrations are byte for byte equal", () => {
  expect(dumps[1] === dumps[0]).toBe(true);
});

it("the dump names no machine-specific role, path, port or database", async () => {
  const dump = dumps[0];
  const root = new URL(rootUrl());
  const client = new pg.Client({ connectionString: rootUrl() });
  await client.connect();
  let loginRoles: string[];
  let databases: string[];
  try {
    // `postgres` (superuser and maintenance database) is the same everywhere, and a word a comment may use.
    loginRoles = (await client.query<{ rolname: string }>("select rolname from pg_roles where rolcanlogin and not rolsuper")).rows.map((r) => r.rolname);
    databases = (await client.query<{ datname: string }>("select datname from pg_database where not datistemplate and datname <> 'postgres'")).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  // The owner and the authenticator of this cluster: their names are configuration.
  expect(loginRoles).toEqual(expect.arrayContaining(["logicspike_owner", "logicspike_authenticator"]));
  for (const name of [...loginRoles, ...databases]) {
    expect({ name, found: new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(dump) }).toEqual({ name, found: false });
  }
  expect(dump).not.toMatch(new RegExp(`(:|port\\W{0,3})${root.port}\\b`));
  for (const dir of [os.tmpdir(), process.env.LOGICSPIKE_DATA_DIR, ROOT].filter(Boolean) as string[]) {
    expect(dump.includes(dir)).toBe(false);
  }
  // pg_dump noise that varies by version or run.
  expect(dump).not.toMatch(/^SET |^\\restrict|^\\unrestrict|Dumped (from|by)|Owner: /m);
  // The placeholders stand where the names were: policies `TO current_user` at migration time.
  expect(dump).toContain("TO :DATABASE_OWNER");
});

it("keeps tooling schemas out and the request roles' grants in", () => {
  const dump = dumps[0];
  expect(dump).not.toMatch(/^CREATE SCHEMA graphile_(migrate|worker)/m);
  expect(dump).not.toMatch(/Schema: graphile_(migrate|worker)$/m);
  expect(dump).toMatch(/^CREATE POLICY /m);
  for (const role of ["app_anonymous", "app_user", "app_api_key"]) expect(dump).toMatch(new RegExp(`^GRANT .* TO ${role};$`, "m"));
});

it("the db/.gmrc hook that rewrites db/schema.sql runs against the shadow database only", () => {
  // The main database also carries db/migrations/current/; a dump of it would describe uncommitted work.
  const gmrc = JSON5.parse(fs.readFileSync(path.join(ROOT, "db", ".gmrc"), "utf8")) as {
    afterAllMigrations?: Array<{ _: string; command?: string; shadow?: boolean }>;
  };
  const hooks = (gmrc.afterAllMigrations ?? []).filter((a) => a.command?.includes("dump-schema"));
  expect(hooks).toHaveLength(1);
  expect(hooks[0]).toMatchObject({ _: "command", shadow: true });
});
