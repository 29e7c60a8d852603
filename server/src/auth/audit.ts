/**
 * Security events the auth routes record in the audit log (sign-in, failed
 * sign-in, MFA changes). The routes run on the owner pool outside any request
 * transaction, so the request id and client IP travel as parameters; they are
 * the same values GraphQL requests put into `app.request_id`/`app.client_ip`.
 * Each call is its own statement: a later failure of the route cannot roll
 * the record back. Events with no workspace go to every workspace the user
 * belongs to (app_private.record_security_event); unknown emails are not
 * recorded anywhere (there is no workspace to tell).
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

export async function recordSecurityEvent(
  pool: Pool,
  req: Request,
  event: SecurityEvent,
  args: { userId: string; tenantId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  const ip = req.ip && isIP(req.ip) ? req.ip : null;
  await pool.query("select app_private.record_security_event($1, $2, $3, $4, $5, $6)", [
    event,
    args.userId,
    args.tenantId ?? null,
    args.details ?? {},
    req.id ?? null,
    ip,
  ]);
}
