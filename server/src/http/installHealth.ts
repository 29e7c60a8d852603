import type { Express } from "express";
import { getContext } from "../context";
import { latestCommittedHash } from "../../../core/db/migrate";

/**
 * /healthz: the process is alive (no I/O).
 * /readyz:  the database answers and has every committed migration applied;
 *           503 otherwise, so load balancers stop routing here until it is.
 *           It also reports how many workers sent a heartbeat in the last
 *           30 s; with READYZ_REQUIRE_WORKER=true none alive is also a 503.
 */
export default function installHealth(app: Express): void {
  const ctx = getContext(app);
  const expectedHash = latestCommittedHash();
  const started = Date.now();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });

  app.get("/readyz", async (_req, res) => {
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    checks.database = { ok: await ctx.health.check() };
    if (checks.database.ok) {
      try {
        const { rows } = await ctx.rootPgPool.query<{ hash: string }>(
          "select hash from graphile_migrate.migrations order by date desc, filename desc limit 1",
        );
        const applied = rows[0]?.hash ?? null;
        checks.migrations = applied === expectedHash
          ? { ok: true }
          : { ok: false, detail: `database is at ${applied ?? "no migration"}, code expects ${expectedHash}` };
      } catch {
        checks.migrations = { ok: false, detail: "migrations have not been run" };
      }
      try {
        const { rows } = await ctx.rootPgPool.query<{ alive: number }>(
          "select count(*)::int as alive from app_private.worker_heartbeats where last_seen_at > now() - interval '30 seconds'",
        );
        const alive = rows[0].alive;
        checks.workers = { ok: alive > 0 || !ctx.config.readyzRequireWorker, detail: `${alive} alive` };
      } catch {
        checks.workers = { ok: !ctx.config.readyzRequireWorker, detail: "unknown (heartbeat table missing)" };
      }
    }
    const ok = Object.values(checks).every((c) => c.ok) && "migrations" in checks;
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "unavailable", checks });
  });
}
