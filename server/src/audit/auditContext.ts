/**
 * Security events the auth routes record in the audit log (sign-in, failed
 * sign-in, MFA changes). The routes run on the owner pool outside any request
 * transaction, so the request id and client IP travel as parameters; they are
 * the same values GraphQL requests put into `app.request_id`/`app.client_ip`.
 * Each call is its own statement: a later failure of the route cannot roll
 * the record back. A successful sign-in is recorded by app_private.sign_in,
 * in the transaction that creates the session (sessions.ts startSession).
 * Events with no workspace go to every workspace the user belongs to
 * (app_private.record_security_event); unknown emails are not recorded
 * anywhere (there is no workspace to tell).
 */
import { isIP } from "node:net";
import type { Request } from "express";
import type { Pool } from "pg";

export type SecurityEvent =
  | "auth.login"
  | "auth.login_failed"
  | "auth.mfa_enabled"
  | "auth.mfa_disabled"
  | "auth.mfa_failed"
  | "auth.mfa_recovery_codes_regenerated";

/** The request id and client IP an audit entry made outside a request transaction carries. */
export function auditContext(req: Request): { requestId: string | null; ip: string | null } {
  return { requestId: req.id ?? null, ip: req.ip && isIP(req.ip) ? req.ip : null };
}

export async function recordSecurityEvent(
  pool: Pool,
  req: Request,
  event: SecurityEvent,
  args: { userId: string; tenantId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  const { requestId, ip } = auditContext(req);
  await pool.query({
    name: "auth.record_security_event",
    text: "select app_private.record_security_event($1, $2, $3, $4, $5, $6)",
    values: [event, args.userId, args.tenantId ?? null, args.details ?? {}, requestId, ip],
  });
}
