/**
 * Billing: coin debits per second under contention on ONE wallet
 * (app_private.debit: row lock, idempotency check, balance update, ledger
 * insert) vs the same number of connections running a plain
 * `update … set balance = balance - 1` on one row. Goal: >= 500 debits/s;
 * the ratio shows what the ledger costs on top of the bare row lock.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { alternate, closedLoop, ratioResult, type BenchEnv, type BenchResult } from "../lib";

export async function walletDebits(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const pool = new pg.Pool({ connectionString: db.urls.owner, max: env.connections });
  pool.on("error", () => {});
  try {
    const { rows } = await db.superPool.query("select tenant_id from app_private.register_user('bench-wallet@example.com', 'Bench', null, 'Bench Wallet')");
    const tenantId: string = rows[0].tenant_id;
    await pool.query("select app_private.credit($1, 1000000000, 'grant', 'bench', 'bench-seed')", [tenantId]);
    await db.superPool.query("create table public.bench_counter (id int primary key, balance bigint not null)");
    await db.superPool.query("insert into public.bench_counter values (1, 1000000000)");
    await db.superPool.query("grant all on public.bench_counter to logicspike_owner");
    const seconds = env.durationSeconds;
    const [debits, plain] = await alternate(
      2,
      () => closedLoop(env.connections, seconds, () => pool.query("select app_private.debit($1, 1, 'spend', 'bench', $2)", [tenantId, randomUUID()])),
      () => closedLoop(env.connections, seconds, () => pool.query("update public.bench_counter set balance = balance - 1 where id = 1")),
    );
    const check = await db.superPool.query("select w.balance = 1000000000 + (select coalesce(sum(amount), 0) - 1000000000 from app_public.wallet_entries e where e.tenant_id = w.tenant_id) as ok from app_public.wallets w where w.tenant_id = $1", [tenantId]);
    return [
      ratioResult({
        scenario: `Billing: debits/s on one wallet, ${env.connections} connections`,
        metric: "debits/s",
        value: Math.round(debits),
        baselineName: "plain single-row update/s",
        baseline: Math.round(plain),
        goal: undefined,
        higherIsBetter: true,
        notes: `goal >= 500 debits/s (absolute); ledger consistent: ${check.rows[0].ok}`,
      }),
    ];
  } finally {
    await pool.end();
  }
}
