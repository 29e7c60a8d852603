/**
 * The transaction helpers every hand-written transaction goes through
 * (registration, Google sign-in, MFA, billing, the webhook drain, the seed).
 */
import type pg from "pg";
import { makePgPool } from "../../core/db/pool";
import { inTransaction, withTransaction } from "../../core/db/transaction";
import { useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();
let pool: pg.Pool;

beforeAll(async () => {
  // The server's own pool (error handlers on the pool and on every client, as in production).
  pool = makePgPool(getDb().urls.owner, "tx-test", { max: 2 });
  await pool.query("create table if not exists app_private.tx_probe (n int)");
});
afterAll(() => pool.end());

const probe = async () => (await pool.query<{ n: number }>("select n from app_private.tx_probe order by n")).rows.map((r) => r.n);

it("commits what the work did and returns its result", async () => {
  const out = await withTransaction(pool, async (c) => {
    await c.query("insert into app_private.tx_probe values (1)");
    return "done";
  });
  expect(out).toBe("done");
  expect(await probe()).toEqual([1]);
});

it("rolls everything back and rethrows the work's own error", async () => {
  const failure = new Error("midway");
  await expect(
    withTransaction(pool, async (c) => {
      await c.query("insert into app_private.tx_probe values (2)");
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(await probe()).toEqual([1]);
  // The same on a client the caller holds; the client is left usable, outside any transaction.
  const client = await pool.connect();
  try {
    await expect(inTransaction(client, (c) => c.query("insert into app_private.tx_probe values ('not a number')"))).rejects.toMatchObject({ code: "22P02" });
    expect((await client.query("select now() = statement_timestamp() as outside")).rows[0].outside).toBe(true);
  } finally {
    client.release();
  }
  expect(await probe()).toEqual([1]);
});

it("reports the work's error when the connection dies (not the failed rollback's), and the dead client is not reused", async () => {
  let pid = 0;
  const failure = new Error("work failed after its connection died");
  await expect(
    withTransaction(pool, async (c) => {
      pid = (await c.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid;
      await c.query("insert into app_private.tx_probe values (3)");
      await getDb().superPool.query("select pg_terminate_backend($1)", [pid]);
      await c.query("select 1").catch(() => {});
      throw failure;
    }),
  ).rejects.toBe(failure);
  expect(await probe()).toEqual([1]);
  const pids = await Promise.all([0, 1].map(async () => {
    const c = await pool.connect();
    try {
      return (await c.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid;
    } finally {
      c.release();
    }
  }));
  expect(pids).not.toContain(pid);
});
