import pino from "pino";

/**
 * One structured logger for server, worker and tooling. Request handlers use
 * `req.log` (a child carrying the request id); everything else imports this.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "logicspike" },
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.secret"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;

/**
 * Adapter for the @graphile/logger interface used by graphile-migrate and
 * graphile-worker, so their output is structured like ours.
 */
export function pinoLogFactory(component: string) {
  const log = logger.child({ component });
  return (scope: object) => (level: string, message: string, meta?: object) => {
    const fields = { ...scope, ...meta };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "info") log.info(fields, message);
    else log.debug(fields, message);
  };
}
