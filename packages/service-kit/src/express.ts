/**
 * Express middleware for a service behind the LogicSpike gateway.
 *
 *   app.use(gateway({ gatewayKey: process.env.GATEWAY_KEY!, client }));
 *   app.post("/posts/:id/reactions", requirePermission("blog:posts.read"), async (req, res) => {
 *     const { identity, platform } = serviceContext(req);
 *     ...
 *   });
 *   app.use(errorHandler());
 *
 * `gateway()` refuses a request whose x-gateway-key does not match (401 BADTK) before any route runs,
 * and gives the routes the caller's typed identity and, with a client, the services API for the
 * caller's workspace. Refusals use the platform's error shape.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
import type { PermissionKey } from "./catalog";
import type { PlatformClient, WorkspaceApi } from "./client";
import { errorAnswer, ServiceKitError } from "./errors";
import { assertGatewayOptions, identityFromHeaders, type GatewayOptions, type Identity } from "./identity";

export interface ServiceContext {
  identity: Identity;
  /** The services API for the caller's workspace (when gateway() was given a client). */
  platform: WorkspaceApi;
}

const CONTEXT = Symbol.for("@logicspike/service-kit/context");
type WithContext = Request & { [CONTEXT]?: { identity: Identity; platform?: WorkspaceApi } };

export interface ExpressGatewayOptions extends GatewayOptions {
  /** Gives each request `platform`, the services API for its workspace, with the request id passed on. */
  client?: PlatformClient;
}

export function gateway(options: ExpressGatewayOptions): RequestHandler {
  assertGatewayOptions(options);
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      const identity = identityFromHeaders(req.headers, options);
      (req as WithContext)[CONTEXT] = { identity, platform: options.client?.for(identity) };
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The identity (and services API) gateway() attached; throws if it did not run for this request. */
export function serviceContext(req: Request): ServiceContext {
  const ctx = (req as WithContext)[CONTEXT];
  if (!ctx) throw new Error("service-kit: serviceContext() needs the gateway() middleware in front of this route");
  if (!ctx.platform) throw new Error("service-kit: pass a PlatformClient to gateway({ client }) to use platform");
  return ctx as ServiceContext;
}

/** The caller's identity alone (no client needed). */
export function identityOf(req: Request): Identity {
  const ctx = (req as WithContext)[CONTEXT];
  if (!ctx) throw new Error("service-kit: identityOf() needs the gateway() middleware in front of this route");
  return ctx.identity;
}

/** 403 DNIED unless the caller holds every one of the permissions (constants of the platform's catalog). */
export function requirePermission(...permissions: PermissionKey[]): RequestHandler {
  return (req, _res, next) => {
    try {
      identityOf(req).require(...permissions);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * Answers errors in the platform's shape: this package's refusals and the platform's coded 4xx answers
 * pass on, anything else is a 500 INTRN with the details given to `log` (default console.error).
 */
export function errorHandler(log: (err: unknown, req: Request) => void = (err) => console.error(err)): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body } = errorAnswer(err);
    if (status >= 500) log(err, req);
    res.status(status).json(body);
  };
}

export { ServiceKitError };
