/**
 * Realtime: GraphQL subscriptions over WebSocket (graphql-ws) authenticate on
 * connection_init with the access token, derive their topics from it alone,
 * and end when it expires. Two workspaces subscribe side by side; markers
 * published for one never reach the other.
 */
import { randomUUID } from "node:crypto";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { isObjectType, type GraphQLSchema } from "postgraphile/graphql";
import type { PostGraphileInstance } from "postgraphile";
import { signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

let server!: TestServer;
// Declared before useTestDatabase so it runs first: the server's LISTEN connection must close before the database is dropped.
afterAll(async () => {
  if (server) await server.close();
});
const getDb = useTestDatabase();
let a: TestUser;
let b: TestUser;

const EVENTS = "subscription { workspaceEvent { rowId type payload occurredAt } }";
const NOTIFICATIONS = "subscription { notificationAdded { rowId eventType title } }";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wsUrl = (s: TestServer) => `${s.url.replace(/^http/, "ws")}/graphql`;

interface Closed {
  code: number;
  reason: string;
}

interface Live {
  client: Client;
  /** Every `next` payload's data, in order. */
  results: Array<Record<string, any> | null | undefined>;
  errors: unknown[];
  closed: Promise<Closed>;
  connected: Promise<void>;
}

/** A graphql-ws client (no retries) that subscribes to `query` with `authorization` in connection_init. */
function subscribe(s: TestServer, query: string, connectionParams: Record<string, unknown> = {}): Live {
  let onConnected!: () => void;
  let onClosed!: (c: Closed) => void;
  const connected = new Promise<void>((r) => (onConnected = r));
  const closed = new Promise<Closed>((r) => (onClosed = r));
  const client = createClient({
    url: wsUrl(s),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => onConnected(),
      closed: (e) => onClosed({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }),
    },
    onNonLazyError: () => {},
  });
  const live: Live = { client, results: [], errors: [], closed, connected };
  client.subscribe({ query }, { next: (r) => {
      live.results.push(r.data);
      if (r.errors) live.errors.push(r.errors);
    }, error: (e) => live.errors.push(e), complete: () => {} });
  return live;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Workspace of every event this file published, to check where each delivered event came from. */
const published = new Map<string, string>();

async function publish(tenantId: string, title: string): Promise<string> {
  const { rows } = await getDb().ownerPool.query("select app_private.publish_event($1, 'blog.post.published', $2) as id", [
    tenantId,
    { postId: randomUUID(), title },
  ]);
  published.set(rows[0].id, tenantId);
  return rows[0].id;
}

/** An in-app notification through the real path: role.changed event, then the subscriber's notify_event. */
async function notify(user: TestUser, tenantId: string): Promise<string> {
  const { rows } = await getDb().superPool.query("select id from app_public.memberships where user_id = $1 and tenant_id = $2", [user.userId, tenantId]);
  const eventId = await getDb().ownerPool.query("select app_private.publish_event($1, 'role.changed', $2) as id", [
    tenantId,
    { membershipId: rows[0].id, userId: user.userId, role: "admin" },
  ]);
  published.set(eventId.rows[0].id, tenantId);
  await getDb().ownerPool.query("select app_private.notify_event($1)", [eventId.rows[0].id]);
  const { rows: n } = await getDb().superPool.query("select id from app_public.notifications where event_id = $1", [eventId.rows[0].id]);
  return n[0].id;
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** LISTEN starts asynchronously after subscribe: publish warm-up events until the subscriber has one. */
async function warmUp(live: Live, tenantId: string, label: string): Promise<void> {
  await live.connected;
  const end = Date.now() + 10_000;
  while (live.results.length === 0) {
    if (Date.now() > end) throw new Error(`subscription ${label} never became live: ${JSON.stringify(live.errors)}`);
    await publish(tenantId, `warm-${label}`);
    await sleep(200);
  }
}

const titles = (live: Live) => live.results.map((d) => d?.workspaceEvent?.payload?.title);
/** The workspace each delivered event was published in. */
const origins = (live: Live) => new Set(live.results.map((d) => published.get(d?.workspaceEvent?.rowId)));

beforeAll(async () => {
  server = await startTestServer(getDb());
  [a, b] = await Promise.all([signUp(server, { workspaceName: "Realtime A" }), signUp(server, { workspaceName: "Realtime B" })]);
});

describe("GraphQL subscriptions over WebSocket", () => {
  it("deliver workspace A's events and notifications to A's subscribers and never to B's (marker test)", async () => {
    const aEvents = subscribe(server, EVENTS, bearer(a.accessToken));
    const bEvents = subscribe(server, EVENTS, bearer(b.accessToken));
    const aNotes = subscribe(server, NOTIFICATIONS, bearer(a.accessToken));
    const bNotes = subscribe(server, NOTIFICATIONS, bearer(b.accessToken));
    try {
      // Both event subscriptions are demonstrably live before the markers go out, so B's silence means something.
      await warmUp(aEvents, a.tenantId, "a");
      await warmUp(bEvents, b.tenantId, "b");
      await Promise.all([aNotes.connected, bNotes.connected]);

      const marker = `marker-${randomUUID()}`;
      const eventId = await publish(a.tenantId, marker);
      // Notifications: keep sending A ones until A's subscriber has one (its LISTEN starts asynchronously too).
      const noteIds: string[] = [];
      const end = Date.now() + 10_000;
      while (aNotes.results.length === 0 && Date.now() < end) {
        noteIds.push(await notify(a, a.tenantId));
        await sleep(200);
      }
      await until(() => titles(aEvents).includes(marker), "A's marker event");
      expect(aNotes.results.length).toBeGreaterThan(0);
      expect(noteIds).toContain(aNotes.results[0]?.notificationAdded?.rowId);
      expect(aNotes.results[0]?.notificationAdded).toMatchObject({ eventType: "role.changed", title: "Your role changed to admin." });
      const delivered = aEvents.results.find((d) => d?.workspaceEvent?.payload?.title === marker)?.workspaceEvent;
      expect(delivered).toMatchObject({ rowId: eventId, type: "blog.post.published", occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

      // A proven-live notification subscription for B too, then give any stray delivery time to arrive.
      const bNoteIds: string[] = [];
      while (bNotes.results.length === 0 && Date.now() < end + 10_000) {
        bNoteIds.push(await notify(b, b.tenantId));
        await sleep(200);
      }
      await publish(a.tenantId, marker);
      await sleep(1500);
      expect(titles(bEvents)).not.toContain(marker);
      expect(titles(bEvents)).toContain("warm-b");
      expect(origins(bEvents)).toEqual(new Set([b.tenantId]));
      expect(origins(aEvents)).toEqual(new Set([a.tenantId]));
      expect(titles(aEvents).filter((t) => t === marker).length).toBe(2);
      expect(bNotes.results.map((d) => d?.notificationAdded?.rowId).every((id) => bNoteIds.includes(id))).toBe(true);
      expect(bNotes.results.filter((d) => noteIds.includes(d?.notificationAdded?.rowId))).toEqual([]);
      expect(aNotes.results.map((d) => d?.notificationAdded?.rowId).every((id) => noteIds.includes(id))).toBe(true);
      expect([...aEvents.errors, ...bEvents.errors, ...aNotes.errors, ...bNotes.errors]).toEqual([]);
    } finally {
      for (const l of [aEvents, bEvents, aNotes, bNotes]) await l.client.dispose();
    }
  });

  it("take no argument that could name another workspace or user", async () => {
    const schema: GraphQLSchema = await (server.srv.app.locals.pgl as PostGraphileInstance).getSchema();
    const type = schema.getSubscriptionType();
    expect(type && isObjectType(type)).toBe(true);
    const fields = Object.values(type!.getFields());
    expect(fields.map((f) => f.name).sort()).toEqual(["notificationAdded", "workspaceEvent"]);
    expect(fields.flatMap((f) => f.args.map((arg) => `${f.name}(${arg.name})`))).toEqual([]);
  });

  it("follow the token's workspace: the same user gets B's events with a B token and A's with an A token", async () => {
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'admin')", [b.tenantId, a.userId]);
    const tokenForB = await switchTenant(server, a, b.tenantId);
    const viaA = subscribe(server, EVENTS, bearer(a.accessToken));
    const viaB = subscribe(server, EVENTS, bearer(tokenForB));
    try {
      await warmUp(viaA, a.tenantId, "a");
      await warmUp(viaB, b.tenantId, "b");
      const [forA, forB] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
      await publish(a.tenantId, forA);
      await publish(b.tenantId, forB);
      await until(() => titles(viaA).includes(forA) && titles(viaB).includes(forB), "both markers");
      await sleep(500);
      expect(titles(viaA)).not.toContain(forB);
      expect(titles(viaB)).not.toContain(forA);
      expect(origins(viaA)).toEqual(new Set([a.tenantId]));
      expect(origins(viaB)).toEqual(new Set([b.tenantId]));
    } finally {
      await Promise.all([viaA.client.dispose(), viaB.client.dispose()]);
      await getDb().superPool.query("delete from app_public.memberships where tenant_id = $1 and user_id = $2", [b.tenantId, a.userId]);
    }
  });

  it("refuse workspace events to a member without events:read, with a coded error", async () => {
    const member = await signUp(server);
    await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [a.tenantId, member.userId]);
    const token = await switchTenant(server, member, a.tenantId);
    const live = subscribe(server, EVENTS, bearer(token));
    try {
      await until(() => live.errors.length > 0 || live.results.length > 0, "a refusal");
      expect(live.results).toEqual([]);
      expect(live.errors).toEqual([[expect.objectContaining({ extensions: expect.objectContaining({ code: "DNIED" }) })]]);
    } finally {
      await live.client.dispose();
    }
  });

  it.each([
    { label: "no token", params: {}, code: "LOGIN" },
    { label: "a token that is not Bearer", params: { authorization: "Basic abc" }, code: "LOGIN" },
    { label: "a forged token", params: { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.x" }, code: "BADTK" },
  ])("refuse connection_init with $label (close 4401, reason $code)", async ({ params, code }) => {
    const live = subscribe(server, EVENTS, params);
    const closed = await live.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason.startsWith(`${code}:`)).toBe(true);
    expect(live.results).toEqual([]);
    await live.client.dispose();
  });

  it("re-read rows as the subscriber: a forged NOTIFY naming B's event on A's topic delivers null, not B's event", async () => {
    const live = subscribe(server, EVENTS, bearer(a.accessToken));
    try {
      await warmUp(live, a.tenantId, "a");
      const secret = `b-only-${randomUUID()}`;
      const bEventId = await publish(b.tenantId, secret);
      const before = live.results.length;
      await getDb().superPool.query("select pg_notify($1, $2)", [`events:${a.tenantId}`, bEventId]);
      await until(() => live.results.length > before, "the forged message");
      expect(live.results[before]).toEqual({ workspaceEvent: null });
      expect(titles(live)).not.toContain(secret);
    } finally {
      await live.client.dispose();
    }
  });

  it("accept only subscriptions: a query over the socket is refused with BADRQ (queries go over HTTP)", async () => {
    const live = subscribe(server, "{ currentUser { rowId } }", bearer(a.accessToken));
    try {
      await until(() => live.errors.length > 0 || live.results.length > 0, "an answer");
      expect(live.results).toEqual([]);
      expect(live.errors).toEqual([[expect.objectContaining({ extensions: { code: "BADRQ" } })]]);
    } finally {
      await live.client.dispose();
    }
  });

  it("refuse a connection that sends no connection_init at all (no subscription before ack)", async () => {
    const socket = new WebSocket(wsUrl(server), "graphql-transport-ws");
    await new Promise((r) => socket.once("open", r));
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: EVENTS } }));
    const code = await new Promise<number>((r) => socket.once("close", (c) => r(c)));
    expect(code).toBe(4401);
  });
});

describe("token expiry", () => {
  let short: TestServer;
  beforeAll(async () => {
    short = await startTestServer(getDb(), { ACCESS_TOKEN_TTL_SECONDS: "3", JWT_CLOCK_TOLERANCE_SECONDS: "0" });
  });
  afterAll(() => short.close());

  it("closes a connected socket with 4401 TKEXP when its token expires, and refuses the token afterwards", async () => {
    const user = await signUp(short);
    const live = subscribe(short, EVENTS, bearer(user.accessToken));
    await live.connected;
    const closed = await live.closed;
    expect(closed).toEqual({ code: 4401, reason: expect.stringMatching(/^TKEXP:/) });
    expect(Date.now()).toBeGreaterThanOrEqual(JSON.parse(Buffer.from(user.accessToken.split(".")[1], "base64url").toString()).exp * 1000);
    await live.client.dispose();

    const again = subscribe(short, EVENTS, bearer(user.accessToken));
    expect(await again.closed).toEqual({ code: 4401, reason: expect.stringMatching(/^TKEXP:/) });
    expect(again.results).toEqual([]);
    await again.client.dispose();
  }, 20_000);
});

describe("shutdown", () => {
  it("closes live sockets with 1001 Going Away instead of waiting for them", async () => {
    const own = await startTestServer(getDb(), { SHUTDOWN_TIMEOUT_MS: "5000" });
    const user = await signUp(own);
    const live = subscribe(own, NOTIFICATIONS, bearer(user.accessToken));
    await live.connected;
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(4000);
    expect((await live.closed).code).toBe(1001);
    await live.client.dispose();
  }, 20_000);
});
