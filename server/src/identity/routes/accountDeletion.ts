/**
 * POST /auth/account/delete: the user deletes their own account. Recent
 * authentication is the current password (the same check, lockout and
 * counting as a password change) and, when MFA is on, a TOTP or recovery
 * code (the same check as sign-in). Both are verified before anything
 * changes; the state change is one function, app_private.delete_account,
 * which refuses SOLOW while the user is the only owner of a shared workspace.
 */
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { useRecoveryCode, useTotp } from "../totp";
import { defineRoute, fields, type AuthRoute } from "../route";
import { checkCurrentPassword } from "./account";
import { checkSecondFactor, recoveryCode, totpCode } from "./mfa";

const deleteAccount = defineRoute({
  method: "post",
  path: "/auth/account/delete",
  auth: "user",
  schema: z
    .object({
      password: fields.password,
      code: totpCode.optional(),
      recoveryCode: recoveryCode.optional(),
    })
    .refine((b) => b.code === undefined || b.recoveryCode === undefined, { message: "send at most one of code or recoveryCode", path: ["code"] }),
  async handler({ req, res, body, deps, identity }) {
    const userId = identity.userId!;
    await checkCurrentPassword(deps, req, res, userId, body.password);
    const mfa = await deps.pool.query("select 1 from app_private.mfa_totp where user_id = $1 and confirmed_at is not null", [userId]);
    if (mfa.rowCount) {
      if (body.code === undefined && body.recoveryCode === undefined) {
        throw new AppError("MFARQ", "Two-factor authentication is on: send the code from your authenticator app (or a recovery code) as well.");
      }
      await checkSecondFactor(deps, req, res, userId, () =>
        body.code !== undefined ? useTotp(deps, userId, body.code) : useRecoveryCode(deps, userId, body.recoveryCode!),
      );
    }
    try {
      const { rows } = await deps.pool.query<{ n: number }>("select app_private.delete_account($1) as n", [userId]);
      return { status: "deleted", workspacesDeleted: rows[0].n, message: "Your account and your personal data were deleted." };
    } catch (e) {
      const err = e as { code?: string; message?: string; detail?: string };
      // The UI names the workspaces to transfer first; the names are the caller's own workspaces.
      if (err.code === "SOLOW") {
        res.status(409).json({ error: { code: "SOLOW", message: err.message, details: { workspaces: JSON.parse(err.detail ?? "[]") } } });
        return undefined;
      }
      throw e;
    }
  },
});

export const accountDeletionRoutes: AuthRoute[] = [deleteAccount] as AuthRoute[];
