/**
 * Standard Webhooks signing: the signed content is `${id}.${timestamp}.${body}`,
 * HMAC-SHA256 with the base64-decoded `whsec_` secret, sent as
 * `v1,<base64>`. During a rotation every live secret signs, space-separated
 * (`v1,<a> v1,<b>`); verifiers accept any one that matches. Node's native
 * HMAC (the reference library signs in JavaScript, several times slower);
 * test/functions/webhook_sign.test.ts checks every header against the
 * reference `standardwebhooks` signer and verifier.
 */
import { createHmac } from "node:crypto";

const keys = new Map<string, Buffer>();

/** The HMAC key of a `whsec_` secret (decoded once; secrets are few and long-lived). */
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
    if (keys.size >= 10_000) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

export function signatureHeader(secrets: readonly string[], id: string, timestamp: Date, body: string): string {
  const content = `${id}.${Math.floor(timestamp.getTime() / 1000)}.${body}`;
  return secrets.map((s) => `v1,${createHmac("sha256", keyOf(s)).update(content).digest("base64")}`).join(" ");
}

export function webhookHeaders(secrets: readonly string[], id: string, timestamp: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatureHeader(secrets, id, timestamp, body),
  };
}
