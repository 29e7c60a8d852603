import { z } from "zod";
import { defineRoute, fields } from "../route";
import { mintAccessToken } from "../sessions";

/**
 * POST /auth/switch-tenant: a new access token for another workspace the
 * caller belongs to (403 DNIED otherwise). The session's refresh family moves
 * with it, so later refreshes stay in the chosen workspace.
 */
export default defineRoute({
  method: "post",
  path: "/auth/switch-tenant",
  auth: "user",
  schema: z.object({ tenantId: fields.uuid }),
  async handler({ body, deps, identity }) {
    const { accessToken, claims } = await mintAccessToken(deps, {
      userId: identity.userId!,
      tenantId: body.tenantId,
      sid: identity.sessionId ?? null,
      amr: identity.amr ?? [],
      aal: identity.aal ?? "aal1",
    });
    if (identity.sessionId) {
      await deps.pool.query("update app_private.refresh_token_families set tenant_id = $2 where id = $1 and user_id = $3", [
        identity.sessionId,
        claims.tid,
        identity.userId,
      ]);
    }
    return { accessToken, tokenType: "Bearer", expiresIn: deps.tokens.ttlSeconds, tenantId: claims.tid };
  },
});
