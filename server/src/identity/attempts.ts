/**
 * Guessing limits shared by every secret a user types: the password at
 * sign-in (keyed `email:<address>`), a second-factor code (`mfa:<userId>`)
 * and the current password before an account change (`password:<userId>`).
 * Failures are counted in statements of their own on the owner pool, outside
 * any request transaction, so nothing rolls them back; enough of them lock the
 * key with exponential backoff (app_private.record_login_failure).
 */
import type { Response } from "express";
import { AppError } from "../../../core/errors";
import type { AuthDeps } from "./sessions";

/** A lock still running (seconds from app_private.login_lock_remaining) is LOCKD with Retry-After. */
export function assertNotLocked(res: Response, remainingSeconds: number | null | undefined, message: (seconds: number) => string): void {
  if (remainingSeconds && remainingSeconds > 0) {
    res.setHeader("retry-after", String(remainingSeconds));
    throw new AppError("LOCKD", message(remainingSeconds));
  }
}

export async function recordFailedAttempt(deps: AuthDeps, key: string): Promise<void> {
  const { config, pool } = deps;
  await pool.query("select app_private.record_login_failure($1, $2, make_interval(secs => $3), make_interval(secs => $4))", [
    key,
    config.login.freeFailures,
    config.login.lockBaseSeconds,
    config.login.lockMaxSeconds,
  ]);
}

export async function recordSuccessfulAttempt(deps: AuthDeps, key: string): Promise<void> {
  await deps.pool.query("select app_private.record_login_success($1)", [key]);
}
