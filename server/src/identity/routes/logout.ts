import { z } from "zod";
import { defineRoute } from "../route";
import { endAllSessions, endSession } from "../sessions";
import { clearRefreshCookie, presentedRefreshToken } from "../transport";

/** POST /auth/logout: end this session (the refresh token's family). Idempotent. */
export const logout = defineRoute({
  method: "post",
  path: "/auth/logout",
  schema: z.object({ refreshToken: z.string().min(1).max(512).optional() }),
  async handler({ req, res, body, deps }) {
    const token = presentedRefreshToken(req, body.refreshToken);
    if (token) await endSession(deps, token);
    clearRefreshCookie(deps.config, res);
    return { status: "signed_out" };
  },
});

/** POST /auth/logout-all: end every session of the signed-in user, on every device. */
export const logoutAll = defineRoute({
  method: "post",
  path: "/auth/logout-all",
  auth: "user",
  async handler({ res, deps, identity }) {
    const ended = await endAllSessions(deps, identity.userId!);
    clearRefreshCookie(deps.config, res);
    return { status: "signed_out", sessionsEnded: ended };
  },
});
