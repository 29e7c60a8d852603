/**
 * Metering (issue 20): check-and-consume on ONE workspace's meter from 50
 * concurrent callers (app_private.meter_consume: catalog and limit lookup,
 * one guarded UPDATE of the counter row, threshold check, a row of OUT columns) vs the same callers
 * running a plain `update … set used = used + 1 … returning used` on one row.
 * Goal >= 0.5×. First a correctness pass: 50 callers against a limit of 500
 * must stop at exactly 500.
 * Then a service's publish-event round trip (publish_service_event: catalog,
 * publisher and contract checks, idempotency key, outbox insert and its
 * triggers) vs a plain insert of the same payload (reference, no goal).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { alternate, closedLoop, ratioResult, type BenchEnv, type BenchResult } from "../lib";

const CALLERS = 50;

export async function metering(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const pool = new pg.Pool({ connectionString: db.urls.owner, max: CALLERS });
  pool.on("error", () => {});
  try {
    const { rows } = await db.superPool.query("select tenant_id from app_private.register_user('bench-meter@example.com', 'Bench', null, 'Bench Meter')");
    const tenantId: string = rows[0].tenant_id;
    await db.superPool.query(`update app_public.billing_accounts set limits = limits || '{"api_calls": 500}' where tenant_id = $1`, [tenantId]);
    // Correctness under contention: keep going until every caller has been refused once.
    let allowed = 0;
    await Promise.all(Array.from({ length: CALLERS }, async () => {
      for (;;) {
        const { rows: [r] } = await pool.query("select allowed from app_private.meter_consume($1, 'api.calls', 1)", [tenantId]);
        if (!r.allowed) return;
        allowed++;
      }
    }));
    const { rows: [{ used }] } = await db.superPool.query("select used::int from app_private.meter_counters where tenant_id = $1 and meter = 'api.calls'", [tenantId]);

    await db.superPool.query(`update app_public.billing_accounts set limits = limits || '{"api_calls": 1000000000000}' where tenant_id = $1`, [tenantId]);
    await db.superPool.query("create table public.bench_meter (id int primary key, used bigint not null)");
    await db.superPool.query("insert into public.bench_meter values (1, 0)");
    await db.superPool.query("create table public.bench_outbox (id uuid primary key default gen_random_uuid(), tenant_id uuid, type text, payload jsonb)");
    await db.superPool.query("grant all on public.bench_meter, public.bench_outbox to logicspike_owner");
    const seconds = env.durationSeconds;
    const [consumes, plain] = await alternate(
      3,
      () => closedLoop(CALLERS, seconds, () => pool.query("select * from app_private.meter_consume($1, 'api.calls', 1)", [tenantId])),
      () => closedLoop(CALLERS, seconds, () => pool.query("update public.bench_meter set used = used + 1 where id = 1 returning used")),
    );

    await db.superPool.query("insert into app_public.services (key, name) values ('benchsvc', 'Bench') on conflict do nothing");
    await db.superPool.query("insert into app_public.tenant_services (tenant_id, service) values ($1, 'benchsvc') on conflict do nothing", [tenantId]);
    await db.superPool.query(`insert into app_public.event_types (key, description, schema, published_by) values ('benchsvc.thing.done', 'Bench.',
      '{"type": "object", "required": ["thingId"], "properties": {"thingId": {"type": "string"}, "n": {"type": "integer"}}}', 'benchsvc')`);
    const payload = () => JSON.stringify({ thingId: randomUUID(), n: 1 });
    const [publishes, inserts] = await alternate(
      3,
      () => closedLoop(env.connections, seconds, () =>
        pool.query("select app_private.publish_service_event($1, 'benchsvc', 'benchsvc.thing.done', $2, $3)", [tenantId, payload(), randomUUID()])),
      () => closedLoop(env.connections, seconds, () =>
        pool.query("insert into public.bench_outbox (tenant_id, type, payload) values ($1, 'benchsvc.thing.done', $2) returning id", [tenantId, payload()])),
    );
    return [
      ratioResult({
        scenario: `Metering: check-and-consume on one meter, ${CALLERS} concurrent callers`,
        metric: "consumes/s",
        value: Math.round(consumes),
        baselineName: "plain single-row update … returning/s",
        baseline: Math.round(plain),
        goal: 0.5,
        higherIsBetter: true,
        notes: `limit 500 under ${CALLERS} callers: ${allowed} allowed, counter ${used} (never above the limit: ${used === 500 && allowed === 500})`,
      }),
      ratioResult({
        scenario: `Services: publish-event round trip, ${env.connections} connections`,
        metric: "events/s",
        value: Math.round(publishes),
        baselineName: "plain insert … returning/s",
        baseline: Math.round(inserts),
        higherIsBetter: true,
        reference: true,
        notes: "publish_service_event with an idempotency key vs the same row into an unindexed table without triggers",
      }),
    ];
  } finally {
    await pool.end();
  }
}
