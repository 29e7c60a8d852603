import type { Express, NextFunction, Request, Response } from "express";
import { AppError } from "../../../core/errors";
import { canonicalTarget } from "./requestPath";

/**
 * Rewrites `req.url` to its canonical spelling (lib/requestPath.ts), query
 * kept, before anything else matches on the path: CORS, the limiters,
 * authentication, the routers, the gateway and grafserv all read `req.url`
 * (through `req.path`), so `POST /Auth//Login/` and `/%67raphql` meet the
 * same limit and the same checks as `/auth/login` and `/graphql`. A path
 * that cannot be made canonical (dot segments, a malformed `%`, characters
 * that must be encoded) is 400 BADRQ here; nothing after it sees it.
 * `req.originalUrl` keeps what the client sent, for logs.
 *
 * Express's "case sensitive routing" and "strict routing" stay off: every
 * prefix we route on is lower-case and slash-free by now, so they would not
 * change what reaches a handler; they would only make the pages' paths
 * case-sensitive. (They would also have no effect from here: the app's router
 * is created, with its options, by installRequestId's app.use.)
 *
 * WebSocket upgrades do not pass through Express: graphql/websocket.ts
 * accepts exactly /graphql and destroys any other spelling.
 */
export default function installCanonicalPath(app: Express): void {
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const target = canonicalTarget(req.url);
    if ("refused" in target) return next(new AppError("BADRQ", target.refused));
    if (target.url !== req.url) req.url = target.url;
    next();
  });
}
