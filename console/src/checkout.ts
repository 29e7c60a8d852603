/**
 * Razorpay Checkout in the browser: the server says whether billing is
 * configured and where checkout.js is (GET /billing/checkout-config), the
 * script is loaded once, only when a payment starts (the one third-party
 * request the console makes; the server's CSP allows its origin then), and
 * the widget's handler response is confirmed by the server
 * (POST /billing/razorpay/verify), which re-reads the payment or subscription
 * from Razorpay: the browser's word is never enough.
 */
import { ApiError, postWithToken } from "./api";

export interface CheckoutConfig {
  enabled: boolean;
  keyId?: string;
  checkoutUrl?: string;
}

/** What Razorpay's handler receives: the payment and its order or subscription, signed with the key secret. */
export type CheckoutResponse = Record<string, string>;

interface RazorpayWidget {
  on(event: "payment.failed", callback: (r: { error: { code?: string; description?: string; reason?: string } }) => void): void;
  open(): void;
}
declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => RazorpayWidget;
  }
}

let config: Promise<CheckoutConfig> | null = null;
export function checkoutConfig(): Promise<CheckoutConfig> {
  config ??= fetch("/billing/checkout-config", { headers: { accept: "application/json" } })
    .then((r) => r.json() as Promise<CheckoutConfig>)
    .catch(() => ((config = null), { enabled: false }));
  return config;
}

let script: Promise<void> | null = null;
function loadScript(url: string): Promise<void> {
  script ??= new Promise<void>((resolve, reject) => {
    const el = document.createElement("script");
    el.src = url;
    el.async = true;
    el.onload = () => resolve();
    el.onerror = () => {
      script = null;
      el.remove();
      reject(new ApiError(null, "The payment window could not be loaded. Check your connection and try again."));
    };
    document.head.appendChild(el);
  });
  return script;
}

/**
 * Opens the widget for an order or a subscription. `onFailed` reports a refused payment while the widget
 * stays open (the payer may retry there); the promise resolves with the handler's response, or rejects when
 * the payer closes the widget (with the last failure, if there was one).
 */
export async function payInCheckout(
  options: { key: string; order_id?: string; subscription_id?: string; amount?: number; currency?: string; description: string; prefill: { name: string; email: string } },
  onFailed: (error: ApiError) => void,
): Promise<CheckoutResponse> {
  const cfg = await checkoutConfig();
  if (!cfg.enabled || !cfg.checkoutUrl) throw new ApiError("BILNC", "Payments are not configured on this server.");
  await loadScript(cfg.checkoutUrl);
  const Razorpay = window.Razorpay;
  if (!Razorpay) throw new ApiError(null, "The payment window could not be loaded. Try again.");
  return new Promise<CheckoutResponse>((resolve, reject) => {
    let failure: ApiError | null = null;
    const widget = new Razorpay({
      ...options,
      name: "LogicSpike",
      handler: (response: CheckoutResponse) => resolve(response),
      modal: { ondismiss: () => reject(failure ?? new ApiError(null, "You closed the payment window; nothing was charged.")) },
    });
    widget.on("payment.failed", ({ error }) => {
      failure = new ApiError(error.code ?? null, `The payment was refused: ${error.description ?? "try another method"}`);
      onFailed(failure);
    });
    widget.open();
  });
}

/** The server's confirmation of a handler response (order: the coins credited; subscription: its status). */
export const confirmCheckout = <T>(response: CheckoutResponse) => postWithToken<T>("/billing/razorpay/verify", response);
