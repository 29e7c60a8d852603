/**
 * After a correct password for an account with MFA, the client gets a
 * short-lived challenge token instead of a session; it proves the first
 * factor to POST /auth/mfa/verify. Signed with our key, audience-scoped so it
 * can never be used as an access token.
 */
import { jwtVerify, SignJWT, createLocalJWKSet } from "jose";
import { AppError } from "../../../core/errors";
import type { AuthDeps } from "./sessions";

const TTL_SECONDS = 300;
const audience = (deps: AuthDeps) => `${deps.config.jwt.audience}:mfa-challenge`;

/**
 * First-factor methods a challenge may carry (RFC 8176 `pwd`; `oauth` for a federated sign-in such as Google;
 * `email` for a magic link or emailed code, the inbox vouching for the user).
 */
export type FirstFactor = "pwd" | "oauth" | "email";
const FIRST_FACTORS: readonly string[] = ["pwd", "oauth", "email"];

export async function issueMfaChallenge(deps: AuthDeps, args: { userId: string; tenantId: string | null; firstFactor: FirstFactor }): Promise<string> {
  return new SignJWT({ tid: args.tenantId ?? undefined, amr: [args.firstFactor] })
    .setProtectedHeader({ alg: "RS256", kid: deps.tokens.keys.current.kid, typ: "mfa+jwt" })
    .setSubject(args.userId)
    .setIssuer(deps.config.jwt.issuer)
    .setAudience(audience(deps))
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(deps.tokens.keys.current.privateKey);
}

export async function verifyMfaChallenge(deps: AuthDeps, token: string): Promise<{ userId: string; tenantId: string | null; firstFactor: FirstFactor }> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: deps.tokens.keys.publicJwks }), {
      algorithms: ["RS256"],
      issuer: deps.config.jwt.issuer,
      audience: audience(deps),
      requiredClaims: ["exp", "sub"],
      typ: "mfa+jwt",
      clockTolerance: deps.config.jwt.clockToleranceSeconds,
    });
    const amr = Array.isArray(payload.amr) ? payload.amr : [];
    if (amr.length !== 1 || !FIRST_FACTORS.includes(amr[0])) throw new Error("challenge without a known first factor");
    return { userId: payload.sub!, tenantId: typeof payload.tid === "string" ? payload.tid : null, firstFactor: amr[0] as FirstFactor };
  } catch {
    throw new AppError("BADTK", "The MFA challenge is not valid or has expired; sign in again.");
  }
}
