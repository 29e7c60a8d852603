/**
 * The services API (/internal/v1) against a real server and database: who may
 * call it (gateway key + the service's name, or a service token with the
 * route's scope), for which workspace (only one that has the service), and
 * what bad input does: a coded error and nothing recorded.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const GATEWAY_KEY = randomBytes(32).toString("hex");
const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let outsider: TestUser;

const sql = async (text: string, params: unknown[] = []) => (await getDb().superPool.query(text, params)).rows;

interface Answer { status: number; body: any }
async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}/internal/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const asCrm = (tenantId: string, extra: Record<string, string> = {}) => ({ "x-gateway-key": GATEWAY_KEY, "x-service-name": "crm", "x-tenant-id": tenantId, ...extra });
const eventsOf = async (tenantId: string, type = "crm.contact.created") =>
  (await sql("select payload from app_private.events where tenant_id = $1 and type = $2 order by occurred_at", [tenantId, type])).map((r) => r.payload);
const usedOf = async (tenantId: string, meter: string) =>
  Number((await sql("select coalesce(sum(used), 0) as n from app_private.meter_counters where tenant_id = $1 and meter = $2", [tenantId, meter]))[0].n);

beforeAll(async () => {
  await sql("insert into app_public.services (key, name) values ('crm', 'CRM'), ('media', 'Media') on conflict do nothing");
  await sql(`insert into app_public.event_types (key, description, schema, published_by) values ('crm.contact.created', 'A contact was created in the CRM.',
    '{"type": "object", "required": ["contactId", "name"], "properties": {"contactId": {"type": "string"}, "name": {"type": "string"}, "score": {"type": "integer"}}}', 'crm')`);
  server = await startTestServer(getDb(), { GATEWAY_KEY, GATEWAY_ROUTES: JSON.stringify({ crm: "http://127.0.0.1:9", media: "http://127.0.0.1:9" }) });
  owner = await signUp(server, { workspaceName: "Services Co" });
  outsider = await signUp(server, { workspaceName: "No CRM" });
  await sql("insert into app_public.tenant_services (tenant_id, service) values ($1, 'crm')", [owner.tenantId]);
});
afterAll(() => server?.close());

describe("authentication and the workspace", () => {
  it("refuses a missing credential (LOGIN), a forged gateway key (BADTK) and a gateway caller that does not name itself", async () => {
    expect(await call("GET", "/workspace", { "x-tenant-id": owner.tenantId })).toMatchObject({ status: 401, body: { error: { code: "LOGIN" } } });
    expect(await call("GET", "/workspace", { ...asCrm(owner.tenantId), "x-gateway-key": randomBytes(32).toString("hex") }))
      .toMatchObject({ status: 401, body: { error: { code: "BADTK" } } });
    expect(await call("GET", "/workspace", { "x-gateway-key": GATEWAY_KEY, "x-tenant-id": owner.tenantId })).toMatchObject({ status: 401, body: { error: { code: "LOGIN" } } });
    // A name that is not a route of this gateway.
    expect(await call("GET", "/workspace", asCrm(owner.tenantId, { "x-service-name": "billing" }))).toMatchObject({ status: 403, body: { error: { code: "DNIED" } } });
  });

  it("acts only for a workspace that has the service: others, unknown ids and malformed ids are refused, and nothing is recorded", async () => {
    const publish = { type: "crm.contact.created", payload: { contactId: "c1", name: "Ada" } };
    expect(await call("POST", "/events", asCrm(outsider.tenantId), publish)).toMatchObject({ status: 403, body: { error: { code: "NOSVC" } } });
    expect(await call("POST", "/events", asCrm(randomUUID()), publish)).toMatchObject({ status: 403, body: { error: { code: "NOSVC" } } });
    expect(await call("POST", "/usage/record", asCrm(outsider.tenantId), { meter: "api.calls", quantity: 1 })).toMatchObject({ status: 403, body: { error: { code: "NOSVC" } } });
    expect(await call("POST", "/events", asCrm("not-a-uuid"), publish)).toMatchObject({ status: 422, body: { error: { code: "INVLD" } } });
    expect(await call("POST", "/events", { "x-gateway-key": GATEWAY_KEY, "x-service-name": "crm" }, publish)).toMatchObject({ status: 400, body: { error: { code: "BADRQ" } } });
    expect(await eventsOf(outsider.tenantId)).toEqual([]);
    expect(await usedOf(outsider.tenantId, "api.calls")).toBe(0);
    // A disabled service is the same as none.
    await sql("update app_public.tenant_services set enabled = false where tenant_id = $1 and service = 'crm'", [owner.tenantId]);
    expect(await call("GET", "/workspace", asCrm(owner.tenantId))).toMatchObject({ status: 403, body: { error: { code: "NOSVC" } } });
    await sql("update app_public.tenant_services set enabled = true where tenant_id = $1 and service = 'crm'", [owner.tenantId]);
  });

  it("reads the workspace's settings and entitlements, and member basics within the workspace only", async () => {
    await sql("update app_public.tenant_settings set display_name = 'Services!', timezone = 'Asia/Kolkata' where tenant_id = $1", [owner.tenantId]);
    const ws = await call("GET", "/workspace", asCrm(owner.tenantId));
    expect(ws.status).toBe(200);
    expect(ws.body).toMatchObject({
      id: owner.tenantId, name: "Services Co", service: "crm",
      settings: { displayName: "Services!", timezone: "Asia/Kolkata", locale: "en-US", weekStart: 1 },
      entitlements: { plan: "free", limits: { seats: 5, api_keys: 25 }, services: { blog: { enabled: true, limits: { posts: 100 } }, crm: { enabled: true } } },
    });
    const me = await call("GET", `/members/${owner.userId}`, asCrm(owner.tenantId));
    expect(me).toMatchObject({ status: 200, body: { userId: owner.userId, name: "Test User", role: "owner", permissions: expect.arrayContaining(["billing:manage"]) } });
    expect(me.body).not.toHaveProperty("email");
    expect(await call("GET", `/members/${outsider.userId}`, asCrm(owner.tenantId))).toMatchObject({ status: 404, body: { error: { code: "NTFND" } } });
    expect(await call("GET", "/members/nope", asCrm(owner.tenantId))).toMatchObject({ status: 422, body: { error: { code: "INVLD" } } });
  });
});

describe("service tokens", () => {
  const tokenFor = async (id: string, scopes: string[]) => {
    const { rows } = await getDb().ownerPool.query<{ s: string }>("select app_private.create_service_client($1, $2) as s", [id, scopes]);
    const res = await server.post("/auth/service-token", { grant_type: "client_credentials", client_id: id, client_secret: rows[0].s });
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${res.body.access_token}` };
  };

  it("act as the client's service, for an explicit workspace that has it, within the token's scopes", async () => {
    const crm = await tokenFor("crm", ["internal:usage.write", "internal:workspace.read"]);
    expect(await call("POST", "/usage/record", { ...crm, "x-tenant-id": owner.tenantId }, { meter: "api.calls", quantity: 2 })).toMatchObject({ status: 200, body: { allowed: true } });
    expect((await call("GET", "/workspace", { ...crm, "x-tenant-id": owner.tenantId })).status).toBe(200);
    // Scope missing: refused before anything is written.
    expect(await call("POST", "/events", { ...crm, "x-tenant-id": owner.tenantId }, { type: "crm.contact.created", payload: { contactId: "t", name: "T" } }))
      .toMatchObject({ status: 403, body: { error: { code: "DNIED" } } });
    expect(await eventsOf(owner.tenantId)).toEqual([]);
    // Another workspace, one without the service.
    expect(await call("POST", "/usage/record", { ...crm, "x-tenant-id": outsider.tenantId }, { meter: "api.calls", quantity: 1 })).toMatchObject({ status: 403, body: { error: { code: "NOSVC" } } });
    // A token may not claim to be another service.
    expect(await call("GET", "/workspace", { ...crm, "x-tenant-id": owner.tenantId, "x-service-name": "media" })).toMatchObject({ status: 403, body: { error: { code: "DNIED" } } });
    // A client that is not a service of the platform.
    const ops = await tokenFor("ops", ["internal:workspace.read"]);
    expect(await call("GET", "/workspace", { ...ops, "x-tenant-id": owner.tenantId })).toMatchObject({ status: 403, body: { error: { code: "DNIED" } } });
    expect(await usedOf(outsider.tenantId, "api.calls")).toBe(0);
  });
});

describe("POST /internal/v1/events", () => {
  it("publishes to the outbox, once per idempotency key", async () => {
    const body = { type: "crm.contact.created", payload: { contactId: "c-42", name: "Grace", score: 7 }, idempotencyKey: "contact-c-42" };
    const first = await call("POST", "/events", asCrm(owner.tenantId), body);
    expect(first).toMatchObject({ status: 201, body: { eventId: expect.any(String), type: "crm.contact.created", replayed: false } });
    const again = await call("POST", "/events", asCrm(owner.tenantId), body);
    expect(again).toMatchObject({ status: 200, body: { eventId: first.body.eventId, replayed: true } });
    // The header form of the same key is the same key.
    const { idempotencyKey, ...rest } = body;
    expect((await call("POST", "/events", asCrm(owner.tenantId, { "idempotency-key": idempotencyKey }), rest)).body.eventId).toBe(first.body.eventId);
    expect(await eventsOf(owner.tenantId)).toEqual([{ contactId: "c-42", name: "Grace", score: 7 }]);
    // The same key for another event is a conflict, and changes nothing.
    expect(await call("POST", "/events", asCrm(owner.tenantId), { ...body, payload: { contactId: "c-43", name: "Other" } }))
      .toMatchObject({ status: 409, body: { error: { code: "IDKEY" } } });
    expect(await eventsOf(owner.tenantId)).toHaveLength(1);
  });

  it("refuses unknown types, platform types, and payloads that break the contract, recording nothing", async () => {
    const before = (await sql("select count(*)::int as n from app_private.events where tenant_id = $1", [owner.tenantId]))[0].n;
    const cases: Array<[unknown, number, string]> = [
      [{ type: "crm.contact.exploded", payload: {} }, 422, "EVTYP"],
      [{ type: "member.joined", payload: { userId: owner.userId } }, 403, "DNIED"], // the platform's, not the CRM's
      [{ type: "crm.contact.created", payload: { contactId: "c1" } }, 422, "EVBAD"], // name missing
      [{ type: "crm.contact.created", payload: { contactId: 5, name: "x" } }, 422, "EVBAD"], // wrong type
      [{ type: "crm.contact.created", payload: { contactId: "c1", name: "x", score: 1.5 } }, 422, "EVBAD"], // not an integer
      [{ type: "crm.contact.created", payload: ["not", "an", "object"] }, 422, "INVLD"],
      [{ type: "crm.contact.created", payload: { contactId: "c1", name: "x" }, extra: true }, 422, "INVLD"],
      [{ type: "crm.contact.created", payload: { contactId: "c1", name: "x" }, idempotencyKey: "" }, 422, "INVLD"],
      ["[1, 2]", 400, "BADRQ"],
      ["{not json", 400, "BADRQ"],
    ];
    for (const [body, status, code] of cases) {
      expect({ sent: body, ...(await call("POST", "/events", asCrm(owner.tenantId), body)) }).toMatchObject({ sent: body, status, body: { error: { code } } });
    }
    expect((await sql("select count(*)::int as n from app_private.events where tenant_id = $1", [owner.tenantId]))[0].n).toBe(before);
    expect((await sql("select count(*)::int as n from app_private.service_event_keys where tenant_id = $1", [owner.tenantId]))[0].n).toBe(1);
  });
});

describe("usage", () => {
  const consume = (tenantId: string, body: unknown, path = "/usage/consume") => call("POST", path, asCrm(tenantId), body);

  it("checks and consumes atomically: 50 concurrent callers never exceed the limit, and 80 % and 100 % are announced once", async () => {
    const ws = await signUp(server);
    await sql("insert into app_public.tenant_services (tenant_id, service) values ($1, 'crm')", [ws.tenantId]);
    await sql(`update app_public.billing_accounts set limits = limits || '{"api_calls": 20}' where tenant_id = $1`, [ws.tenantId]);
    const answers = await Promise.all(Array.from({ length: 50 }, () => consume(ws.tenantId, { meter: "api.calls", quantity: 1 })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.allowed)).toHaveLength(20);
    expect(answers.filter((a) => !a.body.allowed)).toHaveLength(30);
    expect(await usedOf(ws.tenantId, "api.calls")).toBe(20);
    const refused = answers.find((a) => !a.body.allowed)!.body;
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
    expect(refused).toMatchObject({ meter: "api.calls", allowed: false, replayed: false, used: 20, limit: 20, remaining: 0, period: "month" });
    expect(new Date(refused.resetsAt).toISOString()).toBe(next);
    // occurred_at is each transaction's start, and the one crossing 100 % may have started first: order by threshold.
    const events = (await eventsOf(ws.tenantId, "usage.threshold_reached")).sort((a, b) => a.threshold - b.threshold);
    expect(events.map((e) => [e.meter, e.threshold, e.used, e.limit])).toEqual([["api.calls", 80, 16, 20], ["api.calls", 100, 20, 20]]);
    // Raising the limit lets consumption go on; the 100 % is announced again only when the new limit is reached.
    await sql(`update app_public.billing_accounts set limits = limits || '{"api_calls": 100}' where tenant_id = $1`, [ws.tenantId]);
    expect(await consume(ws.tenantId, { meter: "api.calls", quantity: 5 })).toMatchObject({ body: { allowed: true, used: 25, remaining: 75 } });
    expect(await eventsOf(ws.tenantId, "usage.threshold_reached")).toHaveLength(2);
  });

  it("applies a replayed idempotency key once, and refuses the same key with another quantity", async () => {
    const first = await consume(owner.tenantId, { meter: "api.calls", quantity: 3, idempotencyKey: "batch-1" });
    const used = first.body.used;
    expect(first.body).toMatchObject({ allowed: true, replayed: false, limit: null, remaining: null });
    const replays = await Promise.all(Array.from({ length: 5 }, () => consume(owner.tenantId, { meter: "api.calls", quantity: 3, idempotencyKey: "batch-1" })));
    expect(replays.map((r) => r.body)).toEqual(Array(5).fill(expect.objectContaining({ allowed: true, replayed: true, used })));
    expect(await consume(owner.tenantId, { meter: "api.calls", quantity: 4, idempotencyKey: "batch-1" })).toMatchObject({ status: 409, body: { error: { code: "IDKEY" } } });
    expect(await usedOf(owner.tenantId, "api.calls")).toBe(used);
  });

  it("refuses bad quantities, unknown meters, gauges and another service's meters with codes, recording nothing", async () => {
    await sql(`insert into app_public.meters (key, description, period, kind, service, limit_key) values ('media.transcodes', 'Transcodes.', 'month', 'counter', 'media', 'transcodes') on conflict do nothing`);
    const before = await sql("select meter, used from app_private.meter_counters where tenant_id = $1 order by meter", [owner.tenantId]);
    const records = (await sql("select count(*)::int as n from app_private.meter_records where tenant_id = $1", [owner.tenantId]))[0].n;
    const cases: Array<[unknown, number, string]> = [
      [{ meter: "api.calls", quantity: -1 }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: 0 }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: 1.5 }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: "5" }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: 1e16 }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: 1e300 }, 422, "INVLD"],
      [{ meter: "api.calls" }, 422, "INVLD"],
      [{ meter: "api.calls", quantity: 1, idempotencyKey: "k".repeat(201) }, 422, "INVLD"],
      [{ meter: "nope.nothing", quantity: 1, idempotencyKey: "x1" }, 422, "NOMTR"],
      [{ meter: "seats", quantity: 1, idempotencyKey: "x2" }, 403, "DNIED"],
      [{ meter: "blog.posts", quantity: 1 }, 403, "DNIED"],
      [{ meter: "media.transcodes", quantity: 1, idempotencyKey: "x3" }, 403, "DNIED"],
    ];
    for (const path of ["/usage/consume", "/usage/record"]) {
      for (const [body, status, code] of cases) {
        expect({ path, sent: body, ...(await consume(owner.tenantId, body, path)) }).toMatchObject({ path, sent: body, status, body: { error: { code } } });
      }
    }
    expect(await sql("select meter, used from app_private.meter_counters where tenant_id = $1 order by meter", [owner.tenantId])).toEqual(before);
    expect((await sql("select count(*)::int as n from app_private.meter_records where tenant_id = $1", [owner.tenantId]))[0].n).toBe(records);
    expect(await call("GET", "/usage/nope.nothing", asCrm(owner.tenantId))).toMatchObject({ status: 422, body: { error: { code: "NOMTR" } } });
    expect(await call("GET", "/usage/api.calls?quantity=-3", asCrm(owner.tenantId))).toMatchObject({ status: 422, body: { error: { code: "INVLD" } } });
  });

  it("records usage that already happened past the limit, and reads usage without consuming", async () => {
    const ws = await signUp(server);
    await sql("insert into app_public.tenant_services (tenant_id, service) values ($1, 'crm')", [ws.tenantId]);
    await sql(`update app_public.billing_accounts set limits = limits || '{"storage_mb": 1}' where tenant_id = $1`, [ws.tenantId]);
    const mb = 1024 * 1024;
    expect(await consume(ws.tenantId, { meter: "storage.bytes", quantity: mb + 1 })).toMatchObject({ body: { allowed: false, used: 0, limit: mb } });
    expect(await consume(ws.tenantId, { meter: "storage.bytes", quantity: mb + 1 }, "/usage/record")).toMatchObject({ body: { allowed: true, used: mb + 1, remaining: 0, resetsAt: null, period: "lifetime" } });
    expect(await call("GET", "/usage/storage.bytes?quantity=1", asCrm(ws.tenantId))).toMatchObject({ status: 200, body: { allowed: false, used: mb + 1, limit: mb } });
    expect(await usedOf(ws.tenantId, "storage.bytes")).toBe(mb + 1);
  });
});
