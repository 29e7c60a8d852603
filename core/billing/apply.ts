/**
 * Applies normalized provider changes through the SQL state machines, in the
 * caller's transaction. Used by the webhook worker task and the checkout
 * callback; both may see the same payment, and apply_payment credits at most
 * once (idempotency key = provider payment id).
 */
import type { ClientBase } from "pg";
import type { NormalizedChange } from "./provider";

export async function applyChanges(client: ClientBase, provider: string, changes: NormalizedChange[]): Promise<string[]> {
  const outcomes: string[] = [];
  for (const c of changes) {
    let res;
    if (c.kind === "payment") {
      res = await client.query<{ r: string }>("select app_private.apply_payment($1, $2, $3, $4, $5, $6) as r", [provider, c.paymentId, c.orderId, c.status, c.amount, c.currency]);
    } else if (c.kind === "subscription") {
      res = await client.query<{ r: string }>("select app_private.apply_subscription($1, $2, $3, $4, $5, $6) as r", [provider, c.subscriptionId, c.status, c.periodStart, c.periodEnd, c.eventAt]);
    } else {
      res = await client.query<{ r: string }>("select app_private.apply_invoice($1, $2, $3, $4, $5, $6, $7) as r", [provider, c.invoiceId, c.subscriptionId, c.status, c.amount, c.currency, c.paidAt]);
    }
    outcomes.push(res.rows[0].r);
  }
  return outcomes;
}
