/**
 * Razorpay through the official SDK. Razorpay signs webhooks with
 * HMAC-SHA256 (hex) of the raw body and no timestamp; replay safety is the
 * event-id store (app_private.webhook_events) plus forward-only state in SQL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import Razorpay from "razorpay";
import { validatePaymentVerification } from "razorpay/dist/utils/razorpay-utils";
import { AppError } from "../errors";
import type { BillingProvider, NormalizedChange, PaymentStatus, VerifiedWebhook } from "./provider";

export interface RazorpayOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string | undefined;
  apiUrl: string;
}

/**
 * THE one place the SDK's host is redirected: the SDK hard-codes
 * https://api.razorpay.com in its axios instance (dist/api.js `this.rq`) and
 * offers no option, so tests pointing RAZORPAY_API_URL at a local fake
 * server change that instance's baseURL here.
 */
function redirectSdkBaseUrl(instance: Razorpay, apiUrl: string): void {
  const rq = (instance.api as unknown as { rq?: { defaults: { baseURL?: string } } }).rq;
  if (!rq) throw new Error("razorpay SDK internals changed: cannot set RAZORPAY_API_URL");
  rq.defaults.baseURL = apiUrl;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const secs = (v: unknown): Date | null => (typeof v === "number" && v > 0 ? new Date(v * 1000) : null);

/** A subscription entity (a webhook's, or one fetched after a checkout: eventAt null). */
function subscription(entity: Record<string, unknown>, eventAt: Date | null): NormalizedChange & { kind: "subscription" } {
  return { kind: "subscription", subscriptionId: String(entity.id), status: String(entity.status), periodStart: secs(entity.current_start), periodEnd: secs(entity.current_end), eventAt };
}

function payment(entity: Record<string, unknown>): NormalizedChange & { kind: "payment" } {
  return {
    kind: "payment",
    paymentId: String(entity.id),
    orderId: str(entity.order_id),
    status: String(entity.status) as PaymentStatus,
    amount: Number(entity.amount),
    currency: String(entity.currency),
  };
}

export class RazorpayProvider implements BillingProvider {
  readonly name = "razorpay";
  private readonly sdk: Razorpay;

  constructor(private readonly opts: RazorpayOptions) {
    this.sdk = new Razorpay({ key_id: opts.keyId, key_secret: opts.keySecret });
    redirectSdkBaseUrl(this.sdk, opts.apiUrl);
  }

  verifyWebhook(rawBody: Buffer, header: (name: string) => string | undefined): VerifiedWebhook {
    const signature = header("x-razorpay-signature");
    if (!this.opts.webhookSecret || !signature || !/^[0-9a-f]{64}$/i.test(signature)) throw new AppError("BADSG");
    const expected = createHmac("sha256", this.opts.webhookSecret).update(rawBody).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) throw new AppError("BADSG");
    const eventId = header("x-razorpay-event-id");
    let body: Record<string, unknown>;
    try {
      body = obj(JSON.parse(rawBody.toString("utf8")));
    } catch {
      throw new AppError("BADRQ", "The webhook body is not JSON.");
    }
    if (!eventId || eventId.length > 100 || typeof body.event !== "string") throw new AppError("BADRQ", "The webhook has no event id or type.");
    return { eventId, type: body.event, payload: body };
  }

  normalize(type: string, body: Record<string, unknown>): NormalizedChange[] {
    const p = obj(body.payload);
    const eventAt = secs(body.created_at);
    const changes: NormalizedChange[] = [];
    const pay = obj(obj(p.payment).entity);
    const sub = obj(obj(p.subscription).entity);
    const inv = obj(obj(p.invoice).entity);
    if (/^(payment\.(authorized|captured|failed)|order\.paid)$/.test(type) && pay.id) changes.push(payment(pay));
    if (/^subscription\./.test(type) && sub.id) {
      changes.push(subscription(sub, eventAt));
    }
    if (/^invoice\./.test(type) && inv.id) {
      changes.push({ kind: "invoice", invoiceId: String(inv.id), subscriptionId: str(inv.subscription_id), status: String(inv.status), amount: Number(inv.amount), currency: String(inv.currency), paidAt: secs(inv.paid_at) });
    }
    return changes;
  }

  verifyCheckout(p: { orderId?: string; subscriptionId?: string; paymentId: string; signature: string }): boolean {
    if (!p.signature || (!p.orderId && !p.subscriptionId)) return false;
    const params = p.orderId ? { order_id: p.orderId, payment_id: p.paymentId } : { subscription_id: p.subscriptionId!, payment_id: p.paymentId };
    return validatePaymentVerification(params, p.signature, this.opts.keySecret);
  }

  async fetchPayment(paymentId: string) {
    return payment(obj(await this.sdk.payments.fetch(paymentId)));
  }

  async fetchSubscription(subscriptionId: string) {
    return subscription(obj(await this.sdk.subscriptions.fetch(subscriptionId)), null);
  }

  async createOrder(p: { amountPaise: number; currency: string; receipt: string; notes: Record<string, string> }) {
    const order = await this.sdk.orders.create({ amount: p.amountPaise, currency: p.currency, receipt: p.receipt, notes: p.notes });
    return { orderId: order.id };
  }

  async ensureCustomer(p: { name: string; email: string; tenantId: string }) {
    const c = await this.sdk.customers.create({ name: p.name, email: p.email, fail_existing: 0, notes: { tenantId: p.tenantId } });
    return { customerId: c.id };
  }

  async createSubscription(p: { planId: string; customerId: string; tenantId: string; totalCount: number }) {
    const s = await this.sdk.subscriptions.create({ plan_id: p.planId, customer_id: p.customerId, total_count: p.totalCount, customer_notify: 1, notes: { tenantId: p.tenantId } } as Parameters<Razorpay["subscriptions"]["create"]>[0]);
    return { subscriptionId: s.id, shortUrl: s.short_url ?? null };
  }

  async cancelSubscription(subscriptionId: string, atCycleEnd: boolean) {
    await this.sdk.subscriptions.cancel(subscriptionId, atCycleEnd);
  }

  async changeSubscriptionPlan(subscriptionId: string, planId: string) {
    await this.sdk.subscriptions.update(subscriptionId, { plan_id: planId, schedule_change_at: "now" });
  }
}
