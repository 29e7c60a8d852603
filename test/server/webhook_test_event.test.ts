/**
 * "Send a test event" (sendTestWebhook): one signed `webhook.test` delivery to the chosen endpoint only,
 * whatever its event-type filter, recorded in its deliveries like any other; never fanned out to the
 * workspace's other endpoints. Refused with a code, creating nothing, for a member without
 * webhooks:manage, another workspace's endpoint and a disabled endpoint.
 */
import { Webhook } from "standardwebhooks";
import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { deliveriesOf, drain, startReceiver, type Receiver } from "../helpers/webhooks";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let chosen: Receiver;
let other: Receiver;

const CREATE = `mutation($url: String!, $types: [String]) {
  createWebhookEndpoint(input: { url: $url, eventTypes: $types }) { result { secret webhookEndpoint { rowId } } } }`;
const SEND = `mutation($id: UUID!) { sendTestWebhook(input: { endpointId: $id }) { result { rowId status eventType } } }`;
const testEvents = async (tenantId: string) =>
  Number((await getDb().superPool.query("select count(*) as n from app_private.events where tenant_id = $1 and type = 'webhook.test'", [tenantId])).rows[0].n);

async function endpoint(user: TestUser, url: string, types: string[]) {
  const res = await as(server, user.accessToken)(CREATE, { url, types });
  expect(res.body.errors).toBeUndefined();
  const r = res.body.data!.createWebhookEndpoint.result;
  return { id: r.webhookEndpoint.rowId as string, secret: r.secret as string };
}

beforeAll(async () => {
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1"; // the worker's deliveries
  server = await startTestServer(getDb(), { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  [owner, chosen, other] = await Promise.all([signUp(server), startReceiver(), startReceiver()]);
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  await Promise.all([server?.close(), chosen?.close(), other?.close()]);
});

it("delivers one signed webhook.test to the chosen endpoint, even one filtered to other types, and to no other endpoint", async () => {
  const target = await endpoint(owner, chosen.url, ["invoice.paid"]);
  await endpoint(owner, other.url, []); // "all events": still not sent the test
  const sent = await as(server, owner.accessToken)(SEND, { id: target.id });
  expect(sent.body.errors).toBeUndefined();
  expect(sent.body.data!.sendTestWebhook.result).toMatchObject({ status: "pending", eventType: "webhook.test" });

  await drain(getDb(), async () => (await deliveriesOf(getDb(), target.id)).some((d) => d.status === "succeeded"));
  expect(chosen.received).toHaveLength(1);
  const [hit] = chosen.received;
  const body = new Webhook(target.secret).verify(hit.body, {
    "webhook-id": String(hit.headers["webhook-id"]),
    "webhook-timestamp": String(hit.headers["webhook-timestamp"]),
    "webhook-signature": String(hit.headers["webhook-signature"]),
  });
  expect(body).toMatchObject({ type: "webhook.test", data: { endpointId: target.id, sentBy: owner.userId, message: expect.stringContaining("test event") } });
  // (The sign-up's own events may reach the "all events" endpoint; the test event may not.)
  expect(other.received.map((r) => JSON.parse(r.body).type)).not.toContain("webhook.test");
  // The console's deliveries list shows it, with the receiver's answer.
  const list = await as(server, owner.accessToken)(`query($id: UUID!) { webhookEndpoint(rowId: $id) { webhookDeliveriesByTenantIdAndEndpointId { nodes { eventType status lastStatusCode } } } }`, { id: target.id });
  expect(list.body.data!.webhookEndpoint.webhookDeliveriesByTenantIdAndEndpointId.nodes).toEqual([{ eventType: "webhook.test", status: "succeeded", lastStatusCode: 200 }]);
});

it("refuses, creating nothing: a member without webhooks:manage, another workspace's endpoint, a disabled endpoint, an unknown id", async () => {
  const target = await endpoint(owner, chosen.url, []);
  const before = await testEvents(owner.tenantId);

  const plain = await signUp(server);
  await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, plain.userId]);
  const asMember = as(server, await switchTenant(server, plain, owner.tenantId));
  expect((await asMember(SEND, { id: target.id })).body.errors?.[0].extensions?.code).toBe("DNIED");

  const stranger = await signUp(server);
  expect((await as(server, stranger.accessToken)(SEND, { id: target.id })).body.errors?.[0].extensions?.code).toBe("NTFND");
  expect((await as(server, owner.accessToken)(SEND, { id: "00000000-0000-0000-0000-000000000000" })).body.errors?.[0].extensions?.code).toBe("NTFND");

  await as(server, owner.accessToken)(`mutation($id: UUID!) { updateWebhookEndpoint(input: { rowId: $id, patch: { isEnabled: false } }) { webhookEndpoint { isEnabled } } }`, { id: target.id });
  const disabled = await as(server, owner.accessToken)(SEND, { id: target.id });
  expect(disabled.body.errors?.[0]).toMatchObject({ extensions: { code: "INVLD" }, message: expect.stringContaining("disabled") });

  expect(await testEvents(owner.tenantId)).toBe(before);
  expect(await deliveriesOf(getDb(), target.id)).toEqual([]);
});
