/**
 * Recent authentication for the routes that act on the whole account
 * (deleting it, exporting its data): the current password, with the same
 * check, lockout and counting as a password change, and, when MFA is on, a
 * TOTP or recovery code, with the same check as sign-in. Both pass before
 * the route changes anything.
 */
import type { Request, Response } from "express";
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { useRecoveryCode, useTotp } from "../totp";
import { fields } from "../route";
import type { AuthDeps } from "../sessions";
import { checkCurrentPassword } from "./account";
import { checkSecondFactor, recoveryCode, totpCode } from "./mfa";

export const recentAuthBody = z
  .object({
    password: fields.password,
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((b) => b.code === undefined || b.recoveryCode === undefined, { message: "send at most one of code or recoveryCode", path: ["code"] });

export type RecentAuthBody = z.infer<typeof recentAuthBody>;

/** Throws CREDS/LOCKD (password), MFARQ (second factor missing) or MFACD (wrong code). */
export async function checkRecentAuthentication(deps: AuthDeps, req: Request, res: Response, userId: string, body: RecentAuthBody): Promise<void> {
  await checkCurrentPassword(deps, req, res, userId, body.password);
  const mfa = await deps.pool.query("select 1 from app_private.mfa_totp where user_id = $1 and confirmed_at is not null", [userId]);
  if (!mfa.rowCount) return;
  if (body.code === undefined && body.recoveryCode === undefined) {
    throw new AppError("MFARQ", "Two-factor authentication is on: send the code from your authenticator app (or a recovery code) as well.");
  }
  await checkSecondFactor(deps, req, res, userId, () =>
    body.code !== undefined ? useTotp(deps, userId, body.code) : useRecoveryCode(deps, userId, body.recoveryCode!),
  );
}
