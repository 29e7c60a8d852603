/**
 * Counters behind installRateLimit: rate-limiter-flexible on a shared store
 * (Postgres by default, Redis when REDIS_URL is set), so every instance and
 * every restart sees the same counts.
 *
 * Failure policy: a store that errors (Postgres or Redis down, a timeout) must
 * not turn every request into a 500, and must not switch limiting off either.
 * Each limiter falls back to an in-memory twin with the same limit: limits
 * then hold per process until the store is back. Errors are logged at most
 * every 10 s; a Postgres connection error also marks the database down, and
 * while it is down the store is not even tried (no connect timeout per request).
 * Every counter update that falls back to memory is counted in
 * logicspike_rate_limit_store_failures_total{store} (installRateLimit
 * registers it), so a degraded store shows on a dashboard, not only in logs.
 */
import { Redis } from "ioredis";
import type { Pool } from "pg";
import type { Counter } from "prom-client";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DatabaseHealth } from "../../../core/db/health";
import { isDatabaseUnavailable } from "../../../core/errors";
import { logger } from "../../../core/logger";

export const WINDOW_SECONDS = 60;
const TABLE = { schemaName: "app_private", tableName: "rate_limits" };

export interface LimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface LimiterStore {
  readonly name: "postgres" | "redis";
  /** A store-backed limiter for `points` per window; limiters with the same prefix share counters. */
  make(keyPrefix: string, points: number): RateLimiterAbstract;
  /** True when the store should be skipped (known down). */
  readonly isDown: boolean;
  onError(err: unknown): void;
  /** Redis: settles when the first connection attempt has succeeded or failed; every count awaits it. */
  readonly ready?: Promise<void>;
  close(): Promise<void>;
}

function throttledWarn(): (err: unknown, msg: string) => void {
  let last = 0;
  return (err, msg) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    logger.warn({ err }, msg);
  };
}

/** app_private.rate_limits through the owner pool; the table comes from the migration (tableCreated: true). */
export function postgresStore(pool: Pool, health: DatabaseHealth): LimiterStore {
  const warn = throttledWarn();
  // The library's own sweeper runs one timer per limiter; one sweep of the whole table is enough.
  // clearExpired is public in the library but missing from its typings; it never rejects.
  type Sweeper = RateLimiterPostgres & { clearExpired(expire: number): Promise<void> };
  let sweeper: Sweeper | undefined;
  const batcher = new UpsertBatcher(pool);
  const timer = setInterval(() => void sweeper?.clearExpired(Date.now() - 3_600_000), 300_000);
  timer.unref();
  return {
    name: "postgres",
    make(keyPrefix, points) {
      const limiter = new RateLimiterPostgres({
        storeClient: batcher, storeType: "pool", ...TABLE, tableCreated: true, clearExpiredByTimeout: false,
        keyPrefix, points, duration: WINDOW_SECONDS,
      });
      sweeper ??= limiter as Sweeper;
      return limiter;
    },
    get isDown() {
      return health.isDown;
    },
    onError(err) {
      if (isDatabaseUnavailable(err)) health.markDown();
      warn(err, "Rate-limit store (Postgres) failed; limiting in memory for now");
    },
    async close() {
      clearInterval(timer);
    },
  };
}

/**
 * Redis via ioredis: never queues commands while disconnected (fail fast to
 * memory) and reconnects on its own. Counting waits for the first connection
 * attempt only (at most connectTimeout), so a fresh instance counts in Redis
 * from its first request instead of in memory until the socket is up.
 */
export function redisStore(url: string): LimiterStore {
  const warn = throttledWarn();
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  client.on("error", (err) => warn(err, "Redis connection error"));
  const ready = client.connect().catch((err: unknown) => warn(err, "Redis unreachable at start; limiting in memory until it is back"));
  return {
    name: "redis",
    ready,
    make: (keyPrefix, points) =>
      new RateLimiterRedis({ storeClient: client, rejectIfRedisNotReady: true, keyPrefix, points, duration: WINDOW_SECONDS }),
    isDown: false,
    onError: (err) => warn(err, "Rate-limit store (Redis) failed; limiting in memory for now"),
    async close() {
      client.disconnect();
    },
  };
}

/**
 * One named limit whose size may differ per subject (a workspace's plan): one
 * store limiter per distinct size, all with the same key prefix, so a subject
 * has a single counter whatever its current limit is.
 */
export class Limiter {
  private readonly bySize = new Map<number, { store: RateLimiterAbstract; memory: RateLimiterMemory }>();

  constructor(
    private readonly store: LimiterStore,
    private readonly keyPrefix: string,
    private readonly storeFailures?: Pick<Counter<"store">, "inc">,
  ) {}

  async consume(key: string, points: number): Promise<LimitResult> {
    let pair = this.bySize.get(points);
    if (!pair) {
      pair = { store: this.store.make(this.keyPrefix, points), memory: new RateLimiterMemory({ keyPrefix: this.keyPrefix, points, duration: WINDOW_SECONDS }) };
      this.bySize.set(points, pair);
    }
    let res: RateLimiterRes;
    let allowed = true;
    if (this.store.ready) await this.store.ready;
    try {
      if (this.store.isDown) {
        this.storeFailures?.inc({ store: this.store.name });
        res = await pair.memory.consume(key);
      } else res = await pair.store.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        res = err;
        allowed = false;
      } else {
        this.store.onError(err);
        this.storeFailures?.inc({ store: this.store.name });
        try {
          res = await pair.memory.consume(key);
        } catch (memErr) {
          if (!(memErr instanceof RateLimiterRes)) throw memErr;
          res = memErr;
          allowed = false;
        }
      }
    }
    return { allowed, limit: points, remaining: res.remainingPoints, resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  }
}

interface PendingUpsert {
  key: string;
  points: number;
  expire: number | null;
  now: number;
  resolve(result: { rows: Array<{ points: number; expire: string | null }>; rowCount: number }): void;
  reject(err: unknown): void;
}

/**
 * The Postgres store's `storeClient`. Counter upserts issued in the same
 * event-loop turn (a request's user and workspace counters, and concurrent
 * requests) go to Postgres as one statement instead of one each: the cost of
 * the limiter then grows with turns, not requests. Exact, not approximate:
 * increments to the same key are summed in one atomic upsert and each caller
 * gets the running total it would have seen one by one, in arrival order.
 * Rows are locked in key order, so two instances' batches cannot deadlock.
 * Every other query (get, delete, sweep) passes through. This leans on the
 * store's query name and parameters (`rlflx-upsert`: key, points, new expire,
 * now; rate-limiter-flexible 11), which test/server/rate_limit.test.ts covers.
 */
class UpsertBatcher {
  private pending: PendingUpsert[] = [];
  /** A flush is scheduled or its statement is running: new upserts wait for the next one. */
  private busy = false;

  constructor(private readonly pool: Pool) {}

  query(q: { text: string; values?: unknown[]; name?: string }): Promise<unknown> {
    if (!q.name?.endsWith(":rlflx-upsert")) return this.pool.query(q);
    const [key, points, expire, now] = q.values as [string, number, number | null, number];
    return new Promise((resolve, reject) => {
      this.pending.push({ key, points, expire, now, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * Group commit: at most one batch statement in flight. Upserts that arrive while it runs are sent
   * together as soon as it returns, so under load one statement carries many requests' counters (one per
   * request when idle, as before) instead of one per event-loop turn.
   */
  private async flush(): Promise<void> {
    try {
      await this.flushBatch();
    } finally {
      if (this.pending.length) setImmediate(() => void this.flush());
      else this.busy = false;
    }
  }

  private async flushBatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const byKey = new Map<string, PendingUpsert[]>();
    for (const item of batch) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
    const keys = [...byKey.keys()];
    const sums = keys.map((k) => byKey.get(k)!.reduce((n, i) => n + i.points, 0));
    const expires = keys.map((k) => Math.max(...byKey.get(k)!.map((i) => i.expire ?? 0)) || null);
    try {
      const { rows } = await this.pool.query<{ key: string; points: number; expire: string | null }>({
        name: "rate_limits:batch-upsert",
        text: `insert into app_private.rate_limits as r (key, points, expire)
                 select * from unnest($1::varchar[], $2::int[], $3::bigint[]) as t (key, points, expire) order by key
               on conflict (key) do update set
                 points = case when r.expire <= $4 then excluded.points else r.points + excluded.points end,
                 expire = case when r.expire <= $4 then excluded.expire else r.expire end
               returning key, points, expire`,
        values: [keys, sums, expires, batch[0].now],
      });
      for (const row of rows) {
        // The last caller saw the final total; each earlier one, the total minus what came after it.
        let total = row.points;
        for (const item of [...byKey.get(row.key)!].reverse()) {
          item.resolve({ rows: [{ points: total, expire: row.expire }], rowCount: 1 });
          total -= item.points;
        }
        byKey.delete(row.key);
      }
      for (const items of byKey.values()) for (const item of items) item.reject(new Error("rate limit upsert returned no row"));
    } catch (err) {
      for (const item of batch) item.reject(err);
    }
  }
}
