/**
 * Webhook endpoint management through GraphQL: coded refusals at creation,
 * the secret shown once and never queryable, rotation, permissions, and the
 * delivery log readable with webhooks:manage.
 */
import fs from "node:fs";
import path from "node:path";
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer(getDb(), { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  owner = await signUp(server);
});
afterAll(() => server.close());

const CREATE = `mutation($url: String!, $types: [String], $d: String) {
  createWebhookEndpoint(input: { url: $url, eventTypes: $types, description: $d }) { result { secret webhookEndpoint { rowId url eventTypes isEnabled description } } } }`;

describe("creating endpoints", () => {
  it("returns a whsec_ secret once; the endpoint type has no secret field at all", async () => {
    const res = await as(server, owner.accessToken)(CREATE, { url: "http://127.0.0.1:9/hook", types: ["member.joined", "invoice.paid"], d: "CRM" });
    expect(res.body.errors).toBeUndefined();
    const { secret, webhookEndpoint } = res.body.data!.createWebhookEndpoint.result;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(webhookEndpoint).toMatchObject({ url: "http://127.0.0.1:9/hook", eventTypes: ["invoice.paid", "member.joined"], isEnabled: true, description: "CRM" });
    const schema = fs.readFileSync(path.join(__dirname, "..", "..", "schema.graphql"), "utf8");
    const type = /type WebhookEndpoint [^{]*\{([\s\S]*?)\n\}/.exec(schema)![1];
    expect(type).toContain("eventTypes");
    expect(type).not.toMatch(/secret/i);
    const list = await as(server, owner.accessToken)("{ webhookEndpoints { nodes { rowId url } } }");
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it.each([
    ["ftp://example.com/x", "WHURL"],
    ["not a url", "WHURL"],
    ["http://user:pw@example.com/x", "WHURL"],
    ["http://169.254.169.254/latest/meta-data", "WHURL"],
    ["http://10.0.0.5/hook", "WHURL"],
    ["http://[::1]/hook", "WHURL"],
    ["http://localhost/hook", "WHURL"],
    ["http://2130706433/hook", "WHURL"],
  ])("refuses %s with %s", async (url, code) => {
    const res = await as(server, owner.accessToken)(CREATE, { url });
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
  });

  it("refuses unknown event types in the filter with EVTYP, on create and on update", async () => {
    const bad = await as(server, owner.accessToken)(CREATE, { url: "https://example.com/hook", types: ["member.joined", "nope.nothing"] });
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: "EVTYP" }, message: expect.stringContaining("nope.nothing") });
    const ok = await as(server, owner.accessToken)(CREATE, { url: "https://example.com/hook" });
    const id = ok.body.data!.createWebhookEndpoint.result.webhookEndpoint.rowId;
    const upd = await as(server, owner.accessToken)(`mutation($id: UUID!) { updateWebhookEndpoint(input: { rowId: $id, patch: { eventTypes: ["x.y"] } }) { webhookEndpoint { id } } }`, { id });
    expect(upd.body.errors?.[0].extensions?.code).toBe("EVTYP");
    const cat = await as(server, owner.accessToken)("{ eventTypes { nodes { key schema } } }");
    const keys = cat.body.data!.eventTypes.nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining(["user.created", "member.invited", "invoice.paid", "endpoint.disabled", "blog.post.published"]));
  });
});

describe("rotation, permissions and the delivery log", () => {
  it("rotates the secret (a new one, shown once) and lets a manager replay and read deliveries; a member without webhooks:manage sees nothing", async () => {
    const gql = as(server, owner.accessToken);
    const created = (await gql(CREATE, { url: "https://example.com/rot" })).body.data!.createWebhookEndpoint.result;
    const rotated = await gql(`mutation($id: UUID!) { rotateWebhookSecret(input: { endpointId: $id, overlapSeconds: 600 }) { result { secret } } }`, { id: created.webhookEndpoint.rowId });
    const secret2 = rotated.body.data!.rotateWebhookSecret.result.secret;
    expect(secret2).toMatch(/^whsec_/);
    expect(secret2).not.toBe(created.secret);
    const { rows } = await getDb().ownerPool.query("select expires_at from app_private.webhook_secrets where endpoint_id = $1 order by created_at", [created.webhookEndpoint.rowId]);
    expect(rows[0].expires_at.getTime()).toBeGreaterThan(Date.now() + 500_000); // the old one still signs during the overlap
    expect(rows[1].expires_at).toBeNull();

    const replay = await gql(`mutation($id: UUID!) { replayWebhookDelivery(input: { deliveryId: $id }) { result { rowId } } }`, { id: "00000000-0000-0000-0000-000000000000" });
    expect(replay.body.errors?.[0].extensions?.code).toBe("NTFND");
    const log = await gql("{ webhookDeliveries { nodes { id status } } webhookAttempts { nodes { id statusCode } } }");
    expect(log.body.errors).toBeUndefined();

    // A plain member (no webhooks:manage) can neither see nor create endpoints.
    const plain = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, plain.userId]);
    const memberToken = await switchTenant(server, plain, owner.tenantId);
    const asMember = as(server, memberToken);
    expect((await asMember("{ webhookEndpoints { nodes { id } } }")).body.data!.webhookEndpoints.nodes).toEqual([]);
    expect((await asMember(CREATE, { url: "https://example.com/m" })).body.errors?.[0].extensions?.code).toBe("DNIED");
  });
});
