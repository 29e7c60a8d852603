/**
 * Every plan limit, now read from the meters: seats (including the refusal on
 * invitation acceptance), posts and API keys refuse at the limit and free a slot
 * when a row goes; the gauges always equal their tables; the billing page reads
 * usage in GraphQL; email sends are counted by the worker; monthly periods
 * start and end on UTC calendar months; thresholds notify billing managers.
 */
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { codeOf, eventually } from "../helpers/expect";
import { runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { useTestSmtp } from "../helpers/smtp";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const sql = async (text: string, params: unknown[] = []) => (await getDb().superPool.query(text, params)).rows;
const setLimits = (tenantId: string, limits: Record<string, number>) =>
  sql("update app_public.billing_accounts set limits = limits || $2::jsonb where tenant_id = $1", [tenantId, JSON.stringify(limits)]);
/** The gauge counters (a meter never touched has no row yet: 0). */
const gauges = async (tenantId: string) => ({ seats: 0, "blog.posts": 0, api_keys: 0, ...Object.fromEntries((await sql("select meter, used::int from app_private.meter_counters where tenant_id = $1 and period_start = 'epoch' and meter in ('seats', 'blog.posts', 'api_keys')", [tenantId])).map((r) => [r.meter, r.used])) });
const counts = async (tenantId: string) => (await sql(`select
    (select count(*)::int from app_public.memberships where tenant_id = $1) as seats,
    (select count(*)::int from app_public.posts where tenant_id = $1) as "blog.posts",
    (select count(*)::int from app_public.api_keys where tenant_id = $1 and revoked_at is null) as api_keys`, [tenantId]))[0];

const INVITE = `mutation($email: String!) { inviteMember(input: { email: $email }) { result { rowId } } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(input: { token: $token }) { result { rowId } } }`;
const CREATE_POST = `mutation($t: String!) { createPost(input: { post: { title: $t } }) { post { rowId } } }`;
const CREATE_KEY = `mutation { createApiKey(input: { name: "k", scopes: { blog: ["read"] } }) { result { apiKey { rowId } } } }`;

async function invite(owner: TestUser, email: string): Promise<string> {
  const res = await as(server, owner.accessToken)(INVITE, { email });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  await runJobs(getDb());
  // The invitee gets other emails too (verification, welcome): take the one with the invitation link.
  const link = /invitations\/accept\?token=([A-Za-z0-9_-]{43})/;
  const token = [...getSmtp().received].reverse().filter((m) => m.to.includes(email))
    .map((m) => link.exec(m.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "="))?.[1]).find(Boolean);
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

describe("seats", () => {
  it("refuses accepting an invitation when the workspace is full, changing nothing, and frees the seat when a member leaves", async () => {
    const owner = await signUp(server, { workspaceName: "Full House" });
    await setLimits(owner.tenantId, { seats: 2 });
    const first = await signUp(server);
    const second = await signUp(server);
    const firstToken = await invite(owner, first.email);
    const secondToken = await invite(owner, second.email);
    const joined = await as(server, first.accessToken)(ACCEPT, { token: firstToken });
    expect(joined.body.errors).toBeUndefined();

    const refused = await as(server, second.accessToken)(ACCEPT, { token: secondToken });
    expect(codeOf(refused)).toBe("LIMIT");
    expect(refused.body.errors?.[0].message).toMatch(/allows 2 seats \(workspace\), and 2 are in use/);
    expect((await sql("select count(*)::int as n from app_public.memberships where tenant_id = $1", [owner.tenantId]))[0].n).toBe(2);
    expect((await sql("select accepted_at from app_public.invitations where tenant_id = $1 and email = $2", [owner.tenantId, second.email]))[0].accepted_at).toBeNull();
    expect(await gauges(owner.tenantId)).toMatchObject({ seats: 2 });

    // The first member is removed: the seat is free and the same invitation now works.
    const removed = await as(server, owner.accessToken)(`mutation($id: UUID!) { removeMember(input: { membershipId: $id }) { result { rowId } } }`,
      { id: joined.body.data!.acceptInvitation.result.rowId });
    expect(removed.body.errors).toBeUndefined();
    expect(await gauges(owner.tenantId)).toMatchObject({ seats: 1 });
    expect((await as(server, second.accessToken)(ACCEPT, { token: secondToken })).body.errors).toBeUndefined();
    expect(await gauges(owner.tenantId)).toEqual(await counts(owner.tenantId));
  });

  it("counts each invitation email on the workspace's email.sends meter (the worker meters what it sends)", async () => {
    const owner = await signUp(server);
    await invite(owner, `a-${owner.tenantId.slice(0, 8)}@example.com`);
    await invite(owner, `b-${owner.tenantId.slice(0, 8)}@example.com`);
    const rows = await sql("select used::int, period_start from app_private.meter_counters where tenant_id = $1 and meter = 'email.sends'", [owner.tenantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].used).toBe(2);
    const now = new Date();
    expect(rows[0].period_start.toISOString()).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
    // Counted even over a limit: due emails are sent, the meter records them.
    await setLimits(owner.tenantId, { email_sends: 1 });
    await invite(owner, `c-${owner.tenantId.slice(0, 8)}@example.com`);
    expect((await sql("select used::int from app_private.meter_counters where tenant_id = $1 and meter = 'email.sends'", [owner.tenantId]))[0].used).toBe(3);
  });
});

describe("posts and API keys", () => {
  it("refuses a post at the blog's limit and takes one again after a delete", async () => {
    const user = await signUp(server);
    await sql(`update app_public.tenant_services set limits = '{"posts": 2}' where tenant_id = $1 and service = 'blog'`, [user.tenantId]);
    const ids: string[] = [];
    for (const t of ["one", "two"]) ids.push((await as(server, user.accessToken)(CREATE_POST, { t })).body.data!.createPost.post.rowId);
    expect(codeOf(await as(server, user.accessToken)(CREATE_POST, { t: "three" }))).toBe("LIMIT");
    expect((await as(server, user.accessToken)(`mutation($id: UUID!) { deletePost(input: { rowId: $id }) { post { rowId } } }`, { id: ids[0] })).body.errors).toBeUndefined();
    expect((await as(server, user.accessToken)(CREATE_POST, { t: "three" })).body.errors).toBeUndefined();
    expect(await gauges(user.tenantId)).toEqual(await counts(user.tenantId));
  });

  it("refuses an API key at the limit, frees a slot on revocation, and never counts revoked keys", async () => {
    const user = await signUp(server);
    await setLimits(user.tenantId, { api_keys: 1 });
    const first = await as(server, user.accessToken)(CREATE_KEY);
    expect(first.body.errors).toBeUndefined();
    expect(codeOf(await as(server, user.accessToken)(CREATE_KEY))).toBe("LIMIT");
    const revoke = await as(server, user.accessToken)(`mutation($id: UUID!) { revokeApiKey(input: { apiKeyId: $id }) { result { rowId } } }`,
      { id: first.body.data!.createApiKey.result.apiKey.rowId });
    expect(revoke.body.errors).toBeUndefined();
    // Revoking twice releases once.
    await as(server, user.accessToken)(`mutation($id: UUID!) { revokeApiKey(input: { apiKeyId: $id }) { result { rowId } } }`, { id: first.body.data!.createApiKey.result.apiKey.rowId });
    expect(await gauges(user.tenantId)).toMatchObject({ api_keys: 0 });
    expect((await as(server, user.accessToken)(CREATE_KEY)).body.errors).toBeUndefined();
    expect(await gauges(user.tenantId)).toEqual(await counts(user.tenantId));
  });

  it("keeps the gauges equal to the tables through trusted writes and a workspace deletion", async () => {
    const user = await signUp(server);
    await sql("insert into app_public.posts (tenant_id, title) select $1, 'bulk ' || g from generate_series(1, 7) g", [user.tenantId]);
    await sql("delete from app_public.posts where tenant_id = $1 and title in ('bulk 1', 'bulk 2')", [user.tenantId]);
    expect(await gauges(user.tenantId)).toEqual(await counts(user.tenantId));
    expect((await counts(user.tenantId))["blog.posts"]).toBe(5);
    // meter_recount changes no count when the triggers kept up (it only repairs drift).
    const before = await gauges(user.tenantId);
    await sql("select app_private.meter_recount($1)", [user.tenantId]);
    expect(await gauges(user.tenantId)).toEqual(before);
    await sql("update app_private.meter_counters set used = 99 where tenant_id = $1 and meter = 'blog.posts'", [user.tenantId]);
    await sql("select app_private.meter_recount($1)", [user.tenantId]);
    expect(await gauges(user.tenantId)).toEqual(before);
    await sql("delete from app_public.tenants where id = $1", [user.tenantId]);
    expect(await sql("select * from app_private.meter_counters where tenant_id = $1", [user.tenantId])).toEqual([]);
  });
});

describe("usage on the billing page", () => {
  it("lists every meter with usage, limit, remaining and reset, for billing readers only", async () => {
    const owner = await signUp(server);
    await setLimits(owner.tenantId, { api_calls: 1000 });
    await sql("select app_private.meter_consume($1, 'api.calls', 250)", [owner.tenantId]);
    const res = await as(server, owner.accessToken)(`{ meterUsage { nodes { meter unit period used limit remaining resetsAt } } }`);
    expect(res.body.errors).toBeUndefined();
    const byMeter = Object.fromEntries((res.body.data!.meterUsage.nodes as Array<{ meter: string }>).map((n) => [n.meter, n]));
    expect(Object.keys(byMeter).sort()).toEqual(["api.calls", "api_keys", "blog.posts", "blog.reactions", "email.sends", "seats", "storage.bytes"]);
    expect(byMeter["api.calls"]).toMatchObject({ unit: "count", period: "month", used: "250", limit: "1000", remaining: "750", resetsAt: expect.any(String) });
    expect(byMeter.seats).toMatchObject({ period: "lifetime", used: "1", limit: "5", remaining: "4", resetsAt: null });
    expect(byMeter["storage.bytes"]).toMatchObject({ unit: "bytes", used: "0", limit: String(1024 * 1024 * 1024) });
    expect(byMeter["email.sends"]).toMatchObject({ used: "0", limit: null, remaining: null });
    // The catalog itself is public to signed-in callers.
    expect((await as(server, owner.accessToken)(`{ meters { nodes { key kind } } }`)).body.data?.meters.nodes).toEqual(expect.arrayContaining([{ key: "seats", kind: "gauge" }]));

    const member = await signUp(server);
    await sql("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    const token = await switchTenant(server, member, owner.tenantId);
    expect(codeOf(await as(server, token)(`{ meterUsage { nodes { used } } }`))).toBe("DNIED");
  });

  it("notifies billing managers once when usage crosses 80 % and 100 %", async () => {
    const owner = await signUp(server);
    await setLimits(owner.tenantId, { api_calls: 10 });
    for (let i = 0; i < 12; i++) await sql("select app_private.meter_consume($1, 'api.calls', 1)", [owner.tenantId]);
    // Outbox -> dispatch -> the notifications subscriber: a few rounds of jobs.
    const thresholds = () => sql(`select data->>'threshold' as threshold from app_public.notifications
      where tenant_id = $1 and user_id = $2 and event_type = 'usage.threshold_reached' order by (data->>'threshold')::int`, [owner.tenantId, owner.userId]);
    await eventually("both threshold notifications", async () => {
      await runJobs(getDb());
      return (await thresholds()).length >= 2 || undefined;
    });
    expect((await thresholds()).map((n) => n.threshold)).toEqual(["80", "100"]);
  });
});

describe("periods", () => {
  it("are UTC calendar months for monthly meters, whatever the session's time zone, and lifetime otherwise", async () => {
    const c = await getDb().superPool.connect();
    try {
      await c.query("set timezone = 'America/New_York'");
      const period = async (p: string, at: string) => (await c.query("select period_start, resets_at from app_private.meter_period($1, $2::timestamptz)", [p, at])).rows[0];
      expect(await period("month", "2026-12-31T23:59:59Z")).toEqual({ period_start: new Date("2026-12-01T00:00:00Z"), resets_at: new Date("2027-01-01T00:00:00Z") });
      expect(await period("month", "2027-03-01T00:00:00Z")).toEqual({ period_start: new Date("2027-03-01T00:00:00Z"), resets_at: new Date("2027-04-01T00:00:00Z") });
      expect(await period("lifetime", "2027-03-01T00:00:00Z")).toEqual({ period_start: new Date(0), resets_at: null });
    } finally {
      c.release();
    }
  });

  it("start a monthly meter from zero: last month's usage does not count against this month's limit", async () => {
    const owner = await signUp(server);
    await setLimits(owner.tenantId, { api_calls: 5 });
    await sql(`insert into app_private.meter_counters (tenant_id, meter, period_start, used, notified_pct)
               values ($1, 'api.calls', date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - interval '1 month', 5, 100)`, [owner.tenantId]);
    const { rows: [r] } = await getDb().superPool.query("select * from app_private.meter_consume($1, 'api.calls', 1)", [owner.tenantId]);
    expect(r).toMatchObject({ allowed: true, used: "1", limit_value: "5" });
  });
});
