/**
 * Auth REST routes are small modules: a zod schema for the body and a
 * handler. This wrapper validates (400 BADRQ for a body that is not a JSON
 * object, 422 INVLD naming the fields otherwise), enforces sign-in where
 * asked, and passes every error to the error handler, which codes it.
 */
import type { Express, NextFunction, Request, Response } from "express";
import { z } from "zod";
import { AppError } from "../../../core/errors";
import { sessionIsLive, SESSION_ENDED_MESSAGE, type AuthDeps } from "./sessions";
import type { VerifiedIdentity } from "../../../core/tenancy";

export interface RouteContext<B> {
  req: Request;
  res: Response;
  body: B;
  deps: AuthDeps;
  /** Present when the route requires sign-in. */
  identity: VerifiedIdentity;
}

export interface AuthRoute<S extends z.ZodTypeAny = z.ZodTypeAny> {
  method: "get" | "post";
  path: string;
  schema?: S;
  /** "user": a valid access token is required (401 LOGIN otherwise). */
  auth?: "user";
  handler(ctx: RouteContext<z.infer<S>>): Promise<unknown>;
}

export function defineRoute<S extends z.ZodTypeAny>(route: AuthRoute<S>): AuthRoute<S> {
  return route;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.join(".") || "body";
      return i.code === "invalid_type" && i.received === "undefined" ? `${field} is required` : `${field}: ${i.message}`;
    })
    .join("; ");
}

export function mountRoutes(app: Express, deps: AuthDeps, routes: AuthRoute[]): void {
  for (const route of routes) {
    app[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        let body: unknown = undefined;
        if (route.schema) {
          const raw: unknown = req.body ?? {};
          if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
            throw new AppError("BADRQ", "The request body must be a JSON object.");
          }
          const parsed = route.schema.safeParse(raw);
          if (!parsed.success) throw new AppError("INVLD", `Please check your input: ${describeIssues(parsed.error)}.`);
          body = parsed.data;
        }
        if (route.auth === "user" && !req.auth?.userId) throw new AppError("LOGIN", "Sign in to do that (send a Bearer access token).");
        if (route.auth === "user" && deps.config.sessionRevocationCheck && req.auth!.sessionId) {
          if (!(await sessionIsLive(deps.pool, req.auth!.sessionId, req.auth!.userId!))) throw new AppError("BADTK", SESSION_ENDED_MESSAGE);
        }
        const result = await route.handler({ req, res, body, deps, identity: req.auth! });
        if (!res.headersSent) {
          if (result === undefined) res.status(204).end();
          else res.json(result);
        }
      } catch (e) {
        next(e);
      }
    });
  }
}

/** Shared field schemas. */
export const fields = {
  email: z.string().trim().max(320).email("must be a valid email address"),
  password: z.string().min(1, "is required").max(1024),
  name: z.string().trim().min(1, "is required").max(200),
  uuid: z.string().uuid("must be a UUID"),
  tokenTransport: z.enum(["cookie", "body"]).optional(),
};
