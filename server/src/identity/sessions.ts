/**
 * Sessions: a refresh-token family per sign-in, access tokens minted from
 * what the database says *now* (membership, role, permissions), rotation on
 * every refresh. All of it runs on the owner pool, outside any request
 * transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Request } from "express";
import type { Pool } from "pg";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import { auditContext } from "../audit/auditContext";
import { refreshSuccessor } from "./keys";
import type { Aal, AccessClaims, TokenService } from "./tokens";

export interface AuthDeps {
  config: Config;
  pool: Pool;
  tokens: TokenService;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  tenantId: string | null;
}

export const sha256 = (value: string): Buffer => createHash("sha256").update(value).digest();
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

interface TokenClaimsRow {
  tenant_id: string | null;
  role: string | null;
  permissions: string[];
  services: string[];
}

/** Mints an access token for (user, workspace) from current database state; DNIED if not a member. */
export async function mintAccessToken(
  deps: AuthDeps,
  args: { userId: string; tenantId: string | null; sid: string | null; amr: string[]; aal: Aal },
): Promise<{ accessToken: string; claims: Omit<AccessClaims, "jti" | "iat" | "exp"> }> {
  const { rows } = await deps.pool.query<TokenClaimsRow>({
    name: "auth.token_claims",
    text: "select * from app_private.token_claims($1, $2)",
    values: [args.userId, args.tenantId],
  });
  const row = rows[0];
  const claims = {
    sub: args.userId,
    tid: row.tenant_id,
    role: row.role,
    perms: row.permissions,
    svc: row.services,
    sid: args.sid,
    amr: args.amr,
    aal: args.aal,
  };
  return { accessToken: await deps.tokens.sign(claims), claims };
}

async function signClaims(
  deps: AuthDeps,
  userId: string,
  sid: string | null,
  row: TokenClaimsRow,
  amr: string[],
  aal: Aal,
): Promise<string> {
  return deps.tokens.sign({ sub: userId, tid: row.tenant_id, role: row.role, perms: row.permissions, svc: row.services, sid, amr, aal });
}

/**
 * A new sign-in (password, second factor, Google): one round trip creates the
 * refresh family (with the device's User-Agent and IP, for GET /auth/sessions),
 * records `auth.login` in the audit log in the same transaction, and returns
 * the claims to sign.
 */
export async function startSession(
  deps: AuthDeps,
  req: Request,
  args: { userId: string; tenantId?: string | null; amr: string[]; aal: Aal },
): Promise<IssuedTokens> {
  const refreshToken = randomToken();
  const audit = auditContext(req);
  const { rows } = await deps.pool.query<TokenClaimsRow & { family_id: string }>({
    name: "auth.sign_in",
    text: "select * from app_private.sign_in($1, $2, $3, $4, $5, make_interval(secs => $6), $7, $8, $9)",
    values: [
      args.userId, args.tenantId ?? null, sha256(refreshToken), args.amr, args.aal, deps.config.refresh.absoluteTtlSeconds,
      audit.requestId, audit.ip, req.get("user-agent")?.slice(0, 512) ?? null,
    ],
  });
  const row = rows[0];
  const accessToken = await signClaims(deps, args.userId, row.family_id, row, args.amr, args.aal);
  return { accessToken, refreshToken, tokenType: "Bearer", expiresIn: deps.tokens.ttlSeconds, tenantId: row.tenant_id };
}

interface RotateRow extends TokenClaimsRow {
  outcome: "rotated" | "grace" | "reused" | "invalid";
  family_id: string | null;
  user_id: string | null;
  amr: string[] | null;
  aal: Aal | null;
}

/**
 * Rotates a refresh token. Concurrent calls with the same token serialise on
 * the family row: one rotates, the others (within the grace window) receive
 * the same successor. Reuse after the window revokes the family. The claims
 * are recomputed in the same round trip; a removed member gets nothing.
 */
export async function refreshSession(deps: AuthDeps, refreshToken: string): Promise<IssuedTokens> {
  const successor = refreshSuccessor(deps.tokens.keys.refreshSecret, refreshToken);
  const { rows } = await deps.pool.query<RotateRow>({
    name: "auth.rotate_refresh_token",
    text: "select * from app_private.rotate_refresh_token($1, $2, make_interval(secs => $3), make_interval(secs => $4))",
    values: [sha256(refreshToken), sha256(successor), deps.config.refresh.graceSeconds, deps.config.refresh.idleTtlSeconds],
  });
  const r = rows[0];
  if (r.outcome === "reused") throw new AppError("BADTK", "This refresh token was already used; the session has been ended for safety. Sign in again.");
  if (r.outcome === "invalid") throw new AppError("BADTK", "The refresh token is not valid or has expired. Sign in again.");
  const accessToken = await signClaims(deps, r.user_id!, r.family_id, r, r.amr ?? [], r.aal ?? "aal1");
  return { accessToken, refreshToken: successor, tokenType: "Bearer", expiresIn: deps.tokens.ttlSeconds, tenantId: r.tenant_id };
}

/**
 * SESSION_REVOCATION_CHECK: whether the session (refresh-token family) an access token names is still live,
 * so a signed-out or revoked session's access tokens stop working on sensitive routes before they expire.
 * One primary-key read; tokens without a `sid` have no session to check.
 */
export async function sessionIsLive(pool: AuthDeps["pool"], sessionId: string, userId: string): Promise<boolean> {
  const { rows } = await pool.query({
    name: "auth.session_is_live",
    text: "select 1 from app_private.refresh_token_families where id = $1 and user_id = $2 and revoked_at is null and expires_at > now()",
    values: [sessionId, userId],
  });
  return rows.length > 0;
}

export const SESSION_ENDED_MESSAGE = "This session was signed out or revoked; sign in again.";

export async function revokeFamily(deps: AuthDeps, familyId: string, reason: string): Promise<void> {
  await deps.pool.query(
    "update app_private.refresh_token_families set revoked_at = now(), revoked_reason = $2 where id = $1 and revoked_at is null",
    [familyId, reason],
  );
}

/** Ends the session a refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
export async function endSession(deps: AuthDeps, refreshToken: string): Promise<void> {
  const { rows } = await deps.pool.query<{ family_id: string }>("select family_id from app_private.refresh_tokens where token_hash = $1", [
    sha256(refreshToken),
  ]);
  if (rows[0]) await revokeFamily(deps, rows[0].family_id, "logout");
}

export async function endAllSessions(deps: AuthDeps, userId: string): Promise<number> {
  const { rows } = await deps.pool.query<{ n: number }>("select app_private.revoke_refresh_families($1, null, 'logout everywhere') as n", [userId]);
  return rows[0].n;
}
