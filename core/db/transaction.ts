/**
 * One transaction around `work`: commit when it returns, roll back and rethrow
 * when it throws. Everything the work does on the client commits or rolls back
 * together (a registration and its first workspace, a payment and its wallet
 * credit, a webhook batch and its deliveries).
 */
import type pg from "pg";

/**
 * On a client the caller holds (a worker's `withPgClient`, a one-off `pg.Client`).
 * A rollback that fails means the connection is gone: the work's error is still
 * the one thrown.
 */
export async function inTransaction<C extends pg.ClientBase, T>(client: C, work: (client: C) => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  }
}

/** On a client of `pool`, released afterwards (pg-pool drops a client whose connection broke). */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, work);
  } finally {
    client.release();
  }
}
