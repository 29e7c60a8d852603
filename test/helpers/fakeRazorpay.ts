/**
 * A local fake Razorpay (node:http, the REST subset we use) for driving the
 * real `razorpay` SDK, and webhooks signed the way Razorpay signs them (hex
 * HMAC-SHA256 of the raw body with the webhook secret).
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
  /** The server and worker env that points the SDK here. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeRazorpay(): Promise<FakeRazorpay> {
  const calls: string[] = [];
  const payments = new Map<string, Record<string, unknown>>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : {};
      const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const send = (status: number, data: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
      if (auth !== `${KEY_ID}:${KEY_SECRET}`) return send(401, { error: { code: "BAD_REQUEST_ERROR", description: "auth" } });
      calls.push(`${req.method} ${req.url}`);
      const url = req.url ?? "";
      if (req.method === "POST" && url === "/v1/orders") return send(200, { id: `order_${++seq}`, entity: "order", status: "created", ...body });
      if (req.method === "POST" && url === "/v1/customers") return send(200, { id: "cust_1", entity: "customer", ...body });
      if (req.method === "POST" && url === "/v1/subscriptions") return send(200, { id: `sub_${++seq}`, entity: "subscription", status: "created", short_url: "https://rzp.io/i/x", ...body });
      const cancel = /^\/v1\/subscriptions\/(\w+)\/cancel$/.exec(url);
      if (req.method === "POST" && cancel) return send(200, { id: cancel[1], status: body.cancel_at_cycle_end ? "active" : "cancelled" });
      const update = /^\/v1\/subscriptions\/(\w+)$/.exec(url);
      if (req.method === "PATCH" && update && typeof body.plan_id === "string") return send(200, { id: update[1], entity: "subscription", status: "active", ...body });
      const pay = /^\/v1\/payments\/(\w+)$/.exec(url);
      if (req.method === "GET" && pay && payments.has(pay[1])) return send(200, payments.get(pay[1]));
      send(404, { error: { code: "BAD_REQUEST_ERROR", description: "not found" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    payments,
    env: { RAZORPAY_KEY_ID: KEY_ID, RAZORPAY_KEY_SECRET: KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET, RAZORPAY_API_URL: url },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const sign = (raw: string, secret = WEBHOOK_SECRET) => createHmac("sha256", secret).update(raw).digest("hex");

/** A Razorpay webhook body and its headers (event id, signature). */
export function signedWebhook(eventId: string, event: string, payload: Record<string, unknown>) {
  const raw = JSON.stringify({ entity: "event", account_id: "acc_1", event, contains: Object.keys(payload), payload, created_at: Math.floor(Date.now() / 1000) });
  return { raw, headers: { "x-razorpay-event-id": eventId, "x-razorpay-signature": sign(raw) } };
}
