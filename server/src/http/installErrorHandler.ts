import type { Express, NextFunction, Request, Response } from "express";
import { getContext } from "../context";
import { AppError, ERROR_CODES, toCodedError, type CodedError } from "../../../core/errors";

/** Body-parser and other HTTP-layer errors carry `type`/`status`; map them onto our codes. */
function httpLayerError(err: unknown): CodedError | null {
  const e = err as { type?: string; status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  if (e?.type === "entity.too.large" || status === 413) return { code: "TOOBG", message: ERROR_CODES.TOOBG.message, status: 413 };
  if (e?.type === "entity.parse.failed") return { code: "BADRQ", message: "The request body is not valid JSON.", status: 400 };
  if (typeof status === "number" && status >= 400 && status < 500 && !(err instanceof AppError)) {
    return { code: "BADRQ", message: ERROR_CODES.BADRQ.message, status };
  }
  return null;
}

/**
 * Last installers: unknown routes get a coded 404 in JSON, and every error
 * leaves as `{ error: { code, message } }` (GraphQL-shaped on /graphql).
 * Internal errors are masked and logged with an id by toCodedError.
 */
export default function installErrorHandler(app: Express): void {
  const ctx = getContext(app);
  app.use((req: Request, res: Response) => {
    ctx.metrics?.httpErrors.inc({ code: "NTFND" });
    res.status(404).json({ error: { code: "NTFND", message: `There is no ${req.method} ${req.path} here.` } });
  });
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const coded = httpLayerError(err) ?? toCodedError(err, () => ctx.health.markDown());
    const body = { code: coded.code, message: coded.message, ...(coded.errorId ? { errorId: coded.errorId } : {}) };
    ctx.metrics?.httpErrors.inc({ code: coded.code });
    if (coded.status >= 500) req.log?.error({ err, code: coded.code, errorId: coded.errorId }, "Request failed");
    res.status(coded.status);
    if (req.path === "/graphql") res.json({ errors: [{ message: coded.message, extensions: body }] });
    else res.json({ error: body });
  });
}
