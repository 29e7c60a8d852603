import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { makeProvider } from "../../../core/billing";
import * as billing from "./actions";
import { applyChanges } from "../../../core/billing/apply";
import { getContext } from "../context";
import { AppError } from "../../../core/errors";
import { withTransaction } from "../../../core/db/transaction";
import { installCheckout, verifySubscriptionCheckout } from "./checkout";

/**
 * Billing routes (Razorpay):
 *  - POST /webhooks/razorpay: signature checked over the RAW body (express.raw
 *    on this route only, so no JSON parser re-serialises it), the event stored
 *    once by its id and queued; 200 right away, the worker does the rest.
 *  - POST /billing/coins, /billing/checkout, /billing/subscription/cancel,
 *    /billing/subscription/plan: signed-in users with billing:manage; thin
 *    wrappers over billing/actions.ts, which the GraphQL mutations share.
 *  - POST /billing/razorpay/verify: the checkout callback; verifies the
 *    signature, re-fetches the payment from Razorpay (never trusts the
 *    browser's amount) and applies it like the webhook would. A plan's
 *    callback (razorpay_subscription_id) re-fetches the subscription instead
 *    (./checkout.ts, with GET /billing/checkout-config).
 * Installed after installAuth (req.auth) and before PostGraphile.
 */
const wrap = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => fn(req, res).catch(next);

export default function installBilling(app: Express): void {
  const ctx = getContext(app);
  const provider = makeProvider(ctx.config);
  const pool = ctx.rootPgPool;
  const services: billing.BillingServices = { pool, provider, keyId: ctx.config.billing.razorpayKeyId };
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
  installCheckout(app, { config: ctx.config, provider }); // GET /billing/checkout-config, the console's CSP for checkout.js

  app.post("/webhooks/razorpay", express.raw({ type: () => true, limit: ctx.config.bodyLimitBytes }), wrap(async (req, res) => {
    const p = need();
    const event = p.verifyWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), (n) => req.get(n));
    const { rows } = await pool.query<{ fresh: boolean }>("select app_private.record_webhook_event($1, $2, $3, $4) as fresh", [p.name, event.eventId, event.type, event.payload]);
    res.json({ received: true, duplicate: !rows[0].fresh });
  }));

  app.post("/billing/coins", json, wrap(async (req, res) => {
    const actor = manager(req);
    const body = z.object({ coinPack: z.string().max(40) }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send the coin pack key as coinPack.");
    res.json(await billing.buyCoins(services, actor, body.data.coinPack));
  }));

  app.post("/billing/razorpay/verify", json, wrap(async (req, res) => {
    const p = need();
    const { tenantId } = manager(req);
    // A plan's checkout answers with the subscription instead of an order (./checkout.ts).
    const sub = z.object({ razorpay_subscription_id: z.string().max(100), razorpay_payment_id: z.string().max(100), razorpay_signature: z.string().max(200) }).safeParse(req.body);
    if (sub.success) {
      const { razorpay_subscription_id: subscriptionId, razorpay_payment_id: paymentId, razorpay_signature: signature } = sub.data;
      return void res.json(await verifySubscriptionCheckout(pool, p, tenantId, { subscriptionId, paymentId, signature }));
    }
    const body = z.object({ razorpay_order_id: z.string().max(100), razorpay_payment_id: z.string().max(100), razorpay_signature: z.string().max(200) }).safeParse(req.body);
    if (!body.success) throw new AppError("BADSG");
    const { razorpay_order_id: orderId, razorpay_payment_id: paymentId, razorpay_signature: signature } = body.data;
    if (!p.verifyCheckout({ orderId, paymentId, signature })) throw new AppError("BADSG");
    const ref = await pool.query("select 1 from app_private.provider_refs where provider = $1 and kind = 'order' and external_id = $2 and tenant_id = $3", [p.name, orderId, tenantId]);
    if (!ref.rowCount) throw new AppError("NTFND", "No such order in this workspace.");
    const payment = await p.fetchPayment(paymentId);
    if (payment.orderId !== orderId) throw new AppError("BADSG");
    const [outcome] = await withTransaction(pool, (client) => applyChanges(client, p.name, [payment]));
    if (outcome === "mismatch") throw new AppError("AMTMM");
    const { rows } = await pool.query("select o.status, w.balance from app_public.coin_orders o join app_private.provider_refs r on r.local_id = o.id join app_public.wallets w on w.tenant_id = o.tenant_id where r.provider = $1 and r.kind = 'order' and r.external_id = $2", [p.name, orderId]);
    res.json({ orderStatus: rows[0].status, paymentStatus: payment.status, balance: Number(rows[0].balance) });
  }));

  app.post("/billing/checkout", json, wrap(async (req, res) => {
    const actor = manager(req);
    const body = z.object({ plan: z.string().max(40), interval: z.enum(["monthly", "yearly"]).default("monthly") }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send plan and interval (monthly or yearly).");
    res.json(await billing.startCheckout(services, actor, body.data.plan, body.data.interval));
  }));

  app.post("/billing/subscription/cancel", json, wrap(async (req, res) => {
    const { cancelAtPeriodEnd } = await billing.cancelSubscription(services, manager(req));
    res.json({ cancelAtPeriodEnd });
  }));

  app.post("/billing/subscription/plan", json, wrap(async (req, res) => {
    const actor = manager(req);
    const body = z.object({ plan: z.string().max(40), interval: z.enum(["monthly", "yearly"]).optional() }).safeParse(req.body);
    if (!body.success) throw new AppError("INVLD", "Send the new plan's key as plan (and optionally interval: monthly or yearly).");
    const { plan } = await billing.changePlan(services, actor, body.data.plan, body.data.interval);
    res.json({ plan });
  }));
}
