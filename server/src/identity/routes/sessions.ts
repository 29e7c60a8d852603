/**
 * Sessions and devices: where the user is signed in, and ending any of it.
 * A session is a refresh-token family; revoking one makes its refresh token
 * fail at once (rotate_refresh_token sees revoked_at), and with
 * SESSION_REVOCATION_CHECK its remaining access tokens are refused on
 * signed-in /auth routes and GraphQL mutations too (route.ts,
 * sessionCheckPlugin.ts). Every revocation is audited by the families'
 * trigger (`auth.session_revoked`). Refresh tokens and their hashes never
 * leave app_private: a session is named by its family id, which is the `sid`
 * claim of its access tokens anyway.
 */
import { z } from "zod";
import { AppError } from "../../../../core/errors";
import { describeDevice } from "../devices";
import { defineRoute, fields, type AuthRoute } from "../route";
import { clearRefreshCookie } from "../transport";

interface SessionRow {
  id: string;
  user_agent: string | null;
  ip: string | null;
  amr: string[];
  aal: string;
  tenant_id: string | null;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
}

/** GET /auth/sessions: the user's live sessions, newest first, the caller's own marked `current`. */
const list = defineRoute({
  method: "get",
  path: "/auth/sessions",
  auth: "user",
  async handler({ deps, identity }) {
    const { rows } = await deps.pool.query<SessionRow>({
      name: "auth.list_sessions",
      text: `select id, user_agent, host(ip) as ip, amr, aal, tenant_id, created_at, last_used_at, expires_at
               from app_private.refresh_token_families
              where user_id = $1 and revoked_at is null and expires_at > now() and last_used_at > now() - make_interval(secs => $2)
              order by created_at desc, id`,
      values: [identity.userId, deps.config.refresh.idleTtlSeconds],
    });
    return {
      sessions: rows.map((r) => ({
        id: r.id,
        current: r.id === identity.sessionId,
        device: describeDevice(r.user_agent),
        userAgent: r.user_agent,
        ip: r.ip,
        signInMethods: r.amr,
        aal: r.aal,
        tenantId: r.tenant_id,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: r.last_used_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
      })),
    };
  },
});

/**
 * POST /auth/sessions/revoke {sessionId}: ends one of the user's sessions (the current one too: that is a
 * sign-out). Repeating it answers the same; a session that is not the user's is NTFND, as if it did not exist.
 */
const revoke = defineRoute({
  method: "post",
  path: "/auth/sessions/revoke",
  auth: "user",
  schema: z.object({ sessionId: fields.uuid }),
  async handler({ res, body, deps, identity }) {
    const { rows } = await deps.pool.query<{ revoked: boolean }>(
      `with revoked as (
         update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'revoked by the user'
          where id = $1 and user_id = $2 and revoked_at is null returning 1)
       select exists (select 1 from revoked) or exists (
         select 1 from app_private.refresh_token_families where id = $1 and user_id = $2) as revoked`,
      [body.sessionId, identity.userId],
    );
    if (!rows[0].revoked) throw new AppError("NTFND", "There is no such session on your account.");
    const current = body.sessionId === identity.sessionId;
    if (current) clearRefreshCookie(deps.config, res);
    return { status: "revoked", current };
  },
});

/** POST /auth/sessions/revoke-others: "sign out everywhere else"; the caller's session stays signed in. */
const revokeOthers = defineRoute({
  method: "post",
  path: "/auth/sessions/revoke-others",
  auth: "user",
  async handler({ deps, identity }) {
    const { rows } = await deps.pool.query<{ n: number }>(
      `with revoked as (
         update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'signed out from another session'
          where user_id = $1 and revoked_at is null and id is distinct from $2::uuid returning 1)
       select count(*)::int as n from revoked`,
      [identity.userId, identity.sessionId ?? null],
    );
    return { status: "signed_out_others", sessionsEnded: rows[0].n };
  },
});

export const sessionRoutes: AuthRoute[] = [list, revoke, revokeOthers] as AuthRoute[];
