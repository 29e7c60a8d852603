import { randomUUID } from "node:crypto";
import type { Express } from "express";
import { logger } from "../../../core/logger";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Every request gets an id (a well-formed incoming `x-request-id` from a proxy
 * is kept), echoed back in the response and carried by `req.log`.
 */
export default function installRequestId(app: Express): void {
  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.id });
    res.setHeader("x-request-id", req.id);
    next();
  });
}
