/**
 * The coin wallet ledger: app_private.credit/debit keep balance = sum(entries)
 * and balance >= 0 under concurrency, apply each idempotency key once, and
 * the ledger cannot be rewritten. Concurrency runs on separate owner
 * connections (committed transactions), not inside one rolled-back test
 * transaction, so the row locks are really contended.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { asRequestRole, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();
let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: getDb().urls.owner, max: 16 });
  pool.on("error", () => {});
});
afterAll(() => pool?.end());

async function newWorkspace(): Promise<{ tenantId: string; userId: string }> {
  const marker = randomBytes(4).toString("hex");
  const { rows } = await getDb().superPool.query("select user_id, tenant_id from app_private.register_user($1, 'Wallet Owner', null, $2)", [`wallet-${marker}@example.com`, `Wallet ${marker}`]);
  return { tenantId: rows[0].tenant_id, userId: rows[0].user_id };
}

const credit = (tenantId: string, amount: unknown, key: string, kind = "purchase") =>
  pool.query("select * from app_private.credit($1, $2, $3, 'test', $4)", [tenantId, amount, kind, key]).then((r) => r.rows[0]);
const debit = (tenantId: string, amount: unknown, key: string) =>
  pool.query("select * from app_private.debit($1, $2, 'spend', 'test', $3)", [tenantId, amount, key]).then((r) => r.rows[0]);

async function ledger(tenantId: string) {
  const { rows } = await getDb().superPool.query(
    `select w.balance::bigint as balance,
            (select coalesce(sum(amount), 0)::bigint from app_public.wallet_entries e where e.tenant_id = w.tenant_id) as sum,
            (select count(*)::int from app_public.wallet_entries e where e.tenant_id = w.tenant_id) as entries,
            (select count(distinct idempotency_key)::int from app_public.wallet_entries e where e.tenant_id = w.tenant_id) as keys,
            (select count(*)::int from app_public.wallet_entries e where e.tenant_id = w.tenant_id and e.balance_after < 0) as negative
       from app_public.wallets w where w.tenant_id = $1`,
    [tenantId],
  );
  return { balance: Number(rows[0].balance), sum: Number(rows[0].sum), entries: rows[0].entries, keys: rows[0].keys, negative: rows[0].negative };
}

it("gives every new workspace an empty wallet", async () => {
  const { tenantId } = await newWorkspace();
  expect(await ledger(tenantId)).toEqual({ balance: 0, sum: 0, entries: 0, keys: 0, negative: 0 });
});

it("applies an idempotency key once: the repeat returns the first entry and changes nothing", async () => {
  const { tenantId } = await newWorkspace();
  const first = await credit(tenantId, 100, "pay_1");
  const again = await credit(tenantId, 999, "pay_1");
  expect(again.id).toBe(first.id);
  expect(Number(again.amount)).toBe(100);
  const spent = await debit(tenantId, 30, "spend_1");
  expect((await debit(tenantId, 30, "spend_1")).id).toBe(spent.id);
  expect(Number(spent.balance_after)).toBe(70);
  expect(await ledger(tenantId)).toEqual({ balance: 70, sum: 70, entries: 2, keys: 2, negative: 0 });
});

it("refuses zero, negative and fractional amounts, wrong kinds, and debits beyond the balance", async () => {
  const { tenantId } = await newWorkspace();
  await credit(tenantId, 50, "seed");
  await expect(credit(tenantId, 0, "k0")).rejects.toMatchObject({ code: "INVLD" });
  await expect(credit(tenantId, -5, "k1")).rejects.toMatchObject({ code: "INVLD" });
  await expect(debit(tenantId, -5, "k2")).rejects.toMatchObject({ code: "INVLD" });
  await expect(credit(tenantId, "1.5", "k3")).rejects.toMatchObject({ code: "22P02" }); // -> INVLD for clients
  await expect(credit(tenantId, 5, "k4", "spend")).rejects.toMatchObject({ code: "INVLD" });
  await expect(debit(tenantId, 51, "k5")).rejects.toMatchObject({ code: "COINS", message: expect.stringContaining("the wallet has 50, this needs 51") });
  expect(await ledger(tenantId)).toEqual({ balance: 50, sum: 50, entries: 1, keys: 1, negative: 0 });
  // The balance constraint holds even against a direct write that skips debit().
  await expect(getDb().superPool.query("update app_public.wallets set balance = -1 where tenant_id = $1", [tenantId])).rejects.toMatchObject({ code: "23514" });
});

it("keeps the ledger append-only and out of request roles' reach", async () => {
  const { tenantId, userId } = await newWorkspace();
  const entry = await credit(tenantId, 10, "grant-1", "grant");
  await expect(getDb().superPool.query("update app_public.wallet_entries set amount = 1000 where id = $1", [entry.id])).rejects.toMatchObject({ code: "DNIED" });
  const owner = { role: "app_user" as const, userId, tenantId, permissions: ["billing:read", "billing:manage"], services: ["blog"] };
  await asRequestRole(getDb(), owner, async (c) => {
    expect((await c.query("select balance::int from app_public.wallets")).rows).toEqual([{ balance: 10 }]);
    const refused = async (sql: string, params: unknown[] = []) => {
      await c.query("savepoint s");
      const code = await c.query(sql, params).then(() => "ok", (e: { code: string }) => e.code);
      await c.query("rollback to savepoint s");
      return code;
    };
    expect(await refused("select app_private.credit($1, 10, 'grant', 'x', 'y')", [tenantId])).toBe("42501");
    expect(await refused("insert into app_public.wallet_entries (tenant_id, amount, balance_after, kind, idempotency_key) values ($1, 5, 5, 'grant', 'z')", [tenantId])).toBe("42501");
    expect(await refused("update app_public.wallets set balance = 1000")).toBe("42501");
  });
  // Without billing:read the wallet is invisible.
  await asRequestRole(getDb(), { ...owner, permissions: ["blog:posts.read"] }, async (c) => {
    expect((await c.query("select count(*)::int as n from app_public.wallet_entries")).rows[0].n).toBe(0);
    expect((await c.query("select count(*)::int as n from app_public.wallets")).rows[0].n).toBe(0);
  });
});

it("lets exactly 50 of 100 concurrent debits of 10 through against a balance of 500", async () => {
  const { tenantId } = await newWorkspace();
  await credit(tenantId, 500, "seed-500");
  const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => debit(tenantId, 10, `d-${i}`)));
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "COINS").length;
  expect({ ok, refused }).toEqual({ ok: 50, refused: 50 });
  expect(await ledger(tenantId)).toEqual({ balance: 0, sum: 0, entries: 51, keys: 51, negative: 0 });
});

it("keeps balance = sum of entries, never negative, one entry per key, after 1,200 random concurrent credits and debits", async () => {
  const { tenantId } = await newWorkspace();
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const ops = Array.from({ length: 1200 }, (_, i) => {
    // ~10% reuse an earlier key (a retried request), so idempotency is exercised under contention too.
    const key = i > 10 && rand(10) === 0 ? `op-${rand(i)}` : `op-${i}`;
    return rand(2) === 0 ? { kind: "credit" as const, amount: 1 + rand(20), key } : { kind: "debit" as const, amount: 1 + rand(25), key };
  });
  const results = await Promise.allSettled(ops.map((op) => (op.kind === "credit" ? credit(tenantId, op.amount, op.key) : debit(tenantId, op.amount, op.key))));
  const unexpected = results.filter((r) => r.status === "rejected" && !["COINS", "INVLD"].includes((r.reason as { code?: string }).code ?? ""));
  expect(unexpected).toEqual([]);
  const state = await ledger(tenantId);
  expect(state.balance).toBe(state.sum);
  expect(state.balance).toBeGreaterThanOrEqual(0);
  expect(state.negative).toBe(0);
  expect(state.entries).toBe(state.keys);
  expect(state.entries).toBeGreaterThan(500); // most operations went through; the invariants are not vacuous
});
