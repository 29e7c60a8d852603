/**
 * Direct verification of LogicSpike access tokens, for a service that is NOT behind the gateway
 * (its own domain, a queue consumer holding a user's token, a WebSocket server).
 *
 * The same checks as the platform's own (server/src/identity/tokens.ts): RS256 only, `typ` at+jwt
 * (so a service token, `svc+jwt`, is never taken for a user's), pinned issuer and audience,
 * `exp`, `sub`, `iat` and `jti` required, a small clock tolerance, and an upper bound on the size of
 * what is parsed. Keys come from the platform's JWKS (`/.well-known/jwks.json`), cached by jose and
 * fetched again when a token names a key id it has not seen (a rotation), at most once per cooldown.
 *
 * The trade-off against the gateway: the gateway sees every request (rate limits, revoked sessions
 * through `sid` checks, API keys, entitlement changes the moment they happen). A token verified here
 * stays valid until it expires (ACCESS_TOKEN_TTL, minutes) even if its session is revoked or the
 * member removed, and API keys cannot be verified this way at all. Use it where that delay is
 * acceptable, and the gateway where it is not.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { ServiceKitError } from "./errors";
import { makeIdentity, type Identity } from "./identity";

export interface TokenVerifierOptions {
  /** The platform's JWKS URL, e.g. https://api.example.com/.well-known/jwks.json. */
  jwksUrl: string | URL;
  /** JWT_ISSUER of the platform (default there: "logicspike"). */
  issuer: string;
  /** JWT_AUDIENCE of the platform. */
  audience: string;
  /** When set, the token must entitle its workspace to this service (its `svc` claim), as the gateway checks. */
  service?: string;
  /** Seconds of clock skew tolerated (default 5, the platform's default). */
  clockToleranceSeconds?: number;
  /** Least time between two JWKS fetches for unknown key ids (default 30 000 ms). */
  cooldownMs?: number;
  /** How long fetched keys are used before they are fetched again anyway (default 600 000 ms). */
  cacheMaxAgeMs?: number;
  /** Per-fetch timeout of the JWKS (default 5 000 ms). */
  timeoutMs?: number;
}

export interface VerifiedToken {
  identity: Identity;
  /** The token's session (refresh-token family). */
  sessionId: string | null;
  /** Services the workspace is entitled to. */
  services: string[];
  /** "aal2" when the user passed a second factor. */
  aal: "aal1" | "aal2";
  expiresAt: Date;
}

const MAX_TOKEN_LENGTH = 8192;
const MAX_HEADER_LENGTH = 1024;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

export function createTokenVerifier(options: TokenVerifierOptions): { verify(token: string): Promise<VerifiedToken> } {
  if (!options?.jwksUrl || !options.issuer || !options.audience) {
    throw new TypeError("service-kit: createTokenVerifier needs jwksUrl, issuer and audience");
  }
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });
  const invalid = () => new ServiceKitError("BADTK", "The access token is not valid.");
  return {
    async verify(token: string): Promise<VerifiedToken> {
      if (typeof token !== "string" || token === "" || token.length > MAX_TOKEN_LENGTH || token.indexOf(".") > MAX_HEADER_LENGTH) {
        throw invalid();
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ["RS256"],
          issuer: options.issuer,
          audience: options.audience,
          requiredClaims: ["exp", "sub", "iat", "jti"],
          clockTolerance: options.clockToleranceSeconds ?? 5,
          typ: "at+jwt",
        }));
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) throw new ServiceKitError("TKEXP", "The access token has expired; refresh it.");
        // The JWKS could not be fetched: that is ours to fix, not the caller's token.
        if (e instanceof joseErrors.JWKSTimeout || (e instanceof Error && !(e instanceof joseErrors.JOSEError))) throw e;
        throw invalid();
      }
      const tenantId = str(payload.tid);
      if (!tenantId) throw new ServiceKitError("LOGIN", "Choose a workspace first: the token carries none.");
      const services = strings(payload.svc);
      if (options.service !== undefined && !services.includes(options.service)) {
        throw new ServiceKitError("NOSVC", `This workspace is not entitled to the ${options.service} service.`);
      }
      return {
        identity: makeIdentity({
          userId: payload.sub!,
          tenantId,
          permissions: new Set(strings(payload.perms)),
          apiKeyId: null,
          requestId: null,
        }),
        sessionId: str(payload.sid),
        services,
        aal: payload.aal === "aal2" ? "aal2" : "aal1",
        expiresAt: new Date(payload.exp! * 1000),
      };
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header, or ServiceKitError LOGIN. */
export function bearerToken(authorization: string | null | undefined): string {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(authorization ?? "");
  if (!m) throw new ServiceKitError("LOGIN", "Send an access token: Authorization: Bearer <token>.");
  return m[1];
}
