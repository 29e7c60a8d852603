/** TOTP codes for MFA tests, from otplib with the secret the server handed out (as an authenticator app would). */
import { generate } from "otplib";

/** The code for the current step + offset, never generated in the last 3 s of a step (so it cannot roll over in flight). */
export async function totp(secret: string, offset = 0): Promise<string> {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < 3) await new Promise((r) => setTimeout(r, left * 1000 + 100));
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
}

/** A well-formed code that matches none of the steps the server accepts now. */
export async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((o) => totp(secret, o))));
  let n = 0;
  while (valid.has(String(n).padStart(6, "0"))) n++;
  return String(n).padStart(6, "0");
}
