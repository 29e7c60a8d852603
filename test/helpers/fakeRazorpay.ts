/**
 * A local fake Razorpay (node:http, the REST subset we use) for driving the
 * real `razorpay` SDK, and webhooks signed the way Razorpay signs them (hex
 * HMAC-SHA256 of the raw body with the webhook secret).
 *
 * It also serves a fake Checkout (`/v1/checkout.js`, RAZORPAY_CHECKOUT_URL in
 * `env`) with the real widget's browser contract: `new Razorpay(options)`,
 * `.on("payment.failed", cb)`, `.open()` puts the payment form in an iframe
 * (here: from this server, named `razorpay-checkout-frame`, with Pay, Fail and
 * Close buttons); paying calls `options.handler` with `razorpay_payment_id`,
 * `razorpay_order_id` or `razorpay_subscription_id`, and `razorpay_signature`
 * computed as Razorpay does with the key secret (order: HMAC of
 * "order_id|payment_id", subscription: "payment_id|subscription_id"); the
 * payment (captured, the order's amount) or the subscription (active) is then
 * what the REST API answers, so the server's real verification path runs.
 * Failing calls the `payment.failed` callbacks with Razorpay's error shape;
 * closing calls `options.modal.ondismiss`.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const KEY_ID = "rzp_test_key";
export const KEY_SECRET = "rzp_test_secret";
export const WEBHOOK_SECRET = "whsec_test";

export interface FakeRazorpay {
  url: string;
  /** "METHOD /path" of every authenticated request, in order. */
  calls: string[];
  /** Payments GET /v1/payments/:id answers with. */
  payments: Map<string, Record<string, unknown>>;
  /** Subscriptions GET /v1/subscriptions/:id answers with (created by POST /v1/subscriptions, activated by a checkout). */
  subscriptions: Map<string, Record<string, unknown>>;
  /** What each checkout paid, in order: the handler's response as sent to the page. */
  checkouts: Array<Record<string, string>>;
  /** The server and worker env that points the SDK here. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeRazorpay(): Promise<FakeRazorpay> {
  const calls: string[] = [];
  const payments = new Map<string, Record<string, unknown>>();
  const subscriptions = new Map<string, Record<string, unknown>>();
  const orders = new Map<string, Record<string, unknown>>();
  const checkouts: Array<Record<string, string>> = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : {};
      if (req.url?.startsWith("/v1/checkout")) return checkout(req, res, body);
      const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const send = (status: number, data: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
      if (auth !== `${KEY_ID}:${KEY_SECRET}`) return send(401, { error: { code: "BAD_REQUEST_ERROR", description: "auth" } });
      calls.push(`${req.method} ${req.url}`);
      const url = req.url ?? "";
      if (req.method === "POST" && url === "/v1/orders") {
        const order = { id: `order_${++seq}`, entity: "order", status: "created", ...body };
        orders.set(order.id, order);
        return send(200, order);
      }
      if (req.method === "POST" && url === "/v1/customers") return send(200, { id: "cust_1", entity: "customer", ...body });
      if (req.method === "POST" && url === "/v1/subscriptions") {
        const sub = { id: `sub_${++seq}`, entity: "subscription", status: "created", short_url: "https://rzp.io/i/x", ...body };
        subscriptions.set(sub.id, sub);
        return send(200, sub);
      }
      const getSub = /^\/v1\/subscriptions\/(\w+)$/.exec(url);
      if (req.method === "GET" && getSub && subscriptions.has(getSub[1])) return send(200, subscriptions.get(getSub[1]));
      const cancel = /^\/v1\/subscriptions\/(\w+)\/cancel$/.exec(url);
      if (req.method === "POST" && cancel) return send(200, { id: cancel[1], status: body.cancel_at_cycle_end ? "active" : "cancelled" });
      const update = /^\/v1\/subscriptions\/(\w+)$/.exec(url);
      if (req.method === "PATCH" && update && typeof body.plan_id === "string") {
        if (subscriptions.has(update[1])) Object.assign(subscriptions.get(update[1])!, { plan_id: body.plan_id });
        return send(200, { id: update[1], entity: "subscription", status: "active", ...body });
      }
      const pay = /^\/v1\/payments\/(\w+)$/.exec(url);
      if (req.method === "GET" && pay && payments.has(pay[1])) return send(200, payments.get(pay[1]));
      send(404, { error: { code: "BAD_REQUEST_ERROR", description: "not found" } });
    });
  });

  /** The widget: the script, its payment form (an iframe page) and the form's POST /v1/checkout/pay. */
  function checkout(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, string>) {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/v1/checkout.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(CHECKOUT_JS);
    if (req.method === "GET" && path === "/v1/checkout/frame") return void res.writeHead(200, { "content-type": "text/html" }).end(CHECKOUT_FRAME);
    if (req.method !== "POST" || path !== "/v1/checkout/pay") return void res.writeHead(404).end();
    const send = (data: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(data));
    if (body.key !== KEY_ID) return send({ error: { code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid", reason: "input_validation_failed" } });
    const paymentId = `pay_fake${++seq}`;
    const order = body.order_id ? orders.get(body.order_id) : undefined;
    const sub = body.subscription_id ? subscriptions.get(body.subscription_id) : undefined;
    if (!order && !sub) return send({ error: { code: "BAD_REQUEST_ERROR", description: "The id provided does not exist", reason: "input_validation_failed" } });
    const failed = body.outcome === "fail";
    payments.set(paymentId, {
      id: paymentId, entity: "payment", order_id: order ? order.id : null, status: failed ? "failed" : "captured",
      amount: order ? order.amount : 0, currency: order ? order.currency : "INR", ...(sub ? { subscription_id: sub.id } : {}),
    });
    if (failed) {
      return send({ error: { code: "BAD_REQUEST_ERROR", description: "Your payment could not be completed as this transaction is declined by the bank.", source: "bank", step: "payment_authorization", reason: "payment_failed", metadata: { payment_id: paymentId, order_id: order?.id } } });
    }
    let response: Record<string, string>;
    if (order) {
      order.status = "paid";
      response = { razorpay_payment_id: paymentId, razorpay_order_id: String(order.id), razorpay_signature: sign(`${order.id}|${paymentId}`, KEY_SECRET) };
    } else {
      const now = Math.floor(Date.now() / 1000);
      Object.assign(sub!, { status: "active", current_start: now, current_end: now + 30 * 86400, paid_count: 1 });
      response = { razorpay_payment_id: paymentId, razorpay_subscription_id: String(sub!.id), razorpay_signature: sign(`${paymentId}|${sub!.id}`, KEY_SECRET) };
    }
    checkouts.push(response);
    send({ response });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    payments,
    subscriptions,
    checkouts,
    env: { RAZORPAY_KEY_ID: KEY_ID, RAZORPAY_KEY_SECRET: KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, RAZORPAY_API_URL: url, RAZORPAY_CHECKOUT_URL: `${url}/v1/checkout.js` },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const sign = (raw: string, secret = WEBHOOK_SECRET) => createHmac("sha256", secret).update(raw).digest("hex");

/** A Razorpay webhook body and its headers (event id, signature). */
export function signedWebhook(eventId: string, event: string, payload: Record<string, unknown>) {
  const raw = JSON.stringify({ entity: "event", account_id: "acc_1", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
  return { raw, headers: { "x-razorpay-event-id": eventId, "x-razorpay-signature": sign(raw) } };
}

/** The fake checkout.js: window.Razorpay with the real widget's options, on() and open(). */
const CHECKOUT_JS = `(function () {
  var origin = new URL(document.currentScript.src).origin;
  function Razorpay(options) {
    if (!options || !options.key) throw new Error("Razorpay: options.key is required");
    this.options = options;
    this.callbacks = {};
  }
  Razorpay.prototype.on = function (event, callback) { (this.callbacks[event] = this.callbacks[event] || []).push(callback); };
  Razorpay.prototype.open = function () {
    var self = this, o = this.options;
    var frame = document.createElement("iframe");
    frame.name = "razorpay-checkout-frame";
    frame.title = "Razorpay Checkout";
    frame.src = origin + "/v1/checkout/frame?" + new URLSearchParams({
      key: o.key, order_id: o.order_id || "", subscription_id: o.subscription_id || "", amount: String(o.amount || ""),
      currency: o.currency || "", name: o.name || "", description: o.description || "", parent: location.origin,
    });
    // Like the real widget: a full-window overlay (CSSOM styles, which a strict style-src allows).
    Object.assign(frame.style, { position: "fixed", top: "0", left: "0", width: "100%", height: "100%", border: "0", zIndex: "2147483647", background: "#fff" });
    document.body.appendChild(frame);
    function onMessage(e) {
      if (e.origin !== origin || e.source !== frame.contentWindow) return;
      var m = e.data || {};
      if (m.type === "failed") return void (self.callbacks["payment.failed"] || []).forEach(function (cb) { cb({ error: m.error }); });
      window.removeEventListener("message", onMessage);
      frame.remove();
      if (m.type === "paid") o.handler(m.response);
      else if (o.modal && o.modal.ondismiss) o.modal.ondismiss();
    }
    window.addEventListener("message", onMessage);
  };
  window.Razorpay = Razorpay;
})();
`;

/** The payment form inside the widget's iframe: Pay, Fail (declined by the bank) and Close. */
const CHECKOUT_FRAME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Razorpay Checkout (fake)</title></head><body>
<h1 id="what"></h1><p id="error" role="alert"></p>
<button type="button" id="pay">Pay</button> <button type="button" id="fail">Fail</button> <button type="button" id="close">Close</button>
<script>
  var q = new URLSearchParams(location.search);
  document.getElementById("what").textContent = (q.get("description") || q.get("name") || "Payment") + (q.get("amount") ? " · " + q.get("amount") + " " + q.get("currency") : "");
  function tell(m) { parent.postMessage(m, q.get("parent")); }
  function pay(outcome) {
    fetch("/v1/checkout/pay", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: q.get("key"), order_id: q.get("order_id"), subscription_id: q.get("subscription_id"), outcome: outcome }) })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (r.error) { document.getElementById("error").textContent = r.error.description; tell({ type: "failed", error: r.error }); }
        else tell({ type: "paid", response: r.response });
      });
  }
  document.getElementById("pay").onclick = function () { pay("pay"); };
  document.getElementById("fail").onclick = function () { pay("fail"); };
  document.getElementById("close").onclick = function () { tell({ type: "dismissed" }); };
</script></body></html>`;
