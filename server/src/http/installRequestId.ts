import { randomUUID } from "node:crypto";
import type { Express, Request } from "express";
import { logger, type Logger } from "../../../core/logger";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Every request gets an id (a well-formed incoming `x-request-id` from a proxy
 * is kept), echoed back in the response and carried by `req.log`.
 *
 * `req.log` is made on first use (an accessor on this app's request
 * prototype): most requests log nothing, and a pino child per request was a
 * measurable share of a GraphQL request (bench/README.md). Assigning
 * `req.log = req.log.child(…)` works as before.
 */
const LOG = Symbol("req.log");
type WithLog = Request & { [LOG]?: Logger };

export default function installRequestId(app: Express): void {
  Object.defineProperty(app.request, "log", {
    configurable: true,
    get(this: WithLog): Logger {
      return (this[LOG] ??= logger.child({ requestId: this.id }));
    },
    set(this: WithLog, value: Logger) {
      this[LOG] = value;
    },
  });
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", req.id);
    next();
  });
}
