/** The configured payment provider, or undefined when billing is not configured (routes answer BILNC). */
import type { Config } from "../config";
import type { BillingProvider } from "./provider";
import { RazorpayProvider } from "./razorpay";

export function makeProvider(config: Config): BillingProvider | undefined {
  const b = config.billing;
  if (!b.razorpayKeyId || !b.razorpayKeySecret) return undefined;
  return new RazorpayProvider({ keyId: b.razorpayKeyId, keySecret: b.razorpayKeySecret, webhookSecret: b.razorpayWebhookSecret, apiUrl: b.razorpayApiUrl });
}
