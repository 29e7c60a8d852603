/**
 * Event bus: webhook deliveries per second, outbox to receiver, against a raw
 * HTTP client loop posting the same signed body to the same local receiver
 * with the same agent settings (keep-alive, same concurrency), in the same run.
 * The pipeline side is a running worker started as production starts it
 * (startWorker: concurrency C, a pool of C + 2 connections like
 * functions/src/cli.ts, LISTEN/NOTIFY). Each round publishes N events in one
 * transaction; the clock runs from its commit until every delivery of the
 * round is recorded as succeeded (polled every 5 ms); rate = N / that time.
 * N defaults to 5000, about a second of work here, so a round measures the
 * pipeline's throughput rather than its start (job pickup after the commit,
 * lanes starting) and its tail (the last batches run on fewer lanes): with
 * 1000 events a round lasted ~0.2 s against the raw side's 2.5 s.
 * Both sides get an unmeasured warm-up first (a round of 1000 events; 1 s of
 * the raw loop), like every other scenario. Goal >= 0.5x.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startWorker } from "../../functions/src/worker";
import { loadConfig } from "../../core/config";
import { makePgPool } from "../../core/db/pool";
import { webhookHeaders } from "../../functions/src/lib/webhooks/sign";
import { createEndpoint, newWorkspace } from "../../test/helpers/webhooks";
import { closedLoop, median, ratioResult, type BenchEnv, type BenchResult } from "../lib";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS || 5000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY || 10);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS || 3);

export async function webhookDelivery(env: BenchEnv): Promise<BenchResult[]> {
  process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
  process.env.LOG_LEVEL = "silent";
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const db = await env.newDatabase();
  try {
    const ws = await newWorkspace(db, "bench");
    const endpoint = await createEndpoint(db, ws, url, ["blog.post.published"]);
    const workerPool = makePgPool(db.urls.owner, "worker", { max: CONCURRENCY + 2 });
    // Loaded after WEBHOOK_ALLOWED_HOSTS is set above: the worker hands this config to its tasks.
    const worker = await startWorker({ pgPool: workerPool, concurrency: CONCURRENCY, config: loadConfig() });
    const succeeded = async () =>
      (await db.ownerPool.query("select count(*)::int as n from app_public.webhook_deliveries where endpoint_id = $1 and status = 'succeeded'", [endpoint.id])).rows[0].n as number;
    const undispatched = async () =>
      (await db.ownerPool.query("select count(*)::int as n from app_private.events where dispatched_at is null")).rows[0].n as number;
    let expected = 0;

    const pipeline = async (events = EVENTS) => {
      expected += events;
      await db.ownerPool.query(
        `select app_private.publish_event($1, 'blog.post.published', jsonb_build_object('postId', g::text, 'title', 'Bench ' || g)) from generate_series(1, $2) g`,
        [ws.tenantId, events],
      );
      const t0 = performance.now();
      const deadline = t0 + 120_000;
      // Cheap to poll (a partial index of the few undispatched rows): a batch records its deliveries in the
      // transaction that marks its events dispatched. Counting the succeeded deliveries at every poll instead
      // would scan a growing table every 5 ms on the cores the pipeline is measured on.
      while ((await undispatched()) > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      while ((await succeeded()) < expected) {
        if (performance.now() > deadline) {
          const why = await db.ownerPool.query("select status, last_error, count(*)::int as n from app_public.webhook_deliveries where endpoint_id = $1 and status <> 'succeeded' group by 1, 2", [endpoint.id]);
          throw new Error(`webhookDelivery: ${await succeeded()} of ${expected} deliveries succeeded after 120 s; the others: ${JSON.stringify(why.rows)}`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return events / ((performance.now() - t0) / 1000);
    };

    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const body = JSON.stringify({ type: "blog.post.published", timestamp: new Date().toISOString(), data: { postId: "1", title: "Bench" } });
    const raw = (seconds = env.durationSeconds / 2) =>
      closedLoop(CONCURRENCY, seconds, () =>
        new Promise<void>((resolve, reject) => {
          const headers = webhookHeaders([endpoint.secret], "msg_bench", new Date(), body);
          const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
            res.resume();
            res.on("end", () => resolve());
          });
          req.on("error", reject);
          req.end(body);
        }),
      );

    await pipeline(1000); // warm-up (JIT, pool connections, plan caches)
    await raw(1);
    // Alternating rounds; each round's own ratio is kept, since the goal holds for every round, not only the median.
    const pipelineRates: number[] = [];
    const rawRates: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) pipelineRates.push(await pipeline()), rawRates.push(await raw());
      else rawRates.push(await raw()), pipelineRates.push(await pipeline());
    }
    const [value, baseline] = [median(pipelineRates), median(rawRates)];
    const roundRatios = pipelineRates.map((p, i) => Math.round((p / rawRates[i]) * 1000) / 1000);
    agent.destroy();
    await worker.stop();
    await workerPool.end();
    return [
      ratioResult({
        scenario: "webhookDelivery",
        metric: "deliveries/s (outbox → dispatch → signed POST → recorded)",
        value,
        baselineName: "raw keep-alive HTTP POST loop",
        baseline,
        goal: 0.5,
        higherIsBetter: true,
        roundRatios,
        everyRound: true,
        notes: `rounds ${roundRatios.map((r) => r.toFixed(2)).join(", ")}; ${EVENTS} events per round, concurrency ${CONCURRENCY}, ${ROUNDS} rounds (medians); receiver saw ${received} requests`,
      }),
    ];
  } finally {
    receiver.close();
  }
}
