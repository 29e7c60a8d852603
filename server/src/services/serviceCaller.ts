/**
 * Who is calling the services API, and for which workspace. Runs after the
 * /internal credential check (installServiceAuth: a service token, or the
 * gateway key), which leaves `res.locals.caller`.
 *
 *  - Gateway key: the caller names itself in `x-service-name`, which must be a
 *    service routed by this gateway (GATEWAY_ROUTES), and passes on the
 *    `x-tenant-id` the gateway gave it with the user's request. It holds every
 *    scope: the key is the trust the gateway already extends to its upstreams.
 *  - Service token: the client id is the service (a key of app_public.services);
 *    the workspace is explicit in `x-tenant-id`; the token's scopes apply.
 *
 * Either way the workspace must have the service enabled (tenant_services),
 * checked on every call: a service never acts for a workspace that has not got
 * it, and an unknown workspace answers the same 403 NOSVC, so ids cannot be probed.
 */
import type { NextFunction, Request, Response } from "express";
import type { Pool } from "pg";
import { AppError } from "../../../core/errors";
import { ALL_SERVICE_SCOPES, type ServiceScope } from "./scopes";
import { isUuid } from "../../../core/tenancy";

export interface ServiceCaller {
  service: string;
  tenantId: string;
  via: "gateway" | "token";
  scopes: readonly string[];
}

const SERVICE_NAME = /^[a-z][a-z0-9_]{1,39}$/;

interface Caller {
  kind: "service" | "gateway";
  serviceId: string | null;
  scopes: string[];
}

export function resolveServiceCaller(pool: Pool, routedServices: () => readonly string[]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const caller = res.locals.caller as Caller | undefined;
      if (!caller) throw new AppError("LOGIN", "Send a service token (Bearer) or the gateway key.");
      const named = req.get("x-service-name");
      let service: string;
      if (caller.kind === "gateway") {
        if (named === undefined) throw new AppError("LOGIN", "With the gateway key, name the calling service in x-service-name.");
        if (!SERVICE_NAME.test(named) || !routedServices().includes(named)) {
          throw new AppError("DNIED", "x-service-name must name a service behind this gateway (GATEWAY_ROUTES).");
        }
        service = named;
      } else {
        service = caller.serviceId!;
        if (named !== undefined && named !== service) throw new AppError("DNIED", "A service token acts only as its own service.");
      }
      const tenantId = req.get("x-tenant-id");
      if (tenantId === undefined) throw new AppError("BADRQ", "Name the workspace in x-tenant-id.");
      if (!isUuid(tenantId)) throw new AppError("INVLD", "x-tenant-id must be a workspace id (a UUID).");
      const { rows } = await pool.query<{ known: boolean; entitled: boolean }>(
        `select exists (select 1 from app_public.services s where s.key = $2) as known,
                exists (select 1 from app_public.tenant_services ts where ts.tenant_id = $1 and ts.service = $2 and ts.enabled) as entitled`,
        [tenantId, service],
      );
      if (!rows[0].known) throw new AppError("DNIED", `The client ${service} is not a service of this platform (app_public.services).`);
      if (!rows[0].entitled) throw new AppError("NOSVC", `This workspace does not have the ${service} service, or does not exist.`);
      const scopes = caller.kind === "gateway" ? ALL_SERVICE_SCOPES : caller.scopes;
      res.locals.service = { service, tenantId: tenantId.toLowerCase(), via: caller.kind === "gateway" ? "gateway" : "token", scopes } satisfies ServiceCaller;
      req.log = req.log.child({ service, tenantId });
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** Refuses (403 DNIED) a service token without the route's scope. */
export function requireScope(scope: ServiceScope) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const caller = res.locals.service as ServiceCaller;
    if (!caller.scopes.includes(scope)) return next(new AppError("DNIED", `This service token lacks the ${scope} scope.`));
    next();
  };
}

export function serviceCaller(res: Response): ServiceCaller {
  return res.locals.service as ServiceCaller;
}
