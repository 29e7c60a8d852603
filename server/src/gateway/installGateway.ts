import type { ClientRequest, IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Express, NextFunction, Request, Response } from "express";
import { createProxyMiddleware, type RequestHandler } from "http-proxy-middleware";
import { getContext } from "../context";
import { AppError, ERROR_CODES } from "../../../core/errors";
import { getGatewayKey } from "./gatewayKey";
import { serviceRoute } from "../http/requestPath";

/**
 * API gateway: `/svc/<name>/*` is proxied to GATEWAY_ROUTES[name] with the
 * `/svc/<name>` prefix removed. Runs after authentication and the rate
 * limiter, before PostGraphile, and with no body parser in front, so request
 * and response bodies stream through untouched.
 *
 * Checks, in order: signed in (401 LOGIN), a configured service (404 NTFND),
 * the workspace entitled to it (403 NOSVC, from the verified `svc` claim or
 * the API key's workspace). The service is read from `req.path`, already
 * canonical (installCanonicalPath): `/SVC/crm/x` and `//svc/crm/x` are
 * `/svc/crm/x` to these checks and to the rate limiter alike, while the
 * upstream's own path (`/x`) keeps its case and its trailing slash.
 *
 * Upstreams trust only what the gateway sets, so every header in the trusted
 * namespaces is removed from the outgoing request, whatever its case or
 * however often the client sent it (Node lower-cases and merges them; we
 * remove by name, then set once). The caller's own credentials
 * (Authorization, Cookie, x-api-key) are removed too: upstreams get the
 * verified identity instead and never see a token they could replay.
 */
const STRIPPED = /^(x-user-.*|x-tenant-.*|x-gateway-.*|x-api-key.*|x-request-id|authorization|proxy-authorization|cookie)$/;

function injectTrustedHeaders(proxyReq: ClientRequest, req: Request, gatewayKey: string): void {
  for (const name of proxyReq.getHeaderNames()) if (STRIPPED.test(name)) proxyReq.removeHeader(name);
  const auth = req.auth!;
  if (auth.userId) proxyReq.setHeader("x-user-id", auth.userId);
  if (auth.tenantId) proxyReq.setHeader("x-tenant-id", auth.tenantId);
  proxyReq.setHeader("x-user-permissions", auth.permissions.join(" "));
  if (auth.apiKeyId) proxyReq.setHeader("x-api-key-id", auth.apiKeyId);
  proxyReq.setHeader("x-request-id", req.id);
  proxyReq.setHeader("x-gateway-key", gatewayKey);
  // A client-listed `Connection: upgrade, x-gateway-key` would let a hop drop our header.
  proxyReq.setHeader("connection", "close");
}

/** Connection refused/reset/timeout: 502 UPDWN with the details in the log only. */
function upstreamError(service: string) {
  return (err: Error, req: IncomingMessage, res: ServerResponse | Socket) => {
    (req as Request).log?.warn({ err, service }, "Gateway upstream failed");
    if (!("writeHead" in res)) return void res.destroy();
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "UPDWN", message: ERROR_CODES.UPDWN.message } }));
  };
}

export default function installGateway(app: Express): void {
  const { config } = getContext(app);
  const gatewayKey = getGatewayKey(app) ?? "";
  const proxies = new Map<string, RequestHandler<Request, Response>>();
  for (const [service, target] of Object.entries(config.gateway.routes)) {
    proxies.set(
      service,
      createProxyMiddleware<Request, Response>({
        target,
        changeOrigin: true,
        xfwd: false,
        ws: false,
        proxyTimeout: config.gateway.timeoutMs,
        on: {
          proxyReq: (proxyReq, req) => injectTrustedHeaders(proxyReq, req, gatewayKey),
          // Upstreams share our origin: they may not set cookies on it (e.g. overwrite the refresh cookie),
          // nor widen our CORS policy (installCors already answered for this origin).
          proxyRes: (proxyRes) => {
            delete proxyRes.headers["set-cookie"];
            for (const name of Object.keys(proxyRes.headers)) if (name.startsWith("access-control-")) delete proxyRes.headers[name];
          },
          error: upstreamError(service),
        },
      }),
    );
  }

  app.use((req: Request, res: Response, next: NextFunction) => {
    const route = serviceRoute(req.path);
    if (!route) return next();
    if (!req.auth) return next(new AppError("LOGIN", "Sign in to use this service (send a Bearer access token or an API key)."));
    const { service, rest } = route;
    const proxy = proxies.get(service);
    if (!proxy) return next(new AppError("NTFND", "There is no such service behind the gateway."));
    if (!req.auth.services.includes(service)) return next(new AppError("NOSVC", `This workspace is not entitled to the ${service} service.`));
    if (req.auth.apiKeyType === "publishable" && req.method !== "GET" && req.method !== "HEAD") {
      return next(new AppError("DNIED", "Publishable keys are read-only: use GET, or a secret key from your server."));
    }
    // The upstream sees only its own path; an error after this is rendered against ours again.
    const url = req.url;
    const query = url.indexOf("?");
    req.url = query >= 0 ? rest + url.slice(query) : rest;
    const fail = (err?: unknown) => {
      req.url = url;
      next(err);
    };
    proxy(req, res, fail).catch(fail);
  });
}
