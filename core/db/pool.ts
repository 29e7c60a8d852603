import pg from "pg";
import { isDatabaseUnavailable } from "../errors";
import { logger } from "../logger";

export interface PgPoolOptions {
  max?: number;
  onUnavailable?: () => void;
  /**
   * Send `{ name }` queries unnamed. Behind a transaction-mode pooler older than pgbouncer 1.21 (or without
   * `max_prepared_statements`), a statement prepared on one server connection is executed by name on another
   * ("prepared statement … does not exist"); unnamed statements are parsed in the same round trip and work anywhere.
   */
  unnamedStatements?: boolean;
}

/**
 * A pg Pool with error handlers on the pool *and* on every client it hands
 * out: a server restart otherwise surfaces as an unhandled 'error' event and
 * crashes the process. Connection-level failures are reported to
 * `onUnavailable` (the DatabaseHealth tracker) so the server answers 503.
 */
export function makePgPool(connectionString: string, name: string, options: PgPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 20, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  const onError = (err: Error) => {
    logger.warn({ err, pool: name }, "Postgres client error");
    if (isDatabaseUnavailable(err)) options.onUnavailable?.();
  };
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  if (options.unnamedStatements) {
    // pool.query is the only way our code names statements (identity/sessions.ts, routes/login.ts).
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    pool.query = ((config: unknown, ...rest: unknown[]) =>
      query(config && typeof config === "object" && "name" in config ? { ...config, name: undefined } : config, ...rest)) as typeof pool.query;
  }
  return pool;
}
