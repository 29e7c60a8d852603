/**
 * Standard Webhooks signing with the reference library: the signed content is
 * `${id}.${timestamp}.${body}`, HMAC-SHA256 with the base64-decoded `whsec_`
 * secret. During a rotation every live secret signs, space-separated
 * (`v1,<a> v1,<b>`); verifiers accept any one that matches.
 */
import { Webhook } from "standardwebhooks";

export function signatureHeader(secrets: readonly string[], id: string, timestamp: Date, body: string): string {
  return secrets.map((s) => new Webhook(s).sign(id, timestamp, body)).join(" ");
}

export function webhookHeaders(secrets: readonly string[], id: string, timestamp: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatureHeader(secrets, id, timestamp, body),
  };
}
