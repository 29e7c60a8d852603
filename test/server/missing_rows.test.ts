/**
 * An update or delete mutation that matches no row (it does not exist, or RLS
 * hides it from the caller) is an error with a code, not a silent null: NTFND,
 * the same answer for "missing" and "another workspace's", and nothing changes
 * (server/src/graphql/missingRowErrors.ts).
 */
import { randomUUID } from "node:crypto";
import { as, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { codeOf } from "../helpers/expect";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let stranger: TestUser;
let endpointId: string;

const CREATE = `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", eventTypes: ["member.joined"] }) { result { webhookEndpoint { rowId } } } }`;
const UPDATE = `mutation($id: UUID!, $d: String) { updateWebhookEndpoint(input: { rowId: $id, patch: { description: $d } }) { webhookEndpoint { rowId description } } }`;
const DELETE = `mutation($id: UUID!) { deleteWebhookEndpoint(input: { rowId: $id }) { webhookEndpoint { rowId } } }`;
const row = async () => (await getDb().superPool.query("select description from app_public.webhook_endpoints where id = $1", [endpointId])).rows[0];

beforeAll(async () => {
  server = await startTestServer(getDb(), { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  owner = await signUp(server);
  stranger = await signUp(server);
  const created = await as(server, owner.accessToken)(CREATE);
  endpointId = created.body.data!.createWebhookEndpoint.result.webhookEndpoint.rowId;
});
afterAll(() => server?.close());

describe("update and delete mutations that match no row", () => {
  it("still update a row the caller may change, returning it", async () => {
    const res = await as(server, owner.accessToken)(UPDATE, { id: endpointId, d: "mine" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.updateWebhookEndpoint.webhookEndpoint).toEqual({ rowId: endpointId, description: "mine" });
  });

  it.each([
    ["update", UPDATE],
    ["delete", DELETE],
  ])("%s of another workspace's row is NTFND and changes nothing", async (_kind, query) => {
    const res = await as(server, stranger.accessToken)(query, { id: endpointId, d: "theirs" });
    expect(codeOf(res)).toBe("NTFND");
    expect(await row()).toEqual({ description: "mine" });
  });

  it.each([
    ["update", UPDATE],
    ["delete", DELETE],
  ])("%s of a row that does not exist is the same NTFND", async (_kind, query) => {
    const res = await as(server, owner.accessToken)(query, { id: randomUUID(), d: "x" });
    expect(codeOf(res)).toBe("NTFND");
    expect(res.body.errors![0].message).toBe("That does not exist or you cannot see it.");
  });

  it("still deletes a row the caller may delete", async () => {
    const res = await as(server, owner.accessToken)(DELETE, { id: endpointId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.deleteWebhookEndpoint.webhookEndpoint).toEqual({ rowId: endpointId });
    expect(await row()).toBeUndefined();
  });
});
