/**
 * API key management through GraphQL: create shows the secret once (only a
 * hash is stored, unreachable from the API), scopes expand through the SQL
 * scope map, a key never outranks its creator, and revoke, roll (with a
 * grace period) and expiry behave.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;

const KEY_FIELDS = "rowId name type prefix scopes permissions allowedDomains expiresAt lastUsedAt revokedAt createdBy";
const CREATE = `mutation($name: String!, $type: String, $scopes: JSON, $domains: [String], $expiresIn: String) {
  createApiKey(input: { name: $name, type: $type, scopes: $scopes, allowedDomains: $domains, expiresIn: $expiresIn }) {
    result { secret apiKey { ${KEY_FIELDS} } } } }`;
const ROLL = `mutation($id: UUID!) { rollApiKey(input: { apiKeyId: $id }) { result { secret apiKey { ${KEY_FIELDS} } } } }`;
const REVOKE = `mutation($id: UUID!) { revokeApiKey(input: { apiKeyId: $id }) { result { ${KEY_FIELDS} } } }`;
const LIST = `{ apiKeys { nodes { ${KEY_FIELDS} } } }`;
const POSTS = "{ posts { totalCount } }";


async function create(token: string, vars: Record<string, unknown>) {
  const res = await as(server, token)(CREATE, { name: "Key", ...vars });
  return { res, key: res.body.data?.createApiKey?.result as { secret: string; apiKey: Record<string, any> } | undefined };
}

const withKey = (srv: TestServer, key: string) => srv.graphql(POSTS, {}, { "x-api-key": key });

/** A second person in owner's workspace with a custom role. */
async function memberWith(permissions: string[]) {
  const user = await signUp(server);
  const [role] = (
    await getDb().superPool.query("insert into app_public.roles (tenant_id, key, name, permissions) values ($1, $2, $2, $3) returning id", [
      owner.tenantId,
      `r_${user.userId.slice(0, 8)}`,
      permissions,
    ])
  ).rows;
  await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, custom_role_id) values ($1, $2, $3)", [owner.tenantId, user.userId, role.id]);
  return switchTenant(server, user, owner.tenantId);
}

beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server, { workspaceName: "Keys Co" });
});
afterAll(() => server?.close());

describe("creating a key", () => {
  it("returns the secret once, stores only its SHA-256, and never shows it again", async () => {
    const { key } = await create(owner.accessToken, { name: "Backend", scopes: { blog: ["read", "write"] } });
    expect(key!.secret).toMatch(/^ls_[0-9a-f]{48}$/);
    expect(key!.apiKey).toMatchObject({ name: "Backend", type: "secret", prefix: key!.secret.slice(0, 11), createdBy: owner.userId, revokedAt: null, lastUsedAt: null });

    const list = await as(server, owner.accessToken)(LIST);
    expect(list.body.data?.apiKeys.nodes.map((k: { rowId: string }) => k.rowId)).toContain(key!.apiKey.rowId);
    expect(JSON.stringify(list.body)).not.toContain(key!.secret.slice(11));

    const { rows } = await getDb().superPool.query("select secret_hash from app_private.api_key_secrets where api_key_id = $1", [key!.apiKey.rowId]);
    expect(rows).toEqual([{ secret_hash: createHash("sha256").update(key!.secret).digest() }]);
    const { rows: plain } = await getDb().superPool.query("select count(*)::int as n from app_public.api_keys k where k::text like '%' || $1 || '%'", [key!.secret.slice(11)]);
    expect(plain[0].n).toBe(0);
  });

  it("exposes no hash or secret table through GraphQL (only CreatedApiKey.secret)", async () => {
    const res = await as(server, owner.accessToken)("{ __schema { types { name fields { name } } } }");
    const fields = (res.body.data?.__schema.types as Array<{ name: string; fields: Array<{ name: string }> | null }>).flatMap((t) =>
      (t.fields ?? []).map((f) => `${t.name}.${f.name}`),
    );
    expect(fields).toContain("CreatedApiKey.secret");
    expect(fields.filter((f) => /hash/i.test(f) || /ApiKeySecret/i.test(f))).toEqual([]);
    expect(fields.filter((f) => /^ApiKey\./.test(f) && /secret/i.test(f))).toEqual([]);
    // The committed schema (what the SDK is generated from) agrees.
    const printed = fs.readFileSync(path.join(__dirname, "..", "..", "schema.graphql"), "utf8");
    expect(printed).toMatch(/type CreatedApiKey \{/);
    expect(printed).not.toMatch(/secretHash|secret_hash|ApiKeySecret|supersededAt/);
  });

  it("expands scopes through the SQL scope map and rejects unknown ones", async () => {
    const { key } = await create(owner.accessToken, { scopes: { blog: ["write", "read"] } });
    expect(key!.apiKey.permissions).toEqual(["blog:posts.read", "blog:posts.write"]);
    const { rows } = await getDb().superPool.query("select permission from app_public.api_key_scopes where service = 'blog' and scope = 'read'");
    expect(rows).toEqual([{ permission: "blog:posts.read" }]);
    for (const scopes of [{ blog: ["delete"] }, { crm: ["read"] }, { blog: "read" }, { blog: [] }, { blog: [1] }]) {
      const { res } = await create(owner.accessToken, { scopes });
      expect({ scopes, code: codeOf(res) }).toEqual({ scopes, code: "INVLD" });
    }
  });

  it("keeps publishable keys to public read scopes, with allowed domains; secret keys have none", async () => {
    const ok = await create(owner.accessToken, { type: "publishable", scopes: { blog: ["read"] }, domains: ["*.Example.com", "app.test"] });
    expect(ok.key!.secret).toMatch(/^pk_[0-9a-f]{48}$/);
    expect(ok.key!.apiKey).toMatchObject({ type: "publishable", permissions: ["blog:posts.read"], allowedDomains: ["*.example.com", "app.test"] });
    const cases: Array<Record<string, unknown>> = [
      { type: "publishable", scopes: { blog: ["read", "write"] }, domains: ["example.com"] },
      { type: "publishable", scopes: { blog: ["read"] }, domains: [] },
      { type: "publishable", scopes: { blog: ["read"] }, domains: ["https://example.com/x"] },
      { type: "secret", scopes: { blog: ["read"] }, domains: ["example.com"] },
      { type: "admin", scopes: {} },
    ];
    for (const vars of cases) expect({ vars, code: codeOf((await create(owner.accessToken, vars)).res) }).toEqual({ vars, code: "INVLD" });
    // Even the owner role (trusted code) cannot store a write scope on a publishable key: the trigger is in SQL.
    await expect(
      getDb().superPool.query("insert into app_public.api_keys (tenant_id, name, type, prefix, scopes, allowed_domains) values ($1, 'x', 'publishable', 'pk_00000000', '{\"blog\": [\"write\"]}', '{example.com}')", [owner.tenantId]),
    ).rejects.toMatchObject({ code: "INVLD" });
  });

  it("refuses a key broader than its creator, and callers without apikeys:manage", async () => {
    const manager = await memberWith(["apikeys:manage", "blog:posts.read"]);
    expect((await create(manager, { scopes: { blog: ["read"] } })).key!.apiKey.permissions).toEqual(["blog:posts.read"]);
    const escalate = await create(manager, { scopes: { blog: ["read", "write"] } });
    expect(codeOf(escalate.res)).toBe("DNIED");
    expect(escalate.res.body.errors?.[0].message).toMatch(/blog:posts\.write/);

    // Nor by widening an existing key's scopes afterwards.
    const own = (await create(manager, { scopes: { blog: ["read"] } })).key!.apiKey.rowId;
    const widen = await as(server, manager)(`mutation($id: UUID!) { updateApiKey(input: { rowId: $id, patch: { scopes: { blog: ["read", "publish"] } } }) { apiKey { permissions } } }`, { id: own });
    expect(codeOf(widen)).toBe("DNIED");
    const { rows } = await getDb().superPool.query("select permissions from app_public.api_keys where id = $1", [own]);
    expect(rows[0].permissions).toEqual(["blog:posts.read"]);

    const member = await memberWith(["blog:posts.read", "blog:posts.write"]);
    expect(codeOf((await create(member, { scopes: { blog: ["read"] } })).res)).toBe("DNIED");
    expect((await as(server, member)(LIST)).body.data?.apiKeys.nodes).toEqual([]);
  });

  it("sets expiry from 30d, 90d, 1y or never, and refuses anything else", async () => {
    const day = 86_400_000;
    for (const [expiresIn, days] of [["30d", 30], ["90d", 90], ["1y", 365], [undefined, 90]] as const) {
      const { key } = await create(owner.accessToken, { expiresIn, scopes: { blog: ["read"] } });
      expect(Math.abs(new Date(key!.apiKey.expiresAt).getTime() - (Date.now() + days * day))).toBeLessThan(1.5 * day);
    }
    expect((await create(owner.accessToken, { expiresIn: "never" })).key!.apiKey.expiresAt).toBeNull();
    expect(codeOf((await create(owner.accessToken, { expiresIn: "2d" })).res)).toBe("INVLD");
  });
});

describe("using the lifecycle", () => {
  it("refuses an expired key with BADKY, and a cached one gets no data once it expires", async () => {
    await getDb().superPool.query("insert into app_public.posts (tenant_id, title, status) values ($1, 'for expiry', 'published')", [owner.tenantId]);
    const expired = (await create(owner.accessToken, { scopes: { blog: ["read"] } })).key!;
    await getDb().superPool.query("update app_public.api_keys set expires_at = now() - interval '1 second' where id = $1", [expired.apiKey.rowId]);
    const res = await withKey(server, expired.secret);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: "BADKY" }, message: expect.stringMatching(/expired/) });

    const cached = (await create(owner.accessToken, { scopes: { blog: ["read"] } })).key!;
    expect((await withKey(server, cached.secret)).body.data?.posts.totalCount).toBeGreaterThan(0);
    await getDb().superPool.query("update app_public.api_keys set expires_at = now() - interval '1 second' where id = $1", [cached.apiKey.rowId]);
    expect((await withKey(server, cached.secret)).body.data?.posts.totalCount ?? 0).toBe(0);
  });

  it("revokes for good: 401 for an uncached key, no data at once for a cached one", async () => {
    const a = (await create(owner.accessToken, { scopes: { blog: ["read"] } })).key!;
    const revoked = await as(server, owner.accessToken)(REVOKE, { id: a.apiKey.rowId });
    expect(revoked.body.data?.revokeApiKey.result.revokedAt).toEqual(expect.any(String));
    const res = await withKey(server, a.secret);
    expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 401, code: "BADKY" });

    await getDb().superPool.query("insert into app_public.posts (tenant_id, title, status) values ($1, 'visible', 'published')", [owner.tenantId]);
    const b = (await create(owner.accessToken, { scopes: { blog: ["read"] } })).key!;
    expect((await withKey(server, b.secret)).body.data?.posts.totalCount).toBeGreaterThan(0); // now cached
    await as(server, owner.accessToken)(REVOKE, { id: b.apiKey.rowId });
    const cached = await withKey(server, b.secret);
    expect(cached.body.data?.posts.totalCount ?? 0).toBe(0); // RLS looks the key up in every statement
    const uncached = await startTestServer(getDb(), { API_KEY_CACHE_SECONDS: "0" });
    try {
      expect(codeOf(await withKey(uncached, b.secret))).toBe("BADKY");
    } finally {
      await uncached.close();
    }
    expect(codeOf(await as(server, owner.accessToken)(ROLL, { id: b.apiKey.rowId }))).toBe("INVLD");
  });

  it("rolls to a new secret; the old one works for the grace period only", async () => {
    const first = (await create(owner.accessToken, { scopes: { blog: ["read"] } })).key!;
    const rolled = (await as(server, owner.accessToken)(ROLL, { id: first.apiKey.rowId })).body.data?.rollApiKey.result;
    expect(rolled.secret).toMatch(/^ls_[0-9a-f]{48}$/);
    expect(rolled.secret).not.toBe(first.secret);
    expect(rolled.apiKey).toMatchObject({ rowId: first.apiKey.rowId, prefix: rolled.secret.slice(0, 11), permissions: ["blog:posts.read"] });

    expect((await withKey(server, rolled.secret)).status).toBe(200);
    expect((await withKey(server, first.secret)).status).toBe(200); // default grace: 24 h
    const noGrace = await startTestServer(getDb(), { API_KEY_ROLL_GRACE_SECONDS: "0" });
    try {
      const res = await withKey(noGrace, first.secret);
      expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 401, code: "BADKY" });
      expect((await withKey(noGrace, rolled.secret)).status).toBe(200);
    } finally {
      await noGrace.close();
    }
    // Another workspace cannot roll or revoke it.
    const stranger = await signUp(server);
    expect(codeOf(await as(server, stranger.accessToken)(ROLL, { id: first.apiKey.rowId }))).toBe("NTFND");
    expect(codeOf(await as(server, stranger.accessToken)(REVOKE, { id: first.apiKey.rowId }))).toBe("NTFND");
  });
});
