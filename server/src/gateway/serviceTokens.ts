/**
 * Machine-to-machine tokens (OAuth client_credentials). Signed with the same
 * RS256 key as user access tokens and published in the same JWKS, but with
 * `typ: svc+jwt` and their own audience (SERVICE_TOKEN_AUDIENCE). Both
 * verifiers pin typ *and* audience, so a service token is never accepted as a
 * user access token (TokenService pins `at+jwt` and JWT_AUDIENCE) and a user
 * token is never accepted on /internal/*.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Pool } from "pg";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { KeyMaterial } from "../identity/keys";

export const SERVICE_TOKEN_TYP = "svc+jwt";
const MAX_TOKEN_LENGTH = 4096;

export interface ServiceClaims {
  /** The service client id (also the `sub`). */
  clientId: string;
  scopes: string[];
  jti: string;
  exp: number;
}

/** Constant-time string equality: both sides are hashed first, so lengths leak nothing either. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb);
}

export class ServiceTokenService {
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;

  constructor(private readonly config: Config, private readonly keys: KeyMaterial) {
    this.jwks = createLocalJWKSet({ keys: keys.publicJwks });
  }

  get ttlSeconds(): number {
    return this.config.serviceTokens.ttlSeconds;
  }

  async sign(clientId: string, scopes: string[]): Promise<string> {
    return new SignJWT({ client_id: clientId, scope: scopes.join(" ") })
      .setProtectedHeader({ alg: "RS256", kid: this.keys.current.kid, typ: SERVICE_TOKEN_TYP })
      .setSubject(clientId)
      .setIssuer(this.config.jwt.issuer)
      .setAudience(this.config.serviceTokens.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.keys.current.privateKey);
  }

  /** Verifies a service token or throws TKEXP / BADTK. */
  async verify(token: string): Promise<ServiceClaims> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AppError("BADTK", "The service token is not valid.");
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256"],
        issuer: this.config.jwt.issuer,
        audience: this.config.serviceTokens.audience,
        requiredClaims: ["exp", "sub", "iat", "jti"],
        clockTolerance: this.config.jwt.clockToleranceSeconds,
        typ: SERVICE_TOKEN_TYP,
      });
      const scope = typeof payload.scope === "string" ? payload.scope : "";
      return { clientId: payload.sub!, scopes: scope.split(" ").filter(Boolean), jti: payload.jti!, exp: payload.exp! };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new AppError("TKEXP", "The service token has expired; request a new one.");
      throw new AppError("BADTK", "The service token is not valid.");
    }
  }
}

/** Any 32 bytes: compared against when the client does not exist, so timing does not reveal which ids exist. */
const DUMMY_HASH = createHash("sha256").update("no such client").digest();

/**
 * Checks a client id + secret against app_private.service_clients (as the
 * owner) and returns its allowed scopes. Unknown, wrong and revoked all give
 * the same CLCRD. No lockout: secrets are 256 random bits.
 */
export async function authenticateServiceClient(pool: Pool, clientId: string, secret: string): Promise<{ clientId: string; allowedScopes: string[] }> {
  const { rows } = await pool.query<{ secret_hash: Buffer; allowed_scopes: string[]; revoked: boolean }>(
    "select secret_hash, allowed_scopes, revoked_at is not null as revoked from app_private.service_clients where id = $1",
    [clientId],
  );
  const row = rows[0];
  const presented = createHash("sha256").update(secret, "utf8").digest();
  const matches = timingSafeEqual(presented, row?.secret_hash.length === 32 ? row.secret_hash : DUMMY_HASH);
  if (!row || !matches || row.revoked) throw new AppError("CLCRD");
  return { clientId, allowedScopes: row.allowed_scopes };
}
