/**
 * What a billing manager can start at the provider: a coin pack order, a
 * plan checkout (subscription), a plan change and a cancellation. Shared by
 * the REST routes (installBilling) and the GraphQL mutations
 * (graphql/billingMutations); each caller establishes the actor first (the
 * REST routes from the verified token, GraphQL with
 * app_hidden.assert_billing_manager() as the request role), so these only run
 * for a signed-in user holding billing:manage in `actor.tenantId`.
 *
 * Provider calls happen outside any transaction (never hold a connection
 * across HTTP); local rows are written with the owner pool afterwards, keyed
 * by the provider's ids, which is what the webhooks later look up.
 */
import type { Pool } from "pg";
import { AppError } from "../../../core/errors";
import { withTransaction } from "../../../core/db/transaction";
import type { BillingProvider } from "../../../core/billing/provider";

export interface BillingActor {
  tenantId: string;
  userId: string;
}

export interface BillingServices {
  pool: Pool;
  provider: BillingProvider | undefined;
  /** The provider's public key id, for the browser's checkout widget. */
  keyId: string | undefined;
}

export type BillingInterval = "monthly" | "yearly";

const need = (s: BillingServices): BillingProvider => {
  if (!s.provider) throw new AppError("BILNC");
  return s.provider;
};
const key = (value: string, what: string): string => {
  if (typeof value !== "string" || value.length < 1 || value.length > 40) throw new AppError("INVLD", `Give the ${what}'s key (1-40 characters).`);
  return value;
};
const interval = (value: string): BillingInterval => {
  if (value !== "monthly" && value !== "yearly") throw new AppError("INVLD", "The billing interval is monthly or yearly.");
  return value;
};

export async function buyCoins(s: BillingServices, actor: BillingActor, coinPack: string) {
  const p = need(s);
  const { rows: packs } = await s.pool.query("select key, coins, price_paise, currency from app_public.coin_packs where key = $1 and is_active", [key(coinPack, "coin pack")]);
  if (!packs[0]) throw new AppError("NTFND", "There is no such coin pack.");
  const pack = packs[0];
  const { rows } = await s.pool.query<{ id: string }>(
    "insert into app_public.coin_orders (tenant_id, coin_pack, coins, amount_paise, currency, provider) values ($1, $2, $3, $4, $5, $6) returning id",
    [actor.tenantId, pack.key, pack.coins, pack.price_paise, pack.currency, p.name],
  );
  const coinOrderId = rows[0].id;
  const { orderId } = await p.createOrder({ amountPaise: Number(pack.price_paise), currency: pack.currency, receipt: coinOrderId, notes: { tenantId: actor.tenantId, coinOrderId } });
  await s.pool.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ($1, 'order', $2, $3, $4)", [p.name, orderId, actor.tenantId, coinOrderId]);
  return { coinOrderId, orderId, amount: Number(pack.price_paise), currency: String(pack.currency), keyId: s.keyId ?? null };
}

export async function startCheckout(s: BillingServices, actor: BillingActor, plan: string, every: string) {
  const p = need(s);
  const i = interval(every);
  const { rows: plans } = await s.pool.query("select provider_plan_ids -> $2 ->> $3 as plan_id from app_public.plans where key = $1", [key(plan, "plan"), p.name, i]);
  if (!plans[0]?.plan_id) throw new AppError("NTFND", "That plan cannot be bought with this interval.");
  await retireUnpaidCheckout(s, p, actor.tenantId);
  const { rows: users } = await s.pool.query("select u.name, u.email from app_public.users u where u.id = $1", [actor.userId]);
  const { customerId } = await p.ensureCustomer({ name: users[0].name, email: users[0].email, tenantId: actor.tenantId });
  const sub = await p.createSubscription({ planId: plans[0].plan_id, customerId, tenantId: actor.tenantId, totalCount: i === "yearly" ? 10 : 120 });
  return withTransaction(s.pool, async (client) => {
    const { rows } = await client.query<{ id: string }>("insert into app_public.plan_subscriptions (tenant_id, plan, billing_interval, provider) values ($1, $2, $3, $4) returning id", [actor.tenantId, plan, i, p.name]);
    await client.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ($1, 'subscription', $2, $3, $4)", [p.name, sub.subscriptionId, actor.tenantId, rows[0].id]);
    return { planSubscriptionId: rows[0].id, subscriptionId: sub.subscriptionId, shortUrl: sub.shortUrl, keyId: s.keyId ?? null };
  });
}

/**
 * A workspace has at most one live subscription (plan_subscriptions_one_live_idx). A paying one means the
 * caller wants changePlan (SUBEX). One still `created` is a checkout whose widget was closed unpaid: it is
 * cancelled at the provider and locally (created → cancelled is forward), so a retry can start afresh,
 * before anything new is created at the provider.
 */
async function retireUnpaidCheckout(s: BillingServices, p: ReturnType<typeof need>, tenantId: string) {
  const { rows } = await s.pool.query<{ id: string; status: string; external_id: string }>(
    `select s.id, s.status, r.external_id from app_public.plan_subscriptions s join app_private.provider_refs r on r.local_id = s.id and r.kind = 'subscription'
      where s.tenant_id = $1 and s.status in ('created', 'authenticated', 'active', 'pending', 'halted')`, [tenantId]);
  const live = rows[0];
  if (!live) return;
  if (live.status !== "created") throw new AppError("SUBEX", "The workspace already has a subscription; change its plan instead.");
  await p.cancelSubscription(live.external_id, false);
  await s.pool.query("update app_public.plan_subscriptions set status = 'cancelled' where id = $1 and status = 'created'", [live.id]);
}

/** The workspace's live (not finally ended) subscription and its provider id. */
async function liveSubscription(s: BillingServices, tenantId: string) {
  const { rows } = await s.pool.query<{ id: string; external_id: string; billing_interval: BillingInterval }>(
    `select s.id, r.external_id, s.billing_interval from app_public.plan_subscriptions s join app_private.provider_refs r on r.local_id = s.id and r.kind = 'subscription'
      where s.tenant_id = $1 and s.status in ('created', 'authenticated', 'active', 'pending', 'halted')`, [tenantId]);
  if (!rows[0]) throw new AppError("NTFND", "The workspace has no live subscription.");
  return rows[0];
}

export async function cancelSubscription(s: BillingServices, actor: BillingActor) {
  const p = need(s);
  const sub = await liveSubscription(s, actor.tenantId);
  await p.cancelSubscription(sub.external_id, true); // at cycle end: the plan stays until subscription.cancelled arrives
  await s.pool.query("update app_public.plan_subscriptions set cancel_at_period_end = true where id = $1", [sub.id]);
  return { planSubscriptionId: sub.id, cancelAtPeriodEnd: true as const };
}

/** Changes the live subscription's plan (and interval, when given) now; the rebuild trigger follows the local row. */
export async function changePlan(s: BillingServices, actor: BillingActor, plan: string, every?: string | null) {
  const p = need(s);
  key(plan, "plan");
  const sub = await liveSubscription(s, actor.tenantId);
  const i = every == null ? sub.billing_interval : interval(every);
  const { rows } = await s.pool.query("select provider_plan_ids -> $2 ->> $3 as plan_id from app_public.plans where key = $1", [plan, p.name, i]);
  if (!rows[0]?.plan_id) throw new AppError("NTFND", "That plan cannot be bought with this interval.");
  await p.changeSubscriptionPlan(sub.external_id, rows[0].plan_id);
  await s.pool.query("update app_public.plan_subscriptions set plan = $2, billing_interval = $3 where id = $1", [sub.id, plan, i]);
  return { planSubscriptionId: sub.id, plan, interval: i };
}
