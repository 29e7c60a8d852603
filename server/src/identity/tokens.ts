/**
 * Access tokens: short-lived RS256 JWTs, verified with algorithms pinned to
 * RS256, issuer and audience pinned, exp/sub/iat/jti required and a small
 * clock tolerance. A verified token is cached until it expires, keyed by the
 * exact token string (so a forged token reusing a jti never hits the cache,
 * and a hit costs one map lookup: no payload decoding per request).
 */
import { randomUUID } from "node:crypto";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { KeyMaterial } from "./keys";
import type { VerifiedIdentity } from "../../../core/tenancy";

export type Aal = "aal1" | "aal2";

export interface AccessClaims {
  sub: string;
  /** Active workspace. */
  tid: string | null;
  /** Membership role in that workspace. */
  role: string | null;
  perms: string[];
  /** Entitled services (filled by billing). */
  svc: string[];
  /** Refresh-token family (session) id. */
  sid: string | null;
  amr: string[];
  aal: Aal;
  jti: string;
  iat: number;
  exp: number;
}

/** Tokens larger than this are refused before any parsing. */
const MAX_TOKEN_LENGTH = 8192;
const MAX_HEADER_LENGTH = 1024;
const CACHE_LIMIT = 10_000;

/** The request identity a verified access token stands for (HTTP requests and WebSocket connections alike). */
export function identityFromClaims(claims: AccessClaims): VerifiedIdentity {
  return {
    role: "app_user",
    userId: claims.sub,
    tenantId: claims.tid ?? undefined,
    permissions: claims.perms,
    services: claims.svc,
    sessionId: claims.sid ?? undefined,
    amr: claims.amr,
    aal: claims.aal,
  };
}

export class TokenService {
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;
  private readonly cache = new Map<string, AccessClaims>();

  constructor(private readonly config: Config, readonly keys: KeyMaterial) {
    this.jwks = createLocalJWKSet({ keys: keys.publicJwks });
  }

  get ttlSeconds(): number {
    return this.config.jwt.accessTokenTtlSeconds;
  }

  async sign(claims: Omit<AccessClaims, "jti" | "iat" | "exp">, ttlSeconds = this.ttlSeconds): Promise<string> {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest } as JWTPayload)
      .setProtectedHeader({ alg: "RS256", kid: this.keys.current.kid, typ: "at+jwt" })
      .setSubject(sub)
      .setIssuer(this.config.jwt.issuer)
      .setAudience(this.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.keys.current.privateKey);
  }

  /** Verifies an access token or throws AppError TKEXP (expired) / BADTK (anything else). */
  async verify(token: string): Promise<AccessClaims> {
    if (token.length > MAX_TOKEN_LENGTH || token.indexOf(".") > MAX_HEADER_LENGTH) {
      throw new AppError("BADTK", "The access token is not valid.");
    }
    const hit = this.cache.get(token);
    if (hit) {
      if (hit.exp * 1000 > Date.now() - this.config.jwt.clockToleranceSeconds * 1000) return hit;
      this.cache.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256"],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        requiredClaims: ["exp", "sub", "iat", "jti"],
        clockTolerance: this.config.jwt.clockToleranceSeconds,
        typ: "at+jwt",
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new AppError("TKEXP", "The access token has expired; refresh it.");
      throw new AppError("BADTK", "The access token is not valid.");
    }
    const claims = toClaims(payload);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, claims);
    return claims;
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function toClaims(p: JWTPayload): AccessClaims {
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    sub: p.sub!,
    tid: str(p.tid),
    role: str(p.role),
    perms: strings(p.perms),
    svc: strings(p.svc),
    sid: str(p.sid),
    amr: strings(p.amr),
    aal: p.aal === "aal2" ? "aal2" : "aal1",
    jti: p.jti!,
    iat: p.iat!,
    exp: p.exp!,
  };
}
