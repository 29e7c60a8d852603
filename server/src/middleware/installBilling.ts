import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { makeProvider } from "../billing";
import { applyChanges } from "../billing/apply";
import { getContext } from "../context";
import { AppError } from "../lib/errors";

/**
 * Billing routes (Razorpay):
 *  - POST /webhooks/razorpay: signature checked over the RAW body (express.raw
 *    on this route only, so no JSON parser re-serialises it), the event stored
 *    once by its id and queued; 200 right away, the worker does the rest.
 *  - POST /billing/coins, /billing/checkout, /billing/subscription/cancel,
 *    /billing/subscription/plan: signed-in users with billing:manage.
 *  - POST /billing/razorpay/verify: the checkout callback; verifies the
 *    signature, re-fetches the payment from Razorpay (never trusts the
 *    browser's amount) and applies it like the webhook would.
 * Installed after installAuth (req.auth) and before PostGraphile.
 */
const wrap = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => fn(req, res).catch(next);

export default function installBilling(app: Express): void {
  const ctx = getContext(app);
  const provider = makeProvider(ctx.config);
  const pool = ctx.rootPgPool;
  const need = () => {
    if (!provider) throw new AppError("BILNC");
    return provider;
  };
  const manager = (req: Request) => {
    const a = req.auth;
    if (!a?.userId || !a.tenantId) throw new AppError("LOGIN");
    if (!a.permissions.includes("billing:manage")) throw new AppError("DNIED", "You do not have permission to manage billing.");
    return { userId: a.userId, tenantId: a.tenantId };
  };
  const json = express.json({ limit: ctx.config.bodyLimitBytes });

  app.post("/webhooks/razorpay", express.raw({ type: () => true, limit: ctx.config.bodyLimitBytes }), wrap(async (req, res) => {
    const p = need();
    const event = p.verifyWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), (n) => req.get(n));
    const { rows } = await pool.query<{ fresh: boolean }>("select app_private.record_webhook_event($1, $2, $3, $4) as fresh", [p.name, event.eventId, event.type, event.payload]);
    res.json({ received: true, duplicate: !rows[0].fresh });
  }));

  app.post("/billing/coins", json, wrap(async (req, res) => {
    const p = need();
    const { tenantId } = manager(req);
    const body = z.object({ coinPack: z.string().max(40) }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send the coin pack key as coinPack.");
    const { rows: packs } = await pool.query("select key, coins, price_paise, currency from app_public.coin_packs where key = $1 and is_active", [body.data.coinPack]);
    if (!packs[0]) throw new AppError("NTFND", "There is no such coin pack.");
    const pack = packs[0];
    const { rows } = await pool.query<{ id: string }>(
      "insert into app_public.coin_orders (tenant_id, coin_pack, coins, amount_paise, currency, provider) values ($1, $2, $3, $4, $5, $6) returning id",
      [tenantId, pack.key, pack.coins, pack.price_paise, pack.currency, p.name],
    );
    const { orderId } = await p.createOrder({ amountPaise: Number(pack.price_paise), currency: pack.currency, receipt: rows[0].id, notes: { tenantId, coinOrderId: rows[0].id } });
    await pool.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ($1, 'order', $2, $3, $4)", [p.name, orderId, tenantId, rows[0].id]);
    res.json({ coinOrderId: rows[0].id, orderId, amount: Number(pack.price_paise), currency: pack.currency, keyId: ctx.config.billing.razorpayKeyId });
  }));

  app.post("/billing/razorpay/verify", json, wrap(async (req, res) => {
    const p = need();
    const { tenantId } = manager(req);
    const body = z.object({ razorpay_order_id: z.string().max(100), razorpay_payment_id: z.string().max(100), razorpay_signature: z.string().max(200) }).safeParse(req.body);
    if (!body.success) throw new AppError("BADSG");
    const { razorpay_order_id: orderId, razorpay_payment_id: paymentId, razorpay_signature: signature } = body.data;
    if (!p.verifyCheckout({ orderId, paymentId, signature })) throw new AppError("BADSG");
    const ref = await pool.query("select 1 from app_private.provider_refs where provider = $1 and kind = 'order' and external_id = $2 and tenant_id = $3", [p.name, orderId, tenantId]);
    if (!ref.rowCount) throw new AppError("NTFND", "No such order in this workspace.");
    const payment = await p.fetchPayment(paymentId);
    if (payment.orderId !== orderId) throw new AppError("BADSG");
    const client = await pool.connect();
    let outcome: string;
    try {
      await client.query("begin");
      [outcome] = await applyChanges(client, p.name, [payment]);
      await client.query("commit");
    } catch (e) {
      await client.query("rollback");
      throw e;
    } finally {
      client.release();
    }
    if (outcome === "mismatch") throw new AppError("AMTMM");
    const { rows } = await pool.query("select o.status, w.balance from app_public.coin_orders o join app_private.provider_refs r on r.local_id = o.id join app_public.wallets w on w.tenant_id = o.tenant_id where r.provider = $1 and r.kind = 'order' and r.external_id = $2", [p.name, orderId]);
    res.json({ orderStatus: rows[0].status, paymentStatus: payment.status, balance: Number(rows[0].balance) });
  }));

  app.post("/billing/checkout", json, wrap(async (req, res) => {
    const p = need();
    const { userId, tenantId } = manager(req);
    const body = z.object({ plan: z.string().max(40), interval: z.enum(["monthly", "yearly"]).default("monthly") }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send plan and interval (monthly or yearly).");
    const { rows: plans } = await pool.query("select provider_plan_ids -> $2 ->> $3 as plan_id from app_public.plans where key = $1", [body.data.plan, p.name, body.data.interval]);
    if (!plans[0]?.plan_id) throw new AppError("NTFND", "That plan cannot be bought with this interval.");
    const { rows: users } = await pool.query("select u.name, u.email from app_public.users u where u.id = $1", [userId]);
    const { customerId } = await p.ensureCustomer({ name: users[0].name, email: users[0].email, tenantId });
    const sub = await p.createSubscription({ planId: plans[0].plan_id, customerId, tenantId, totalCount: body.data.interval === "yearly" ? 10 : 120 });
    const client = await pool.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ id: string }>("insert into app_public.plan_subscriptions (tenant_id, plan, billing_interval, provider) values ($1, $2, $3, $4) returning id", [tenantId, body.data.plan, body.data.interval, p.name]);
      await client.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ($1, 'subscription', $2, $3, $4)", [p.name, sub.subscriptionId, tenantId, rows[0].id]);
      await client.query("commit");
      res.json({ planSubscriptionId: rows[0].id, subscriptionId: sub.subscriptionId, shortUrl: sub.shortUrl, keyId: ctx.config.billing.razorpayKeyId });
    } catch (e) {
      await client.query("rollback");
      throw e;
    } finally {
      client.release();
    }
  }));

  const live = async (tenantId: string) => {
    const { rows } = await pool.query<{ id: string; external_id: string }>(
      `select s.id, r.external_id from app_public.plan_subscriptions s join app_private.provider_refs r on r.local_id = s.id and r.kind = 'subscription'
        where s.tenant_id = $1 and s.status in ('created', 'authenticated', 'active', 'pending', 'halted')`, [tenantId]);
    if (!rows[0]) throw new AppError("NTFND", "The workspace has no live subscription.");
    return rows[0];
  };

  app.post("/billing/subscription/cancel", json, wrap(async (req, res) => {
    const p = need();
    const sub = await live(manager(req).tenantId);
    await p.cancelSubscription(sub.external_id, true); // at cycle end: the plan stays until subscription.cancelled arrives
    await pool.query("update app_public.plan_subscriptions set cancel_at_period_end = true where id = $1", [sub.id]);
    res.json({ cancelAtPeriodEnd: true });
  }));

  app.post("/billing/subscription/plan", json, wrap(async (req, res) => {
    const p = need();
    const { tenantId } = manager(req);
    const body = z.object({ plan: z.string().max(40) }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send the new plan's key as plan.");
    const sub = await live(tenantId);
    const { rows } = await pool.query("select pl.provider_plan_ids -> $2 ->> s.billing_interval as plan_id from app_public.plans pl, app_public.plan_subscriptions s where pl.key = $1 and s.id = $3", [body.data.plan, p.name, sub.id]);
    if (!rows[0]?.plan_id) throw new AppError("NTFND", "That plan cannot be bought with this interval.");
    await p.changeSubscriptionPlan(sub.external_id, rows[0].plan_id);
    await pool.query("update app_public.plan_subscriptions set plan = $2 where id = $1", [sub.id, body.data.plan]); // trigger queues the rebuild
    res.json({ plan: body.data.plan });
  }));
}
