import express, { type Express } from "express";
import cookieParser from "cookie-parser";
import { getContext } from "../context";
import { loadKeyMaterial } from "../auth/keys";
import type { AuthDeps } from "../auth/sessions";
import { TokenService } from "../auth/tokens";
import { mountRoutes } from "../auth/route";
import { AppError } from "../lib/errors";
import { AUTH_ROUTES } from "../auth/routes";

/**
 * Verifies identity for every request and mounts the auth REST routes.
 *
 * authenticate: a `Bearer` access token is verified (RS256, pinned iss/aud)
 * and becomes `req.auth`, which graphile.config.ts turns into pgSettings. A
 * present-but-invalid token is a 401, never a silent downgrade to anonymous.
 */
export default async function installAuth(app: Express): Promise<AuthDeps> {
  const ctx = getContext(app);
  const tokens = new TokenService(ctx.config, await loadKeyMaterial(ctx.config));
  const deps: AuthDeps = { config: ctx.config, pool: ctx.rootPgPool, tokens };
  app.locals.authDeps = deps;

  app.use(async (req, _res, next) => {
    const header = req.get("authorization");
    if (!header) return next();
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    if (!match) return next(new AppError("BADTK", "Send the access token as `Authorization: Bearer <token>`."));
    try {
      const claims = await tokens.verify(match[1]);
      req.auth = {
        role: "app_user",
        userId: claims.sub,
        tenantId: claims.tid ?? undefined,
        permissions: claims.perms,
        services: claims.svc,
        sessionId: claims.sid ?? undefined,
        amr: claims.amr,
        aal: claims.aal,
      };
      req.log = req.log.child({ userId: claims.sub, tenantId: claims.tid });
      next();
    } catch (e) {
      next(e);
    }
  });

  app.use("/auth", express.json({ limit: ctx.config.bodyLimitBytes }), cookieParser());
  mountRoutes(app, deps, AUTH_ROUTES);
  return deps;
}
