/**
 * Authenticating with API keys over HTTP: both header forms, the key's
 * workspace only, publishable keys read published posts from their allowed
 * domains and never write (proven in SQL too), secret keys stay out of
 * browsers, ambiguous credentials are refused, and only good requests mark
 * the key as used.
 */
import http from "node:http";
import type { ApiKeyService } from "../../server/src/apiKeys/apiKeys";
import type { VerifiedIdentity } from "../../core/tenancy";
import { as, bearer, signUp, type TestUser } from "../helpers/auth";
import { asRequestRole, useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
const BROWSER_ORIGINS = "https://app.example.com, https://evil.com, https://example.com, https://example.com.evil.com, https://app.test";
let server: TestServer;
let owner: TestUser;
let other: TestUser;
const keys: Record<"secret" | "publishable" | "otherSecret", { secret: string; id: string }> = {} as never;

const POSTS = "{ posts(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { title status tenantId } } }";
const CREATE_POST = `mutation { createPost(input: { post: { title: "via key" } }) { post { rowId } } }`;

async function createKey(user: TestUser, vars: Record<string, unknown>) {
  const res = await as(server, user.accessToken)(
    `mutation($type: String, $scopes: JSON, $domains: [String]) { createApiKey(input: { name: "k", type: $type, scopes: $scopes, allowedDomains: $domains }) { result { secret apiKey { rowId } } } }`,
    vars,
  );
  const r = res.body.data!.createApiKey.result;
  return { secret: r.secret as string, id: r.apiKey.rowId as string };
}

const lastUsed = async (id: string) => (await getDb().superPool.query("select last_used_at from app_public.api_keys where id = $1", [id])).rows[0].last_used_at as Date | null;
/** Lets the response's 'finish' handlers run, then writes the batched usage marks. */
const flushUsage = async () => {
  await new Promise((r) => setTimeout(r, 50));
  await (server.srv.app.locals.apiKeys as ApiKeyService).flush();
};

/** Raw HTTP, so header lines can be repeated exactly as sent (fetch would merge them). */
function rawGraphql(headers: Array<[string, string]>): Promise<{ status: number; body: any }> {
  const body = JSON.stringify({ query: POSTS });
  const url = new URL(`${server.url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: "/graphql", method: "POST" }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.setHeader("content-type", "application/json");
    req.setHeader("content-length", Buffer.byteLength(body));
    const grouped = new Map<string, string[]>();
    for (const [k, v] of headers) grouped.set(k, [...(grouped.get(k) ?? []), v]);
    for (const [k, vs] of grouped) req.setHeader(k, vs.length === 1 ? vs[0] : vs);
    req.end(body);
  });
}

beforeAll(async () => {
  // These origins pass CORS, so what is tested here is the keys' own origin checks (CORS: test/server/cors.test.ts).
  server = await startTestServer(getDb(), { CORS_ORIGINS: BROWSER_ORIGINS });
  owner = await signUp(server, { workspaceName: "Key Owner" });
  other = await signUp(server, { workspaceName: "Other Co" });
  for (const [user, title, status] of [
    [owner, "A draft", "draft"],
    [owner, "A published", "published"],
    [other, "B published", "published"],
  ] as const) {
    await as(server, user.accessToken)(`mutation($t: String!, $s: String!) { createPost(input: { post: { title: $t, status: $s } }) { post { rowId } } }`, { t: title, s: status });
  }
  keys.secret = await createKey(owner, { scopes: { blog: ["read", "write"] } });
  keys.publishable = await createKey(owner, { type: "publishable", scopes: { blog: ["read"] }, domains: ["*.example.com", "app.test"] });
  keys.otherSecret = await createKey(other, { scopes: { blog: ["read"] } });
});
afterAll(() => server?.close());

describe("a secret key", () => {
  it("works as x-api-key and as a Bearer token, and sees only its own workspace (drafts included)", async () => {
    for (const headers of [{ "x-api-key": keys.secret.secret }, bearer(keys.secret.secret)]) {
      const res = await server.graphql(POSTS, {}, headers);
      expect(res.body.data?.posts.nodes).toEqual([
        { title: "A draft", status: "draft", tenantId: owner.tenantId },
        { title: "A published", status: "published", tenantId: owner.tenantId },
      ]);
    }
    const theirs = await server.graphql(POSTS, {}, { "x-api-key": keys.otherSecret.secret });
    expect(theirs.body.data?.posts.nodes).toEqual([{ title: "B published", status: "published", tenantId: other.tenantId }]);
  });

  it("runs as app_api_key with no user, and writes within its permissions", async () => {
    const res = await server.graphql(`{ currentUser { rowId } }`, {}, { "x-api-key": keys.secret.secret });
    expect(res.body.data?.currentUser ?? null).toBeNull(); // no person behind a key
    // author_id null is only allowed by the app_api_key insert policy (app_user's requires author = caller).
    const write = await server.graphql(CREATE_POST, {}, { "x-api-key": keys.secret.secret });
    expect(write.body.data?.createPost.post.rowId).toEqual(expect.any(String));
    const { rows } = await getDb().superPool.query("select tenant_id, author_id from app_public.posts where id = $1", [write.body.data?.createPost.post.rowId]);
    expect(rows).toEqual([{ tenant_id: owner.tenantId, author_id: null }]);
    await getDb().superPool.query("delete from app_public.posts where id = $1", [write.body.data?.createPost.post.rowId]);
  });

  it("is refused from a browser (Origin header) unless configured otherwise", async () => {
    const res = await server.graphql(POSTS, {}, { "x-api-key": keys.secret.secret, origin: "https://app.example.com" });
    expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 403, code: "KYORG" });
    const lenient = await startTestServer(getDb(), { API_KEY_ALLOW_SECRET_FROM_BROWSER: "true", CORS_ORIGINS: BROWSER_ORIGINS });
    try {
      const ok = await lenient.graphql(POSTS, {}, { "x-api-key": keys.secret.secret, origin: "https://app.example.com" });
      expect(ok.body.data?.posts.nodes).toHaveLength(2);
    } finally {
      await lenient.close();
    }
  });

  it("gets only the services the workspace has", async () => {
    await getDb().superPool.query("update app_public.tenant_services set enabled = false where tenant_id = $1 and service = 'blog'", [other.tenantId]);
    try {
      const { rows } = await getDb().superPool.query("select permissions, services, state from app_private.verify_api_key(sha256($1::bytea), interval '1 day')", [keys.otherSecret.secret]);
      expect(rows).toEqual([{ permissions: [], services: [], state: "active" }]);
      const fresh = await startTestServer(getDb(), { API_KEY_CACHE_SECONDS: "0", CORS_ORIGINS: BROWSER_ORIGINS });
      try {
        expect((await fresh.graphql(POSTS, {}, { "x-api-key": keys.otherSecret.secret })).body.data?.posts.nodes).toEqual([]);
      } finally {
        await fresh.close();
      }
    } finally {
      await getDb().superPool.query("update app_public.tenant_services set enabled = true where tenant_id = $1 and service = 'blog'", [other.tenantId]);
    }
  });
});

describe("a publishable key", () => {
  it("reads published posts only, from an allowed domain (wildcard subdomains, or Referer)", async () => {
    const allowed: Array<Record<string, string>> = [{ origin: "https://www.example.com" }, { origin: "http://deep.sub.example.com:8080" }, { referer: "https://app.test/blog/page" }];
    for (const headers of allowed) {
      const res = await server.graphql(POSTS, {}, { "x-api-key": keys.publishable.secret, ...headers });
      expect({ headers, nodes: res.body.data?.posts.nodes }).toEqual({ headers, nodes: [{ title: "A published", status: "published", tenantId: owner.tenantId }] });
    }
  });

  it("is refused from a foreign origin, the bare apex of a wildcard, or with no origin at all", async () => {
    const foreign: Array<Record<string, string>> = [{ origin: "https://evil.com" }, { origin: "https://example.com" }, { origin: "https://example.com.evil.com" }, { origin: "null" }, {}];
    for (const headers of foreign) {
      const res = await server.graphql(POSTS, {}, { "x-api-key": keys.publishable.secret, ...headers });
      expect({ headers, status: res.status, code: codeOf(res) }).toEqual({ headers, status: 403, code: headers.origin === "null" ? "NOCRS" : "KYORG" });
    }
  });

  it("cannot write, refused by RLS", async () => {
    const res = await server.graphql(CREATE_POST, {}, { "x-api-key": keys.publishable.secret, origin: "https://www.example.com" });
    expect(codeOf(res)).toBe("DNIED");
    const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.posts where title = 'via key'");
    expect(rows[0].n).toBe(0);
  });

  it("cannot write or read drafts in SQL even with forged write permissions (the TS layer bypassed)", async () => {
    const forged = (apiKeyId: string): VerifiedIdentity => ({
      role: "app_api_key",
      tenantId: owner.tenantId,
      permissions: ["blog:posts.read", "blog:posts.write", "blog:posts.publish"],
      services: ["blog"],
      apiKeyId,
    });
    await asRequestRole(getDb(), forged(keys.publishable.id), async (c) => {
      const { rows } = await c.query("select title from app_public.posts order by title");
      expect(rows).toEqual([{ title: "A published" }]);
      await expect(c.query("insert into app_public.posts (title) values ('forged')")).rejects.toMatchObject({ code: "42501" });
    });
    await asRequestRole(getDb(), forged(keys.publishable.id), async (c) => {
      expect((await c.query("update app_public.posts set title = 'x'")).rowCount).toBe(0);
      expect((await c.query("delete from app_public.posts")).rowCount).toBe(0);
    });
    // The same forged settings with the secret key's id may write: the refusal above is the key type, not the setup.
    await asRequestRole(getDb(), forged(keys.secret.id), async (c) => {
      expect((await c.query("insert into app_public.posts (title) values ('forged') returning tenant_id")).rows).toEqual([{ tenant_id: owner.tenantId }]);
      expect((await c.query("select count(*)::int as n from app_public.posts")).rows[0].n).toBe(3);
    });
  });
});

describe("refused credentials", () => {
  it("answers unknown and malformed keys with 401 BADKY", async () => {
    for (const key of [`ls_${"0".repeat(48)}`, "ls_short", "pk_" + "Z".repeat(48), keys.secret.secret + "0", ""]) {
      const res = await server.graphql(POSTS, {}, { "x-api-key": key });
      expect({ key, status: res.status, code: codeOf(res) }).toEqual({ key, status: 401, code: "BADKY" });
    }
    const bearerRes = await server.graphql(POSTS, {}, bearer(`ls_${"0".repeat(48)}`));
    expect({ status: bearerRes.status, code: codeOf(bearerRes) }).toEqual({ status: 401, code: "BADKY" });
  });

  it("refuses smuggled credentials: repeated headers, or x-api-key and Authorization that differ", async () => {
    const k = keys.secret.secret;
    const cases: Array<Array<[string, string]>> = [
      [["x-api-key", k], ["x-api-key", k]],
      [["x-api-key", k], ["x-api-key", keys.otherSecret.secret]],
      [["authorization", `Bearer ${k}`], ["authorization", `Bearer ${keys.otherSecret.secret}`]],
      [["x-api-key", k], ["authorization", `Bearer ${keys.otherSecret.secret}`]],
      [["x-api-key", k], ["authorization", `Bearer ${owner.accessToken}`]],
    ];
    for (const headers of cases) {
      const res = await rawGraphql(headers);
      expect({ headers: headers.length, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ headers: headers.length, status: 401, code: "BADKY" });
    }
    // The same key in both places is one credential.
    const same = await rawGraphql([["x-api-key", k], ["authorization", `Bearer ${k}`]]);
    expect(same.body.data?.posts.nodes).toHaveLength(2);
  });
});

describe("last_used_at", () => {
  it("stays unchanged for refused requests and is set by a good one", async () => {
    const fresh = await createKey(owner, { type: "publishable", scopes: { blog: ["read"] }, domains: ["app.test"] });
    const freshSecret = await createKey(owner, { scopes: { blog: ["read"] } });
    await server.graphql(POSTS, {}, { "x-api-key": fresh.secret, origin: "https://evil.com" });
    await server.graphql(CREATE_POST, {}, { "x-api-key": fresh.secret, origin: "https://app.test" });
    await server.graphql(POSTS, {}, { "x-api-key": freshSecret.secret, origin: "https://app.test" });
    await rawGraphql([["x-api-key", freshSecret.secret], ["x-api-key", freshSecret.secret]]);
    await flushUsage();
    expect({ publishable: await lastUsed(fresh.id), secret: await lastUsed(freshSecret.id) }).toEqual({ publishable: null, secret: null });

    const before = Date.now();
    const ok = await server.graphql(POSTS, {}, { "x-api-key": fresh.secret, origin: "https://app.test" });
    expect(ok.status).toBe(200);
    await flushUsage();
    const used = await lastUsed(fresh.id);
    expect(used?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await lastUsed(freshSecret.id)).toBeNull();

    // Within the minute, more requests write nothing more.
    await server.graphql(POSTS, {}, { "x-api-key": fresh.secret, origin: "https://app.test" });
    await flushUsage();
    expect(await lastUsed(fresh.id)).toEqual(used);
  });
});
