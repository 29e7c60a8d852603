/**
 * Crash safety of billing__process_event: a worker SIGKILLed while processing
 * a captured payment, at several points inside its transaction, and then
 * restarted credits the wallet exactly once, with one ledger entry for the
 * payment's idempotency key and the stored webhook event marked once.
 *
 * Pausing the task is test-only and needs no production code: the test holds
 * a lock the task waits for inside its transaction, either a natural one (the
 * wallet row, which credit() locks) or an advisory lock taken by a trigger
 * that this test installs in its own throwaway database.
 */
import type pg from "pg";
import { useTestDatabase } from "../helpers/db";
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from "../helpers/fakeRazorpay";
import { CRASH_CHILD, runJobs, spawnCrashChild } from "../helpers/jobs";
import { newWorkspace } from "../helpers/webhooks";

const getDb = useTestDatabase();
const PAUSE_KEY = 60_006;
// The task builds its provider from the environment; processing a stored event makes no provider call.
const BILLING_ENV = { RAZORPAY_KEY_ID: KEY_ID, RAZORPAY_KEY_SECRET: KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET };

const sql = (text: string, params: unknown[] = []) => getDb().superPool.query(text, params);

beforeAll(async () => {
  Object.assign(process.env, BILLING_ENV);
  // Test-only pause points (this file's database only): each waits for the advisory lock named by its argument.
  await sql(`create function app_private.test_pause() returns trigger as $$
               begin perform pg_advisory_xact_lock(tg_argv[0]::bigint); return null; end;
             $$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp`);
  await sql(`create trigger zz_test_pause after insert on app_public.wallet_entries for each row execute procedure app_private.test_pause('${PAUSE_KEY + 1}')`);
  await sql(`create trigger zz_test_pause after update on app_private.webhook_events for each row execute procedure app_private.test_pause('${PAUSE_KEY + 2}')`);
});

/** A workspace with a coin order for 100 coins and a stored, queued payment.captured event for it. */
async function capturedPayment(label: string) {
  const ws = await newWorkspace(getDb(), label); // also drains the sign-up's jobs
  const { rows } = await sql("insert into app_public.coin_orders (tenant_id, coin_pack, coins, amount_paise, currency, provider) values ($1, 'coins_100', 100, 9900, 'INR', 'razorpay') returning id", [ws.tenantId]);
  const orderId = `order_${label}`;
  const paymentId = `pay_${label}`;
  await sql("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ('razorpay', 'order', $1, $2, $3)", [orderId, ws.tenantId, rows[0].id]);
  await sql("insert into app_public.wallets (tenant_id) values ($1) on conflict do nothing", [ws.tenantId]);
  const payload = { event: "payment.captured", payload: { payment: { entity: { id: paymentId, entity: "payment", order_id: orderId, status: "captured", amount: 9900, currency: "INR" } } } };
  await sql("select app_private.record_webhook_event('razorpay', $1, 'payment.captured', $2)", [`evt_${label}`, payload]);
  return { tenantId: ws.tenantId, paymentId, eventId: `evt_${label}` };
}

/** Runs the due jobs in a child process and SIGKILLs it once it waits inside the task's transaction; returns what it waited for. */
async function killWhileBlocked(): Promise<string> {
  const { child, kill } = spawnCrashChild(getDb(), BILLING_ENV);
  const deadline = Date.now() + 20_000;
  const blocked = async () =>
    (await sql(`select 1 from pg_stat_activity where ${CRASH_CHILD} and wait_event_type = 'Lock'`)).rowCount === 1;
  while (!(await blocked())) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the worker never reached the pause point");
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rows } = await sql(`select l.locktype, l.objid from pg_locks l join pg_stat_activity a on a.pid = l.pid
                              where ${CRASH_CHILD} and not l.granted`);
  await kill();
  return rows.map((r) => (r.locktype === "advisory" ? `advisory ${r.objid}` : r.locktype)).join(",");
}

async function state(p: { tenantId: string; paymentId: string; eventId: string }) {
  const balance = Number((await sql("select balance from app_public.wallets where tenant_id = $1", [p.tenantId])).rows[0].balance);
  const entries = (await sql("select amount::int, kind from app_public.wallet_entries where idempotency_key = $1", [`razorpay:payment:${p.paymentId}`])).rows;
  const ledgerTotal = Number((await sql("select coalesce(sum(amount), 0) as s from app_public.wallet_entries where tenant_id = $1", [p.tenantId])).rows[0].s);
  const event = (await sql("select status, processed_at is not null as processed from app_private.webhook_events where event_id = $1", [p.eventId])).rows[0];
  const order = (await sql("select o.status from app_public.coin_orders o where o.tenant_id = $1", [p.tenantId])).rows[0].status;
  return { balance, entries, ledgerTotal, event, order };
}

/** [name, how the test holds the task, what the killed task was waiting for] */
const points: Array<[string, (lock: pg.PoolClient, tenantId: string) => Promise<unknown>, string]> = [
  ["before the credit (waiting for the wallet row lock)", (lock, tenantId) => lock.query("select 1 from app_public.wallets where tenant_id = $1 for update", [tenantId]), "transactionid"],
  // Only the AFTER INSERT trigger on wallet_entries waits for this key: the balance update and the entry ran.
  ["after the credit wrote the ledger entry and the balance", (lock) => lock.query("select pg_advisory_xact_lock($1)", [PAUSE_KEY + 1]), `advisory ${PAUSE_KEY + 1}`],
  // Only the AFTER UPDATE trigger on webhook_events waits for this key: everything ran but the commit.
  ["after everything but the commit (marking the event processed)", (lock) => lock.query("select pg_advisory_xact_lock($1)", [PAUSE_KEY + 2]), `advisory ${PAUSE_KEY + 2}`],
];

it.each(points)("a worker SIGKILLed %s and restarted credits exactly once", async (name, hold, waitedFor) => {
  const p = await capturedPayment(`crash${points.findIndex(([n]) => n === name)}`);
  const lock = await getDb().superPool.connect();
  try {
    await lock.query("begin");
    await hold(lock, p.tenantId);
    expect(await killWhileBlocked()).toBe(waitedFor);
  } finally {
    await lock.query("rollback");
    lock.release();
  }
  // Nothing of the killed transaction survived.
  expect(await state(p)).toEqual({ balance: 0, entries: [], ledgerTotal: 0, event: { status: "pending", processed: false }, order: "created" });
  // Restart: the dead worker's job and queue locks would expire after graphile-worker's timeout; expire them now.
  await sql("update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_by is not null");
  await sql("update graphile_worker._private_job_queues set locked_at = null, locked_by = null where locked_by is not null");
  await runJobs(getDb());
  // And again: a redelivered webhook is a duplicate (nothing queued), and a repeated job finds the event processed.
  expect((await sql("select app_private.record_webhook_event('razorpay', $1, 'payment.captured', '{}') as fresh", [p.eventId])).rows[0].fresh).toBe(false);
  await sql("select graphile_worker.add_job('billing__process_event', json_build_object('provider', 'razorpay', 'eventId', $1::text), queue_name => 'billing')", [p.eventId]);
  await runJobs(getDb());
  expect(await state(p)).toEqual({
    balance: 100, entries: [{ amount: 100, kind: "purchase" }], ledgerTotal: 100, event: { status: "processed", processed: true }, order: "paid",
  });
  expect((await sql("select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'billing__process_event'")).rows[0].n).toBe(0);
});
