import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { defineRoute } from "../route";
import { refreshSession } from "../sessions";
import { chooseTransport, clearRefreshCookie, presentedRefreshToken, sendTokens } from "../transport";

export const schema = z.object({
  refreshToken: z.string().min(1).max(512).optional(),
  tokenTransport: z.enum(["cookie", "body"]).optional(),
});

/** POST /auth/refresh: rotate the refresh token (body or cookie), mint a fresh access token. */
export default defineRoute({
  method: "post",
  path: "/auth/refresh",
  schema,
  async handler({ req, res, body, deps }) {
    const token = presentedRefreshToken(req, body.refreshToken);
    if (!token) throw new AppError("BADTK", "Send the refresh token in the body (refreshToken) or the session cookie.");
    try {
      const tokens = await refreshSession(deps, token);
      const transport = body.refreshToken ? chooseTransport(req, body.tokenTransport ?? "body") : "cookie";
      return sendTokens(deps.config, res, tokens, transport);
    } catch (e) {
      if (!body.refreshToken) clearRefreshCookie(deps.config, res);
      throw e;
    }
  },
});
