/**
 * POST /auth/account/delete: the user deletes their own account. Recent
 * authentication is the current password (the same check, lockout and
 * counting as a password change) and, when MFA is on, a TOTP or recovery
 * code (the same check as sign-in). Both are verified before anything
 * changes; the state change is one function, app_private.delete_account,
 * which refuses SOLOW while the user is the only owner of a shared workspace.
 */
import { defineRoute, type AuthRoute } from "../route";
import { checkRecentAuthentication, recentAuthBody } from "./recentAuth";

const deleteAccount = defineRoute({
  method: "post",
  path: "/auth/account/delete",
  auth: "user",
  schema: recentAuthBody,
  async handler({ req, res, body, deps, identity }) {
    const userId = identity.userId!;
    await checkRecentAuthentication(deps, req, res, userId, body);
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
