/**
 * The payment-provider seam. Everything provider-specific (API calls,
 * signatures, webhook shapes) sits behind this interface; the ledger,
 * entitlements and state machines only see the normalized changes below and
 * apply them in SQL (app_private.apply_payment / apply_subscription /
 * apply_invoice). Adding Stripe = another implementation + catalog ids.
 */
export type PaymentStatus = "created" | "authorized" | "failed" | "captured" | "refunded";

export type NormalizedChange =
  | { kind: "payment"; paymentId: string; orderId: string | null; status: PaymentStatus; amount: number; currency: string }
  | { kind: "subscription"; subscriptionId: string; status: string; periodStart: Date | null; periodEnd: Date | null; eventAt: Date | null }
  | { kind: "invoice"; invoiceId: string; subscriptionId: string | null; status: string; amount: number; currency: string; paidAt: Date | null };

export interface VerifiedWebhook {
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface BillingProvider {
  readonly name: string;
  /** Checks the signature over the exact raw bytes; throws AppError BADSG (or BADRQ) otherwise. */
  verifyWebhook(rawBody: Buffer, header: (name: string) => string | undefined): VerifiedWebhook;
  /** What a stored event means for local state; unknown types give []. */
  normalize(type: string, payload: Record<string, unknown>): NormalizedChange[];
  /** Checkout callback signature (order or subscription + payment). */
  verifyCheckout(p: { orderId?: string; subscriptionId?: string; paymentId: string; signature: string }): boolean;
  fetchPayment(paymentId: string): Promise<NormalizedChange & { kind: "payment" }>;
  /** The subscription as the provider has it now (the checkout callback re-reads it, never trusting the browser). */
  fetchSubscription(subscriptionId: string): Promise<NormalizedChange & { kind: "subscription" }>;
  createOrder(p: { amountPaise: number; currency: string; receipt: string; notes: Record<string, string> }): Promise<{ orderId: string }>;
  ensureCustomer(p: { name: string; email: string; tenantId: string }): Promise<{ customerId: string }>;
  createSubscription(p: { planId: string; customerId: string; tenantId: string; totalCount: number }): Promise<{ subscriptionId: string; shortUrl: string | null }>;
  cancelSubscription(subscriptionId: string, atCycleEnd: boolean): Promise<void>;
  changeSubscriptionPlan(subscriptionId: string, planId: string): Promise<void>;
}
