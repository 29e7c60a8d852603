/**
 * The event bus end to end against real Postgres, real worker tasks and a real
 * local receiver that verifies every message with the `standardwebhooks`
 * reference verifier. The retry schedule and timeout are shortened through
 * the same environment variables production reads.
 */
import { Webhook } from "standardwebhooks";
import { registerSubscriber, subscriberTypes } from "../../functions/src/subscribers";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs, spawnCrashChild } from "../helpers/jobs";
import {
  answer200, asRoleCommitted, createEndpoint, deliveriesOf, drain, newWorkspace, publish, startReceiver, type Receiver,
} from "../helpers/webhooks";
import { eventually } from "../helpers/expect";

const getDb = useTestDatabase();
const POST = { postId: "p1", title: "Hello" };
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  Object.assign(process.env, { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "0,0.2,0.2", WEBHOOK_TIMEOUT_MS: "1000", WEBHOOK_DISABLE_AFTER_SECONDS: "3600" });
  receiver.behaviour = answer200;
  receiver.received.length = 0;
});

/** The workspace's `webhook.replayed` audit entries, oldest first. */
async function replayAudit(tenantId: string) {
  const { rows } = await getDb().superPool.query(
    "select actor_user_id, table_name, record_id, diff from app_public.audit_log where tenant_id = $1 and event = 'webhook.replayed' order by seq",
    [tenantId],
  );
  return rows;
}

describe("the outbox", () => {
  it("refuses unknown event types, payloads missing required keys, and oversized payloads", async () => {
    const ws = await newWorkspace(getDb());
    await expect(publish(getDb(), ws.tenantId, "blog.post.deleted", {})).rejects.toMatchObject({ code: "EVTYP" });
    await expect(publish(getDb(), ws.tenantId, "blog.post.published", { postId: "p" })).rejects.toMatchObject({ code: "EVBAD", message: expect.stringContaining("title") });
    await expect(publish(getDb(), ws.tenantId, "blog.post.published", { ...POST, big: "x".repeat(70_000) })).rejects.toMatchObject({ code: "EVBAD" });
    const id = await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    // The insert queued a drain job for this connection; the event waits in the outbox until it runs.
    expect((await getJobs(getDb(), "events__dispatch")).map((j) => j.key)).toContainEqual(expect.stringMatching(/^events__dispatch:\d+$/));
    const { rows } = await getDb().ownerPool.query("select dispatched_at from app_private.events where id = $1", [id]);
    expect(rows[0].dispatched_at).toBeNull();
  });

  it("a bulk insert queues one drain job, and one job dispatches every event of it", async () => {
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url, ["blog.post.published"]);
    await drain(getDb(), async () => (await getJobs(getDb(), "events__dispatch")).length === 0);
    await getDb().ownerPool.query(
      "select app_private.publish_event($1, 'blog.post.published', jsonb_build_object('postId', g::text, 'title', 't')) from generate_series(1, 120) g",
      [ws.tenantId],
    );
    expect(await getJobs(getDb(), "events__dispatch")).toHaveLength(1);
    await runJobs(getDb());
    const deliveries = await deliveriesOf(getDb(), endpoint.id);
    expect(deliveries).toHaveLength(120);
    expect(deliveries.every((d) => d.status === "succeeded" && d.attempt_count === 1)).toBe(true);
    const ids = new Set(deliveries.map((d) => d.id));
    expect(new Set(receiver.received.map((m) => String(m.headers["webhook-id"])).filter((id) => ids.has(id))).size).toBe(120);
    // First attempts that succeeded need no job.
    expect((await getJobs(getDb(), "webhooks__deliver")).filter((j) => deliveries.some((d) => j.key === `webhooks__deliver:${d.id}`))).toEqual([]);
  });

  it("queues the drain job once per transaction however many statements publish, and again after a rolled-back savepoint", async () => {
    const ws = await newWorkspace(getDb());
    await drain(getDb(), async () => (await getJobs(getDb(), "events__dispatch")).length === 0);
    const client = await getDb().ownerPool.connect();
    const jobRow = async () =>
      (await client.query("select revision, key from graphile_worker._private_jobs where key = 'events__dispatch:' || pg_backend_pid()")).rows;
    try {
      // A rolled-back savepoint takes its job with it, and the next statement queues it again.
      await client.query("begin");
      await client.query("savepoint s");
      await client.query("select app_private.publish_event($1, 'blog.post.published', '{\"postId\": \"s\", \"title\": \"t\"}')", [ws.tenantId]);
      expect(await jobRow()).toHaveLength(1);
      await client.query("rollback to savepoint s");
      expect(await jobRow()).toEqual([]);
      // One statement per event, as a per-row trigger calling publish_event makes: the job row is written once.
      for (let i = 0; i < 30; i++) {
        await client.query("select app_private.publish_event($1, 'blog.post.published', jsonb_build_object('postId', $2::text, 'title', 't'))", [ws.tenantId, `p${i}`]);
      }
      expect(await jobRow()).toEqual([{ revision: 0, key: expect.stringMatching(/^events__dispatch:\d+$/) }]);
      await client.query("commit");
      // The next transaction on the same connection queues (replaces) it again.
      await client.query("select app_private.publish_event($1, 'blog.post.published', '{\"postId\": \"n\", \"title\": \"t\"}')", [ws.tenantId]);
      expect((await jobRow())[0].revision).toBe(1);
    } finally {
      client.release();
    }
    await runJobs(getDb());
    const { rows } = await getDb().ownerPool.query("select count(*)::int n from app_private.events where tenant_id = $1 and dispatched_at is null", [ws.tenantId]);
    expect(rows[0].n).toBe(0);
  });

  it("an event whose fan-out fails is set aside with a backoff and does not hold up the events claimed with it", async () => {
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url, ["blog.post.published"]);
    const good1 = await publish(getDb(), ws.tenantId, "blog.post.published", { ...POST, postId: "good1" });
    const bad = await publish(getDb(), ws.tenantId, "blog.post.published", { ...POST, postId: "poison" });
    const good2 = await publish(getDb(), ws.tenantId, "blog.post.published", { ...POST, postId: "good2" });
    // A DBA's broken trigger that fails the fan-out of one event only.
    await getDb().superPool.query(`
      create or replace function app_private.tg_test_poison() returns trigger language plpgsql as $$
      begin
        if new.event_id = '${bad}' then raise exception 'poisoned delivery' using errcode = 'P0001'; end if;
        return new;
      end $$;
      create trigger _050_test_poison before insert on app_public.webhook_deliveries for each row execute procedure app_private.tg_test_poison();`);
    try {
      await runJobs(getDb());
    } finally {
      await getDb().superPool.query("drop trigger _050_test_poison on app_public.webhook_deliveries; drop function app_private.tg_test_poison()");
    }
    const { rows } = await getDb().ownerPool.query(
      "select id, dispatched_at is not null as dispatched, dispatch_failures, dispatch_error, dispatch_after > now() as backing_off from app_private.events where id = any ($1) order by payload->>'postId'",
      [[good1, bad, good2]],
    );
    expect(rows).toEqual([
      { id: good1, dispatched: true, dispatch_failures: 0, dispatch_error: null, backing_off: null },
      { id: good2, dispatched: true, dispatch_failures: 0, dispatch_error: null, backing_off: null },
      { id: bad, dispatched: false, dispatch_failures: 1, dispatch_error: "poisoned delivery", backing_off: true },
    ]);
    expect((await deliveriesOf(getDb(), endpoint.id)).map((d) => d.status)).toEqual(["succeeded", "succeeded"]);
    // Once its backoff is over, the next drain (here the crontab's) dispatches it.
    await getDb().ownerPool.query("update app_private.events set dispatch_after = now() where id = $1", [bad]);
    await getDb().ownerPool.query("select app_private.add_job('events__dispatch', '{}'::json, job_key := 'events__dispatch:cron')");
    await runJobs(getDb());
    expect((await deliveriesOf(getDb(), endpoint.id)).map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it("records user.created for every sign-up and dispatches it to the welcome_email subscriber only (the tenants trigger provisions billing)", async () => {
    const ws = await newWorkspace(getDb()); // registers and runs the sign-up's jobs
    const { rows } = await getDb().ownerPool.query(
      "select id, dispatched_at is not null as dispatched from app_private.events where type = 'user.created' and payload->>'userId' = $1",
      [ws.userId],
    );
    expect(rows).toEqual([{ id: expect.any(String), dispatched: true }]);
    expect(subscriberTypes()["user.created"]).toEqual(["welcome_email"]);
    // newWorkspace ran the jobs: the subscriber job is done (no longer queued) and the welcome email was claimed.
    expect((await getJobs(getDb(), "events__subscriber")).filter((j) => j.payload.eventId === rows[0].id)).toEqual([]);
    expect((await getDb().ownerPool.query("select 1 from app_private.welcome_emails where user_id = $1", [ws.userId])).rowCount).toBe(1);
  });
});

describe("internal subscribers", () => {
  it("run as separate jobs: one that throws is retried alone while the others complete", async () => {
    const ran: string[] = [];
    const off = [
      registerSubscriber({ name: "test_failing", types: ["blog.post.published"], handle: async () => { throw new Error("boom"); } }),
      registerSubscriber({ name: "test_ok", types: ["blog.post.published"], handle: async (e) => void ran.push(e.id) }),
    ];
    try {
      const ws = await newWorkspace(getDb());
      const endpoint = await createEndpoint(getDb(), ws, receiver.url);
      const eventId = await publish(getDb(), ws.tenantId, "blog.post.published", POST);
      await runJobs(getDb());
      expect(ran).toEqual([eventId]);
      const failing = (await getJobs(getDb(), "events__subscriber")).filter((j) => j.payload.eventId === eventId);
      expect(failing).toEqual([expect.objectContaining({ payload: { eventId, subscriber: "test_failing" }, attempts: 1, last_error: expect.stringContaining("boom") })]);
      expect((await deliveriesOf(getDb(), endpoint.id)).map((d) => d.status)).toEqual(["succeeded"]);
    } finally {
      off.forEach((f) => f());
    }
  });

  it("member.invited queues exactly one invitation email, through the subscriber", async () => {
    const ws = await newWorkspace(getDb());
    const { rows } = await getDb().superPool.query("insert into app_public.invitations (tenant_id, email, role, invited_by) values ($1, 'inv@example.com', 'member', $2) returning id", [ws.tenantId, ws.userId]);
    expect(await getJobs(getDb(), "invitations__send")).toEqual([]); // the trigger no longer queues it directly
    await getDb().ownerPool.query("select app_private.dispatch_event(id, array['invitation_email']) from app_private.events where type = 'member.invited' and payload->>'invitationId' = $1", [rows[0].id]);
    await getDb().ownerPool.query("select app_private.add_job('events__subscriber', json_build_object('eventId', id, 'subscriber', 'invitation_email')) from app_private.events where payload->>'invitationId' = $1", [rows[0].id]);
    await runJobs(getDb());
    const { rows: tokens } = await getDb().ownerPool.query("select count(*)::int as n from app_private.invitation_tokens where invitation_id = $1", [rows[0].id]);
    expect(tokens[0].n).toBe(1);
  });
});

describe("delivery", () => {
  it("POSTs a Standard Webhooks message the reference verifier accepts, and records the attempt", async () => {
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url, ["blog.post.published"]);
    const other = await createEndpoint(getDb(), ws, receiver.url, ["member.joined"]);
    const eventId = await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await runJobs(getDb());
    expect(receiver.received).toHaveLength(1); // the member.joined-only endpoint got nothing
    const msg = receiver.received[0];
    const verified = new Webhook(endpoint.secret).verify(msg.body, msg.headers as Record<string, string>) as Record<string, unknown>;
    expect(verified).toMatchObject({ type: "blog.post.published", data: POST });
    expect(() => new Webhook(other.secret).verify(msg.body, msg.headers as Record<string, string>)).toThrow();
    const [delivery] = await deliveriesOf(getDb(), endpoint.id);
    expect(delivery).toMatchObject({ event_id: eventId, status: "succeeded", attempt_count: 1, last_status_code: 200 });
    expect(msg.headers["webhook-id"]).toBe(delivery.id);
    const { rows } = await getDb().ownerPool.query("select status_code, is_success, response_body, duration_ms from app_public.webhook_attempts where delivery_id = $1", [delivery.id]);
    expect(rows).toEqual([{ status_code: 200, is_success: true, response_body: "ok", duration_ms: expect.any(Number) }]);
    expect(await deliveriesOf(getDb(), other.id)).toEqual([]);
  });

  it("signs with both secrets during a rotation overlap, and only the new one after it", async () => {
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url);
    const rotated = await asRoleCommitted(getDb(), ws.identity, async (c) => (await c.query("select (r).secret from app_public.rotate_webhook_secret($1, 3600) r", [endpoint.id])).rows[0].secret as string);
    await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await runJobs(getDb());
    const msg = receiver.received[0];
    expect(String(msg.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated]) expect(new Webhook(secret).verify(msg.body, msg.headers as Record<string, string>)).toBeTruthy();
    await asRoleCommitted(getDb(), ws.identity, (c) => c.query("select app_public.rotate_webhook_secret($1, 0)", [endpoint.id]));
    receiver.received.length = 0;
    await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await runJobs(getDb());
    const later = receiver.received[0];
    expect(String(later.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(rotated).verify(later.body, later.headers as Record<string, string>)).toThrow();
  });

  it("receiver down for the whole retry window: every event arrives after it returns (replay of failures since a time)", async () => {
    const down = await startReceiver();
    const url = down.url;
    await down.close(); // connection refused from now on
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, url);
    const since = new Date(Date.now() - 1000);
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await publish(getDb(), ws.tenantId, "blog.post.published", { ...POST, postId: `p${i}` }));
    await drain(getDb(), async () => (await deliveriesOf(getDb(), endpoint.id)).every((d) => d.status === "failed"));
    const failed = await deliveriesOf(getDb(), endpoint.id);
    expect(failed.map((d) => [d.status, d.attempt_count])).toEqual([["failed", 3], ["failed", 3], ["failed", 3]]); // the whole schedule
    const back = await startReceiver(down.port);
    try {
      const n = await asRoleCommitted(getDb(), ws.identity, async (c) => (await c.query("select app_public.replay_failed_webhook_deliveries($1, $2) as n", [endpoint.id, since])).rows[0].n);
      expect(n).toBe(3);
      // The replay is the one user action on deliveries, and it is audited: who, which endpoint, since when, how many.
      const [entry, ...more] = await replayAudit(ws.tenantId);
      expect(more).toEqual([]);
      expect(entry).toEqual({ actor_user_id: ws.userId, table_name: "webhook_endpoints", record_id: endpoint.id, diff: { since: expect.any(String), deliveries: 3 } });
      expect(new Date(entry.diff.since).getTime()).toBe(since.getTime());
      await drain(getDb(), async () => (await deliveriesOf(getDb(), endpoint.id)).every((d) => d.status === "succeeded"));
      const got = back.received.map((m) => (JSON.parse(m.body) as { data: { postId: string } }).data.postId).sort();
      expect(got).toEqual(["p0", "p1", "p2"]);
      expect(new Set(back.received.map((m) => m.headers["webhook-id"]))).toEqual(new Set(failed.map((d) => d.id)));
    } finally {
      await back.close();
    }
  });

  it("retries a 500 on the schedule and succeeds when the endpoint recovers; replay of one delivery resends the same webhook-id", async () => {
    let calls = 0;
    receiver.behaviour = (_q, res) => (++calls < 3 ? (res.statusCode = 500, res.end("x".repeat(5000))) : res.end("fine"));
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url);
    await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await drain(getDb(), async () => (await deliveriesOf(getDb(), endpoint.id))[0]?.status === "succeeded");
    const [delivery] = await deliveriesOf(getDb(), endpoint.id);
    const { rows } = await getDb().ownerPool.query("select status_code, length(response_body) as len from app_public.webhook_attempts where delivery_id = $1 order by created_at", [delivery.id]);
    expect(rows).toEqual([{ status_code: 500, len: 2048 }, { status_code: 500, len: 2048 }, { status_code: 200, len: 4 }]); // bodies truncated
    await asRoleCommitted(getDb(), ws.identity, (c) => c.query("select app_public.replay_webhook_delivery($1)", [delivery.id]));
    expect(await replayAudit(ws.tenantId)).toEqual([
      { actor_user_id: ws.userId, table_name: "webhook_deliveries", record_id: delivery.id, diff: { endpoint_id: endpoint.id, event_id: delivery.event_id } },
    ]);
    await runJobs(getDb());
    expect(receiver.received.map((m) => m.headers["webhook-id"])).toEqual([delivery.id, delivery.id, delivery.id, delivery.id]);
  });

  it("disables an endpoint failing for longer than the configured period and emits endpoint.disabled", async () => {
    process.env.WEBHOOK_DISABLE_AFTER_SECONDS = "0";
    receiver.behaviour = (_q, res) => ((res.statusCode = 500), res.end("down"));
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url);
    await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await runJobs(getDb());
    const { rows } = await getDb().ownerPool.query("select is_enabled, disabled_reason from app_public.webhook_endpoints where id = $1", [endpoint.id]);
    expect(rows[0]).toMatchObject({ is_enabled: false, disabled_reason: expect.stringContaining("Failed continuously") });
    expect((await deliveriesOf(getDb(), endpoint.id)).map((d) => d.status)).toEqual(["failed"]);
    const { rows: ev } = await getDb().ownerPool.query("select payload from app_private.events where type = 'endpoint.disabled' and tenant_id = $1", [ws.tenantId]);
    expect(ev).toEqual([{ payload: expect.objectContaining({ endpointId: endpoint.id, url: receiver.url }) }]);
    // The owner (webhooks:manage) is told in-app.
    const { rows: notes } = await getDb().ownerPool.query("select event_type from app_public.notifications where user_id = $1", [ws.userId]);
    expect(notes).toEqual([{ event_type: "endpoint.disabled" }]);
  });
});

describe("SSRF and hostile endpoints", () => {
  it("refuses at connect time a name that resolves to loopback, and a literal private address, unless allowlisted", async () => {
    process.env.WEBHOOK_ALLOWED_HOSTS = "";
    const ws = await newWorkspace(getDb());
    // Created while the SQL check allowed them (as if DNS or config changed later); the worker decides at connect time.
    const byName = await createEndpoint(getDb(), ws, `http://localhost:${receiver.port}/hook`, [], "localhost");
    const byAddress = await createEndpoint(getDb(), ws, receiver.url);
    await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    await drain(getDb(), async () => [...(await deliveriesOf(getDb(), byName.id)), ...(await deliveriesOf(getDb(), byAddress.id))].every((d) => d.status === "failed"));
    expect(receiver.received).toEqual([]);
    expect((await deliveriesOf(getDb(), byName.id))[0].last_error).toMatch(/Refused: localhost resolves to/);
    expect((await deliveriesOf(getDb(), byAddress.id))[0].last_error).toMatch(/Refused: 127\.0\.0\.1 is a private/);
  });

  it("does not follow a redirect to 169.254.169.254, and cuts a dripping endpoint at the timeout without holding up others", async () => {
    const drip = await startReceiver();
    drip.behaviour = (_q, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write("."), 100);
      res.on("close", () => clearInterval(t));
    };
    receiver.behaviour = (_q, res) => (res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }), res.end());
    const good = await startReceiver();
    try {
      const ws = await newWorkspace(getDb());
      const redirecting = await createEndpoint(getDb(), ws, receiver.url);
      const dripping = await createEndpoint(getDb(), ws, drip.url);
      const fine = await createEndpoint(getDb(), ws, good.url);
      await publish(getDb(), ws.tenantId, "blog.post.published", POST);
      const started = Date.now();
      await runJobs(getDb());
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await deliveriesOf(getDb(), fine.id))[0].status).toBe("succeeded");
      expect((await deliveriesOf(getDb(), redirecting.id))[0]).toMatchObject({ last_status_code: 302, last_error: expect.stringContaining("not followed") });
      expect((await deliveriesOf(getDb(), dripping.id))[0]).toMatchObject({ last_error: expect.stringContaining("Timed out after 1000 ms") });
      expect(good.received).toHaveLength(1);
    } finally {
      await Promise.all([drip.close(), good.close()]);
    }
  });
});

describe("crash safety", () => {
  it("a worker killed after the receiver's 200 but before recording it leads to a duplicate with the same webhook-id, never a loss", async () => {
    await drain(getDb(), async () => (await getJobs(getDb(), "webhooks__deliver")).length === 0); // earlier tests' retries
    const receiver = await startReceiver(); // this test's own
    const ws = await newWorkspace(getDb());
    const endpoint = await createEndpoint(getDb(), ws, receiver.url);
    const eventId = await publish(getDb(), ws.tenantId, "blog.post.published", POST);
    // Hold the endpoint row (FOR UPDATE: even the deliveries' foreign-key check waits) so recording the batch blocks.
    const lock = await getDb().superPool.connect();
    await lock.query("begin");
    await lock.query("select 1 from app_public.webhook_endpoints where id = $1 for update", [endpoint.id]);
    const crash = spawnCrashChild(getDb());
    try {
      await eventually("the crashing child's delivery", () => receiver.received.length > 0);
      expect(receiver.received).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 300)); // the child is now waiting on the lock to record the 200
      await crash.kill();
    } finally {
      await lock.query("rollback");
      lock.release();
    }
    // The 200 was never recorded: no delivery row, the event still waits in the outbox.
    expect(await deliveriesOf(getDb(), endpoint.id)).toEqual([]);
    const { rows: [event] } = await getDb().ownerPool.query("select dispatched_at from app_private.events where id = $1", [eventId]);
    expect(event.dispatched_at).toBeNull();
    // The dead worker's lock would expire after graphile-worker's timeout; expire it now.
    await getDb().superPool.query("update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_by is not null");
    await runJobs(getDb());
    const [after] = await deliveriesOf(getDb(), endpoint.id);
    expect(after).toMatchObject({ status: "succeeded", attempt_count: 1 });
    // Sent again with the same webhook-id: the delivery id derives from (event, endpoint).
    expect(receiver.received.map((m) => m.headers["webhook-id"])).toEqual([after.id, after.id]);
    await receiver.close();
  });
});
