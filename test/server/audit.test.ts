/**
 * The audit log over HTTP: GraphQL listing with `audit:read` (filters,
 * cursor pagination), nothing for members without it, the security events
 * the auth routes and API-key mutations record (with request id and IP), and
 * the CSV export, which runs under the caller's request role and so contains
 * their workspace's rows only.
 */
import { generate } from "otplib";
import { as, bearer, login, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let other: TestUser;
beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server, { workspaceName: "Audited" });
  other = await signUp(server, { workspaceName: "Elsewhere" });
});
afterAll(() => server?.close());

const FIELDS = "seq action event tableName recordId actorUserId actorApiKeyId requestId ip diff occurredAt";
const ENTRIES = `query($table: String, $actor: UUID, $action: String, $event: String, $after: Datetime, $before: Datetime, $first: Int, $cursor: Cursor) {
  auditEntries(tableName: $table, actorUserId: $actor, action: $action, event: $event, occurredAfter: $after, occurredBefore: $before, first: $first, after: $cursor) {
    nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;

async function entries(token: string, vars: Record<string, unknown> = {}) {
  const res = await as(server, token)(ENTRIES, vars);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.auditEntries as { nodes: Array<Record<string, any>>; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

async function createPost(user: TestUser, title: string, requestId?: string): Promise<string> {
  const res = await server.graphql(`mutation($t: String!) { createPost(input: { post: { title: $t } }) { post { id: rowId } } }`, { t: title }, {
    ...bearer(user.accessToken),
    ...(requestId ? { "x-request-id": requestId } : {}),
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createPost.post.id;
}

/** Minimal RFC 4180 parser (quoted cells with "", commas and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const exportCsv = (token: string | undefined, query = "") =>
  fetch(`${server.url}/audit/export.csv${query}`, { headers: token ? bearer(token) : {} });

describe("GraphQL", () => {
  it("lists the workspace's changes with actor, request id and IP, newest first", async () => {
    const postId = await createPost(owner, "Audited post", "req-audit-graphql-1");
    const { nodes } = await entries(owner.accessToken, { table: "posts" });
    expect(nodes[0]).toMatchObject({
      action: "insert",
      tableName: "posts",
      recordId: postId,
      actorUserId: owner.userId,
      actorApiKeyId: null,
      requestId: "req-audit-graphql-1",
      ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/),
      diff: expect.objectContaining({ title: "Audited post", tenant_id: owner.tenantId }),
    });
  });

  it("filters by table, actor, action, event and time range, and paginates with cursors", async () => {
    const { rows: [{ start }] } = await getDb().superPool.query("select now() as start");
    for (let i = 0; i < 5; i++) await createPost(owner, `Page ${i}`);
    const all = await entries(owner.accessToken, { table: "posts", action: "insert", after: start });
    expect(all.nodes.map((n) => n.diff.title)).toEqual(["Page 4", "Page 3", "Page 2", "Page 1", "Page 0"]);
    expect(all.nodes.every((n) => n.actorUserId === owner.userId && n.tableName === "posts")).toBe(true);

    const page1 = await entries(owner.accessToken, { table: "posts", action: "insert", after: start, first: 2 });
    expect(page1.nodes.map((n) => n.diff.title)).toEqual(["Page 4", "Page 3"]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await entries(owner.accessToken, { table: "posts", action: "insert", after: start, first: 2, cursor: page1.pageInfo.endCursor });
    expect(page2.nodes.map((n) => n.diff.title)).toEqual(["Page 2", "Page 1"]);

    expect((await entries(owner.accessToken, { table: "posts", before: start, after: start })).nodes).toEqual([]);
    expect((await entries(owner.accessToken, { table: "posts", actor: other.userId })).nodes).toEqual([]);
    const memberships = await entries(owner.accessToken, { event: "member.added" });
    expect(memberships.nodes).toEqual([expect.objectContaining({ tableName: "memberships", action: "insert" })]);
  });

  it("shows a member without audit:read nothing at all", async () => {
    const member = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    const token = await switchTenant(server, member, owner.tenantId);
    expect((await entries(token)).nodes).toEqual([]);
    const direct = await as(server, token)("{ auditLogs { totalCount } auditChainIntact }");
    expect(direct.body.data?.auditLogs.totalCount).toBe(0);
    expect(direct.body.errors?.[0].extensions?.code).toBe("DNIED");
    // The owner sees rows of the same workspace, so the empty answer is about the permission.
    expect((await entries(owner.accessToken)).nodes.length).toBeGreaterThan(0);
    expect((await as(server, owner.accessToken)("{ auditChainIntact }")).body.data?.auditChainIntact).toBe(true);
  });
});

describe("security events", () => {
  it("records sign-ins and failed sign-ins with the request id and IP", async () => {
    const failed = await server.post("/auth/login", { email: owner.email, password: "wrong password!", tokenTransport: "body" }, { "x-request-id": "req-login-failed-1" });
    expect(failed.status).toBe(401);
    const ok = await server.post("/auth/login", { email: owner.email, password: owner.password, tokenTransport: "body" }, { "x-request-id": "req-login-ok-1" });
    expect(ok.status).toBe(200);
    const failures = (await entries(owner.accessToken, { event: "auth.login_failed" })).nodes;
    expect(failures[0]).toMatchObject({ action: "event", recordId: owner.userId, actorUserId: owner.userId, requestId: "req-login-failed-1", ip: expect.stringContaining("127.0.0.1") });
    const logins = (await entries(owner.accessToken, { event: "auth.login" })).nodes;
    expect(logins[0]).toMatchObject({ requestId: "req-login-ok-1", diff: { amr: ["pwd"], aal: "aal1" } });
    // The other workspace's log has none of this.
    expect((await entries(other.accessToken, { event: "auth.login_failed" })).nodes).toEqual([]);
  });

  it("creates a session only together with its sign-in entry (one transaction)", async () => {
    const db = getDb();
    const families = async () =>
      (await db.superPool.query("select count(*)::int n from app_private.refresh_token_families where user_id = $1", [owner.userId])).rows[0].n as number;
    const before = await families();
    // A DBA's rule that refuses the sign-in entry: the session must not survive without it.
    await db.superPool.query(`create function pg_temp_refuse_login() returns trigger as $$
      begin if new.event = 'auth.login' then raise exception 'audit refused'; end if; return new; end $$ language plpgsql`);
    await db.superPool.query("create trigger _000_refuse_login before insert on app_public.audit_log for each row execute procedure pg_temp_refuse_login()");
    try {
      const res = await server.post("/auth/login", { email: owner.email, password: owner.password, tokenTransport: "body" });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe("INTRN");
      expect(JSON.stringify(res.body)).not.toContain("audit refused");
      expect(await families()).toBe(before);
    } finally {
      await db.superPool.query("drop trigger _000_refuse_login on app_public.audit_log");
      await db.superPool.query("drop function pg_temp_refuse_login()");
    }
    const ok = await server.post("/auth/login", { email: owner.email, password: owner.password, tokenTransport: "body" });
    expect(ok.status).toBe(200);
    expect(await families()).toBe(before + 1);
  });

  it("records MFA being turned on and API keys being created and revoked", async () => {
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(owner.accessToken));
    expect(enrol.status).toBe(200);
    const left = 30 - ((Date.now() / 1000) % 30);
    if (left < 3) await new Promise((r) => setTimeout(r, left * 1000 + 100));
    const code = await generate({ secret: enrol.body.secret, epoch: Math.floor(Date.now() / 1000) });
    expect((await server.post("/auth/mfa/totp/confirm", { code }, bearer(owner.accessToken))).status).toBe(200);
    expect((await entries(owner.accessToken, { event: "auth.mfa_enabled" })).nodes).toEqual([expect.objectContaining({ actorUserId: owner.userId })]);

    const created = await as(server, owner.accessToken)(`mutation { createApiKey(input: { name: "audited", scopes: { blog: ["read"] } }) { result { secret apiKey { rowId } } } }`);
    expect(created.body.errors).toBeUndefined();
    const keyId = created.body.data!.createApiKey.result.apiKey.rowId;
    await as(server, owner.accessToken)(`mutation($id: UUID!) { revokeApiKey(input: { apiKeyId: $id }) { result { rowId } } }`, { id: keyId });
    const keyEvents = (await entries(owner.accessToken, { table: "api_keys" })).nodes.filter((n) => n.recordId === keyId);
    expect(keyEvents.map((n) => n.event)).toEqual(["apikey.revoked", "apikey.created"]);
    // The secret's hash lives in app_private and is never in a diff.
    expect(JSON.stringify(keyEvents)).not.toContain(created.body.data!.createApiKey.result.secret);
  });

  it("records sessions being revoked (logout)", async () => {
    const res = await login(server, other.email, other.password);
    expect(res.status).toBe(200);
    expect((await server.post("/auth/logout", { refreshToken: res.body.refreshToken })).status).toBeLessThan(300);
    const revoked = (await entries(other.accessToken, { event: "auth.session_revoked" })).nodes;
    expect(revoked[0]).toMatchObject({ action: "event", recordId: other.userId, diff: expect.objectContaining({ reason: "logout" }) });
  });
});

describe("CSV export", () => {
  it("streams only the caller's workspace, with the header and RFC 4180 escaping", async () => {
    const tricky = 'Comma, "quotes"\nand a newline';
    await createPost(owner, tricky);
    await createPost(other, "OTHER_WORKSPACE_MARKER");
    const res = await exportCsv(owner.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain(`audit-${owner.tenantId}.csv`);
    const text = await res.text();
    expect(text).not.toContain("OTHER_WORKSPACE_MARKER");
    expect(text).not.toContain(other.userId);
    const rows = parseCsv(text);
    const header = rows[0];
    expect(header).toEqual(["seq", "occurred_at", "action", "event", "table_name", "record_id", "actor_user_id", "actor_api_key_id", "request_id", "ip", "diff", "prev_hash", "hash"]);
    const body = rows.slice(1);
    expect(body.every((r) => r.length === header.length)).toBe(true);
    // Oldest first, gapless: the whole chain as this workspace's auditors may read it.
    const seqs = body.map((r) => Number(r[0]));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    const post = body.find((r) => r[4] === "posts" && JSON.parse(r[10]).title === tricky);
    expect(post).toBeDefined();
    expect(post![2]).toBe("insert");
    expect(post![12]).toMatch(/^[0-9a-f]{64}$/);
    // Same number of rows as the workspace really has (superuser count).
    const { rows: count } = await getDb().superPool.query("select count(*)::int as n from app_public.audit_log where tenant_id = $1", [owner.tenantId]);
    expect(body.length).toBe(count[0].n);
  });

  it("honours from/to, and refuses anonymous callers, members without audit:read and bad dates", async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const empty = await (await exportCsv(owner.accessToken, `?from=${encodeURIComponent(future)}`)).text();
    expect(parseCsv(empty)).toHaveLength(1); // header only
    const past = await (await exportCsv(owner.accessToken, `?to=${encodeURIComponent(new Date(0).toISOString())}`)).text();
    expect(parseCsv(past)).toHaveLength(1);

    expect((await exportCsv(undefined)).status).toBe(401);
    const member = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    const denied = await exportCsv(await switchTenant(server, member, owner.tenantId));
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as any).error.code).toBe("DNIED");
    const bad = await exportCsv(owner.accessToken, "?from=yesterday-ish");
    expect(bad.status).toBe(422);
  });
});
