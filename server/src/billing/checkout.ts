/**
 * What the browser's Razorpay Checkout widget needs from us, and what its
 * callback for a plan (subscription) proves:
 *
 *  - GET /billing/checkout-config: whether billing is configured, the public
 *    key id and the URL of Razorpay's checkout.js (RAZORPAY_CHECKOUT_URL), so
 *    the console loads the script only when it can be used.
 *  - The console's pages get a Content-Security-Policy that also allows that
 *    script's origin (script-src) and the widget's frames and calls
 *    (frame-src, connect-src: the script's origin and RAZORPAY_API_URL's).
 *    Only when billing is configured, and never on the email-link pages
 *    (tokens in their URLs must not meet third-party scripts).
 *  - verifySubscriptionCheckout: the handler's `razorpay_subscription_id`,
 *    `razorpay_payment_id` and `razorpay_signature` (HMAC-SHA256 of
 *    "payment_id|subscription_id" with the key secret). The signature is
 *    checked, then the subscription is re-read from Razorpay (never trusting
 *    the browser) and applied through apply_subscription, exactly as its
 *    webhook would be: both may arrive, and states only move forward, so the
 *    second changes nothing (no second subscription.activated event).
 */
import type { Express, NextFunction, Request, Response } from "express";
import type { Pool } from "pg";
import { CONSOLE_ROUTES } from "../../../console/src/routes";
import type { Config } from "../../../core/config";
import { applyChanges } from "../../../core/billing/apply";
import type { BillingProvider } from "../../../core/billing/provider";
import { withTransaction } from "../../../core/db/transaction";
import { AppError } from "../../../core/errors";

/** `a b; c d` → the same policy with `extra` sources appended to each named directive (created when missing). */
export function widenCsp(policy: string, extra: Record<string, string[]>): string {
  const directives = policy.split(";").map((d) => d.trim()).filter(Boolean).map((d) => d.split(/\s+/));
  for (const [name, sources] of Object.entries(extra)) {
    const found = directives.find((d) => d[0] === name);
    if (found) found.push(...sources.filter((s) => !found.includes(s)));
    else directives.push([name, "'self'", ...sources]);
  }
  return directives.map((d) => d.join(" ")).join(";");
}

export function installCheckout(app: Express, { config, provider }: { config: Config; provider: BillingProvider | undefined }): void {
  const checkoutUrl = config.billing.razorpayCheckoutUrl;
  app.get("/billing/checkout-config", (_req, res) => {
    res.set("cache-control", "no-store");
    res.json(provider ? { enabled: true, provider: provider.name, keyId: config.billing.razorpayKeyId, checkoutUrl } : { enabled: false });
  });
  if (!provider) return;
  const origins = [...new Set([new URL(checkoutUrl).origin, new URL(config.billing.razorpayApiUrl).origin])];
  const consolePaths = new Set<string>(Object.values(CONSOLE_ROUTES));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" || !consolePaths.has(req.path)) return next();
    const policy = res.getHeader("content-security-policy");
    if (typeof policy === "string") {
      res.setHeader("content-security-policy", widenCsp(policy, { "script-src": [new URL(checkoutUrl).origin], "frame-src": origins, "connect-src": origins }));
    }
    next();
  });
}

export async function verifySubscriptionCheckout(
  pool: Pool,
  provider: BillingProvider,
  tenantId: string,
  p: { subscriptionId: string; paymentId: string; signature: string },
): Promise<{ subscriptionStatus: string; plan: string }> {
  if (!provider.verifyCheckout(p)) throw new AppError("BADSG");
  const ref = await pool.query("select 1 from app_private.provider_refs where provider = $1 and kind = 'subscription' and external_id = $2 and tenant_id = $3", [provider.name, p.subscriptionId, tenantId]);
  if (!ref.rowCount) throw new AppError("NTFND", "No such subscription in this workspace.");
  const subscription = await provider.fetchSubscription(p.subscriptionId);
  if (subscription.subscriptionId !== p.subscriptionId) throw new AppError("BADSG");
  await withTransaction(pool, (client) => applyChanges(client, provider.name, [subscription]));
  const { rows } = await pool.query<{ status: string; plan: string }>(
    "select s.status, s.plan from app_public.plan_subscriptions s join app_private.provider_refs r on r.local_id = s.id where r.provider = $1 and r.kind = 'subscription' and r.external_id = $2",
    [provider.name, p.subscriptionId],
  );
  return { subscriptionStatus: rows[0].status, plan: rows[0].plan };
}
