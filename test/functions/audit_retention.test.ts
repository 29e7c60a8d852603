/**
 * The audit__retention task: scheduled daily by functions/crontab, it asks
 * SQL (app_private.audit_retention, proven in test/db/audit.test.ts) to drop
 * entries older than AUDIT_RETENTION_DAYS, or the payload's override. Here it
 * runs against the real database as the worker would (owner pool).
 */
import fs from "node:fs";
import { parseCrontab, type JobHelpers } from "graphile-worker";
import type { PoolClient } from "pg";
import { loadConfig } from "../../core/config";
import task from "../../functions/src/tasks/audit__retention";
import { CRONTAB_FILE } from "../../functions/src/worker";
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

function helpers(queries: Array<{ text: string; values: unknown[] }>): JobHelpers {
  const withPgClient = async <T,>(fn: (c: PoolClient) => Promise<T>): Promise<T> => {
    const client = await getDb().ownerPool.connect();
    const spy = new Proxy(client, {
      get(target, prop) {
        if (prop === "query") return (text: string, values: unknown[]) => (queries.push({ text, values }), target.query(text, values));
        return Reflect.get(target, prop);
      },
    });
    try {
      return await fn(spy);
    } finally {
      client.release();
    }
  };
  return { withPgClient, logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } } as unknown as JobHelpers;
}

it("is scheduled daily with a job key in functions/crontab", () => {
  const items = parseCrontab(fs.readFileSync(CRONTAB_FILE, "utf8"));
  const item = items.find((i) => i.task === "audit__retention");
  expect(item).toBeDefined();
  expect(item!.options.jobKey).toBe("audit__retention");
});

it("removes nothing younger than the retention period and leaves every chain verifiable", async () => {
  const [{ tenant_id: tenantId }] = (await getDb().superPool.query("select tenant_id from app_private.register_user('ret@example.com', 'Ret', null, 'Ret')")).rows;
  const before = (await getDb().superPool.query("select count(*)::int as n from app_public.audit_log where tenant_id = $1", [tenantId])).rows[0].n;
  expect(before).toBeGreaterThan(0);
  const queries: Array<{ text: string; values: unknown[] }> = [];
  await task({}, helpers(queries), loadConfig());
  await task({ retentionDays: 7 }, helpers(queries), loadConfig());
  // The default comes from AUDIT_RETENTION_DAYS (365 when unset); the payload overrides it.
  expect(queries.map((q) => q.values)).toEqual([[365], [7]]);
  expect(queries[0].text).toContain("app_private.audit_retention(make_interval(days => $1))");
  expect((await getDb().superPool.query("select count(*)::int as n from app_public.audit_log where tenant_id = $1", [tenantId])).rows[0].n).toBe(before);
  expect((await getDb().superPool.query("select app_private.verify_audit_chain($1) as ok", [tenantId])).rows[0].ok).toBe(true);
});

it("refuses an invalid payload", async () => {
  await expect(task({ retentionDays: 0 }, helpers([]), loadConfig())).rejects.toThrow("audit__retention: invalid payload");
  await expect(task({ retentionDays: "30" }, helpers([]), loadConfig())).rejects.toThrow("audit__retention: invalid payload");
});
