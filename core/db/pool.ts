import pg from "pg";
import { isDatabaseUnavailable } from "../errors";
import { logger } from "../logger";

/**
 * A pg Pool with error handlers on the pool *and* on every client it hands
 * out: a server restart otherwise surfaces as an unhandled 'error' event and
 * crashes the process. Connection-level failures are reported to
 * `onUnavailable` (the DatabaseHealth tracker) so the server answers 503.
 */
export function makePgPool(connectionString: string, name: string, options: { max?: number; onUnavailable?: () => void } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 20, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  const onError = (err: Error) => {
    logger.warn({ err, pool: name }, "Postgres client error");
    if (isDatabaseUnavailable(err)) options.onUnavailable?.();
  };
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  return pool;
}
