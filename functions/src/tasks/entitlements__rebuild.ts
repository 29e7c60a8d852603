import type { Task } from "graphile-worker";

interface Payload {
  tenantId: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.tenantId !== "string") throw new Error("entitlements__rebuild: invalid payload");
}

/**
 * Recomputes a workspace's entitlements (plan + active add-ons) in SQL.
 * Queued by triggers on subscriptions and tenant_addons with a job key, so a
 * burst of changes collapses into one run; the function re-reads everything
 * and is idempotent, so retries and duplicates are harmless. Tokens minted
 * afterwards (refresh, switch-tenant) carry the new `svc`.
 */
const task: Task = async (payload, { withPgClient, logger }) => {
  assertPayload(payload);
  const { rows } = await withPgClient((c) => c.query("select app_private.rebuild_entitlements($1) as result", [payload.tenantId]));
  if (rows[0]?.result === null) logger.info(`workspace ${payload.tenantId} is gone; nothing to rebuild`);
};

export default task;
