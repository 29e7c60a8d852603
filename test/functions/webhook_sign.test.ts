/**
 * Our Standard Webhooks signer (node:crypto) against the reference
 * `standardwebhooks` package: the same header byte for byte, accepted by its
 * verifier, for several secrets (rotation), Unicode bodies and timestamps.
 */
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { signatureHeader, webhookHeaders } from "../../functions/src/lib/webhooks/sign";

const secret = () => `whsec_${randomBytes(24).toString("base64")}`;

it("produces the reference signature for every secret and the verifier accepts it", () => {
  for (let i = 0; i < 50; i++) {
    const secrets = i % 2 ? [secret(), secret()] : [secret()];
    const body = JSON.stringify({ type: "blog.post.published", data: { title: `Grüße ${i} ✓ \u2028`, n: i } });
    const at = new Date(Date.now() - i * 997_123);
    const id = `msg_${i}`;
    expect(signatureHeader(secrets, id, at, body)).toBe(secrets.map((s) => new Webhook(s).sign(id, at, body)).join(" "));
    const headers = webhookHeaders(secrets, id, new Date(), body);
    for (const s of secrets) expect(new Webhook(s).verify(body, headers)).toEqual(JSON.parse(body));
  }
});

it("a signature made with another secret, or over another body, is refused by the verifier", () => {
  const [a, b] = [secret(), secret()];
  const body = '{"x":1}';
  expect(() => new Webhook(b).verify(body, webhookHeaders([a], "msg_1", new Date(), body))).toThrow();
  expect(() => new Webhook(a).verify('{"x":2}', webhookHeaders([a], "msg_1", new Date(), body))).toThrow();
});
