/**
 * Notifications: notification-worthy events reach the affected user in-app
 * (default), by email and by Slack when they opt in; they list and mark only
 * their own. Slack is a third party: a local HTTP server speaks its
 * incoming-webhook API (SLACK_WEBHOOK_ORIGIN points the worker at it).
 */
import { as, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { startReceiver } from "../helpers/webhooks";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server);
  other = await signUp(server);
  await runJobs(getDb());
});
afterAll(() => server.close());

async function roleChanged(user: TestUser) {
  const { rows } = await getDb().superPool.query("select id from app_public.memberships where user_id = $1 and tenant_id = $2", [user.userId, user.tenantId]);
  await getDb().ownerPool.query("select app_private.publish_event($1, 'role.changed', $2)", [user.tenantId, { membershipId: rows[0].id, userId: user.userId, role: "admin" }]);
  await runJobs(getDb());
}

it("role.changed puts an in-app notification in the affected user's list only, and mark read works on your own only", async () => {
  await roleChanged(owner);
  const list = await as(server, owner.accessToken)("{ notifications { nodes { rowId eventType title readAt } } }");
  expect(list.body.data!.notifications.nodes).toEqual([expect.objectContaining({ eventType: "role.changed", title: "Your role changed to admin.", readAt: null })]);
  const id = list.body.data!.notifications.nodes[0].rowId;
  expect((await as(server, other.accessToken)("{ notifications { nodes { id } } }")).body.data!.notifications.nodes).toEqual([]);
  const theirs = await as(server, other.accessToken)(`mutation($id: UUID!) { markNotificationRead(input: { notificationId: $id }) { result { rowId } } }`, { id });
  expect(theirs.body.data?.markNotificationRead?.result ?? null).toBeNull();
  const mine = await as(server, owner.accessToken)(`mutation($id: UUID!) { markNotificationRead(input: { notificationId: $id }) { result { readAt } } }`, { id });
  expect(mine.body.data!.markNotificationRead.result.readAt).toEqual(expect.any(String));
});

it("honours preferences: in-app off and email on queues an email instead", async () => {
  const gql = as(server, other.accessToken);
  for (const [channel, isEnabled] of [["in_app", false], ["email", true]] as const) {
    const res = await gql(`mutation($c: String!, $e: Boolean!) { createNotificationPreference(input: { notificationPreference: { eventType: "role.changed", channel: $c, isEnabled: $e } }) { notificationPreference { channel isEnabled } } }`, { c: channel, e: isEnabled });
    expect(res.body.errors).toBeUndefined();
  }
  const { rows } = await getDb().superPool.query("select id from app_public.memberships where user_id = $1 and tenant_id = $2", [other.userId, other.tenantId]);
  await getDb().ownerPool.query("select app_private.publish_event($1, 'role.changed', $2)", [other.tenantId, { membershipId: rows[0].id, userId: other.userId, role: "member" }]);
  await runJobs(getDb()); // dispatch + subscriber; the email job runs in the same pass
  expect((await as(server, other.accessToken)("{ notifications { nodes { id } } }")).body.data!.notifications.nodes).toEqual([]);
  const { rows: sent } = await getDb().superPool.query("select count(*)::int as n from app_private.events where type = 'role.changed' and tenant_id = $1", [other.tenantId]);
  expect(sent[0].n).toBe(1);
  expect(await getJobs(getDb(), "notifications__email")).toEqual([]); // ran (logged: SMTP_URL unset) and completed
});

it("refuses a Slack preference without a Slack incoming-webhook URL", async () => {
  const res = await as(server, owner.accessToken)(`mutation { createNotificationPreference(input: { notificationPreference: { eventType: "invoice.paid", channel: "slack", slackWebhookUrl: "http://169.254.169.254/" } }) { notificationPreference { channel } } }`);
  expect(res.body.errors?.[0].extensions?.code).toBe("INVLD");
});

it("posts to the user's Slack incoming webhook, retries when Slack fails, and stops when the preference is turned off", async () => {
  const slack = await startReceiver(); // answers 200 "ok", as Slack does
  const env = { SLACK_WEBHOOK_ORIGIN: `http://127.0.0.1:${slack.port}`, WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env); // the worker tasks run in this process (runJobs) and read loadConfig()
  try {
    const user = await signUp(server);
    await runJobs(getDb());
    const gql = as(server, user.accessToken);
    const created = await gql(
      `mutation { createNotificationPreference(input: { notificationPreference: { eventType: "role.changed", channel: "slack", slackWebhookUrl: "https://hooks.slack.com/services/T0001/B0001/secretpart" } }) { notificationPreference { id channel isEnabled } } }`,
    );
    expect(created.body.errors).toBeUndefined();
    const pref = created.body.data!.createNotificationPreference.notificationPreference;
    expect(pref).toMatchObject({ channel: "slack", isEnabled: true });

    slack.behaviour = (_req, res) => ((res.statusCode = 500), res.end("internal_error"));
    await roleChanged(user);
    const [failed] = await getJobs(getDb(), "notifications__slack");
    expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining("Slack answered 500") });

    slack.behaviour = (_req, res) => res.end("ok");
    await getDb().ownerPool.query("update graphile_worker._private_jobs set run_at = now() where id = $1", [failed.id]);
    await runJobs(getDb());
    expect(await getJobs(getDb(), "notifications__slack")).toEqual([]);
    expect(slack.received.map((m) => ({ path: m.path, type: m.headers["content-type"], body: JSON.parse(m.body) }))).toEqual([
      { path: "/services/T0001/B0001/secretpart", type: "application/json", body: { text: "Your role changed to admin." } },
      { path: "/services/T0001/B0001/secretpart", type: "application/json", body: { text: "Your role changed to admin." } },
    ]);

    // Turned off: the next event queues nothing for Slack, and nothing is posted.
    const off = await gql(`mutation($id: ID!) { updateNotificationPreferenceById(input: { id: $id, patch: { isEnabled: false } }) { notificationPreference { isEnabled } } }`, { id: pref.id });
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data!.updateNotificationPreferenceById.notificationPreference.isEnabled).toBe(false);
    await roleChanged(user);
    expect(slack.received).toHaveLength(2);
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await slack.close();
  }
});
