/**
 * LISTEN behind a transaction-mode pooler. PostGraphile's own subscriber LISTENs on a client of the request
 * pool; through pgbouncer in transaction mode that client holds a server session only while a statement runs,
 * so the LISTEN lands on some pooled session and notifications go nowhere (or to another client). With
 * DATABASE_DIRECT_URL set, installDatabasePools registers a subscriber on the direct pool here, keyed by the
 * request pool PostGraphile's service uses, and RealtimePlugin puts it into the GraphQL context as
 * `realtimeSubscriber`. Without it, subscriptions keep using PostGraphile's `pgSubscriber`.
 *
 * The direct connection only runs LISTEN/UNLISTEN: the announced rows are still read through the request pool
 * under the subscriber's own settings (realtime.ts).
 */
import type { Pool } from "pg";
import { PgSubscriber } from "postgraphile/adaptors/pg";

const subscribers = new WeakMap<Pool, PgSubscriber>();

/** Subscriptions of the service on `requestPool` LISTEN on `directPool`; returns the release for shutdown. */
export function listenOnDirectPool(requestPool: Pool, directPool: Pool): () => void {
  const subscriber = new PgSubscriber(directPool);
  subscribers.set(requestPool, subscriber);
  return () => {
    subscribers.delete(requestPool);
    subscriber.release();
  };
}

/** The main pg service's pool of a resolved preset (the authenticator pool, see graphile.config.ts). */
function servicePool(preset: GraphileConfig.ResolvedPreset | undefined): Pool | undefined {
  const settings = preset?.pgServices?.[0]?.adaptorSettings as { pool?: Pool } | undefined;
  return settings?.pool;
}

/** Adds `realtimeSubscriber` to the GraphQL context when the service's pool has a direct subscriber. */
export const directSubscriberMiddleware: NonNullable<NonNullable<GraphileConfig.Plugin["grafast"]>["middleware"]> = {
  prepareArgs(next, { args }) {
    const pool = servicePool(args.resolvedPreset);
    const subscriber = pool ? subscribers.get(pool) : undefined;
    if (subscriber) ((args.contextValue ??= Object.create(null)) as Grafast.Context).realtimeSubscriber = subscriber;
    return next();
  },
};
