/**
 * Scale-out as the README describes it: two stateless server processes and
 * two worker processes against one Postgres. Jobs queued through either
 * server are processed exactly once (graphile-worker's SKIP LOCKED), and rate
 * limits are shared because the counters live in Postgres.
 */
import { spawnServerProcess, spawnWorkerProcess, type ServerProcess, type WorkerProcess } from "./helpers/serverProcess";
import { useTestDatabase } from "./helpers/db";
import { useTestSmtp } from "./helpers/smtp";
import { eventually } from "./helpers/expect";

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
const servers: ServerProcess[] = [];
const workers: WorkerProcess[] = [];
const MESSAGES = 40;

beforeAll(async () => {
  const common = { NODE_ENV: "test", LOG_LEVEL: "warn", MIGRATE_ON_START: "false", WORKER_IN_PROCESS: "false", SMTP_URL: getSmtp().url, RATE_LIMIT_AUTH_PER_MINUTE: "4" };
  servers.push(...(await Promise.all([spawnServerProcess(getDb().urls, common), spawnServerProcess(getDb().urls, common)])));
  const workerEnv = { SMTP_URL: getSmtp().url, WORKER_CONCURRENCY: "4", CONTACT_INBOX: "ops@example.com" };
  workers.push(...(await Promise.all([spawnWorkerProcess(getDb().urls, workerEnv), spawnWorkerProcess(getDb().urls, workerEnv)])));
}, 90_000);
afterAll(async () => {
  await Promise.all([...servers, ...workers].map((p) => p.stop()));
});

it("processes every job queued through either server exactly once across two workers", async () => {
  const { rows: beats } = await getDb().ownerPool.query("select count(*)::int as n from app_private.worker_heartbeats");
  expect(beats[0].n).toBe(2);

  const submit = (i: number) =>
    fetch(`${servers[i % 2].url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "mutation($m: String!) { submitContactMessage(input: { name: \"Scale\", email: \"scale@example.com\", message: $m }) { result } }",
        variables: { m: `message ${i}` },
      }),
    }).then((r) => r.json() as Promise<{ data?: { submitContactMessage?: { result: boolean } } }>);
  const results = await Promise.all(Array.from({ length: MESSAGES }, (_, i) => submit(i)));
  expect(results.every((r) => r.data?.submitContactMessage?.result === true)).toBe(true);

  const inbox = () => getSmtp().received.filter((m) => m.to.includes("ops@example.com"));
  await eventually(`${MESSAGES} contact emails`, () => inbox().length >= MESSAGES, { timeoutMs: 30_000 });
  await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive by now
  const ids = inbox().map((m) => /^Message-ID: (.+)$/im.exec(m.raw)?.[1].trim());
  expect(ids).toHaveLength(MESSAGES);
  expect(new Set(ids).size).toBe(MESSAGES);
  const { rows } = await getDb().ownerPool.query("select count(*)::int as n from app_private.contact_messages where notified_at is not null and name = 'Scale'");
  expect(rows[0].n).toBe(MESSAGES);
  const { rows: left } = await getDb().ownerPool.query("select count(*)::int as n from graphile_worker.jobs where task_identifier = 'contact_messages__notify'");
  expect(left[0].n).toBe(0);
});

it("shares rate limits between the two servers", async () => {
  const attempt = (i: number) => fetch(`${servers[i % 2].url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then((r) => r.status);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push(await attempt(i));
  expect(statuses).toEqual([422, 422, 422, 422, 429, 429]);
});
