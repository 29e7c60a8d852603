import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { getContext } from "../context";
import type { AuthDeps } from "../identity/sessions";
import { authenticateServiceClient, safeEqual, ServiceTokenService } from "./serviceTokens";
import { AppError } from "../../../core/errors";
import { getCustomDomainLookup, tlsAskHandler } from "../domains/customDomains";
import { getGatewayKey } from "./gatewayKey";
import { servicesRouter } from "../services/servicesRouter";

/**
 * Machine-to-machine: POST /auth/service-token and the /internal/* routes.
 *
 * Mounted BEFORE installAuth on purpose: its authenticate middleware refuses
 * any Authorization header that is not a valid *user* Bearer token, which
 * would reject HTTP Basic client credentials here and every service token on
 * /internal/*. Both paths end in this installer (including their 404s), so
 * nothing under them ever reaches the user-token middleware.
 */
const tokenBody = z.object({
  grant_type: z.string().max(64).optional(),
  client_id: z.string().min(1).max(63).optional(),
  client_secret: z.string().min(1).max(256).optional(),
  scope: z.string().max(1000).optional(),
});

/** RFC 6749 2.3.1: `Basic base64(urlencode(id) ":" urlencode(secret))`. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header && /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw new AppError("CLCRD");
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    throw new AppError("CLCRD");
  }
}

export default function installServiceAuth(app: Express): void {
  const ctx = getContext(app);
  const gatewayKey = getGatewayKey(app);
  // Same key material as user tokens; installAuth creates it, so resolve it on first use.
  let service: ServiceTokenService | undefined;
  const tokens = () => (service ??= new ServiceTokenService(ctx.config, (app.locals.authDeps as AuthDeps).tokens.keys));
  const limit = ctx.config.bodyLimitBytes;

  app.post("/auth/service-token", express.json({ limit }), express.urlencoded({ extended: false, limit }), async (req, res, next) => {
    try {
      const parsed = tokenBody.safeParse(req.body ?? {});
      if (!parsed.success) throw new AppError("INVLD", "Send grant_type, client_id, client_secret and optionally scope as strings.");
      const body = parsed.data;
      if (body.grant_type !== "client_credentials") throw new AppError("INVLD", "grant_type must be client_credentials.");
      const basic = basicCredentials(req.get("authorization"));
      if (basic && (body.client_id || body.client_secret)) throw new AppError("BADRQ", "Send the client credentials either with HTTP Basic or in the body, not both.");
      const id = basic?.id ?? body.client_id;
      const secret = basic?.secret ?? body.client_secret;
      if (!id || !secret) throw new AppError("CLCRD", "Send client_id and client_secret (in the body or with HTTP Basic).");
      const client = await authenticateServiceClient(ctx.rootPgPool, id, secret);
      const requested = body.scope?.split(" ").filter(Boolean);
      const denied = (requested ?? []).filter((s) => !client.allowedScopes.includes(s));
      if (denied.length) throw new AppError("DNIED", `This client may not request the scope ${denied.join(", ")}.`);
      const scopes = requested ?? client.allowedScopes;
      res.setHeader("cache-control", "no-store");
      res.json({ access_token: await tokens().sign(client.clientId, scopes), token_type: "Bearer", expires_in: tokens().ttlSeconds, scope: scopes.join(" ") });
    } catch (e) {
      next(e);
    }
  });

  // /internal/*: a service token (Bearer) or the gateway key. A present-but-invalid credential is a 401, never a fallback.
  const internal = express.Router();
  internal.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.get("authorization");
      if (header) {
        const m = /^Bearer ([^\s]+)$/i.exec(header);
        if (!m) throw new AppError("BADTK", "Send the service token as `Authorization: Bearer <token>`.");
        const claims = await tokens().verify(m[1]);
        res.locals.caller = { kind: "service", serviceId: claims.clientId, scopes: claims.scopes };
        req.log = req.log.child({ serviceId: claims.clientId });
        return next();
      }
      const key = req.get("x-gateway-key");
      if (key === undefined) throw new AppError("LOGIN", "Send a service token (Bearer) or the gateway key.");
      if (!gatewayKey || !safeEqual(key, gatewayKey)) throw new AppError("BADTK", "The gateway key is not valid.");
      res.locals.caller = { kind: "gateway", serviceId: null, scopes: [] };
      next();
    } catch (e) {
      next(e);
    }
  });
  internal.get("/whoami", (_req, res) => {
    res.json(res.locals.caller);
  });
  // The TLS ask hook for proxies that can send a credential; Caddy's cannot, see installTlsAsk (TLS_ASK_PATH).
  internal.get("/tls/ask", tlsAskHandler(getCustomDomainLookup(app, ctx.rootPgPool, ctx.config.apiKeys.cacheSeconds)));
  // The services API (events, usage, workspace, members): server/src/services, docs/services.md.
  internal.use("/v1", servicesRouter(app));
  internal.use((req, _res, next) => next(new AppError("NTFND", `There is no ${req.method} /internal${req.path} here.`)));
  app.use("/internal", internal);
}
