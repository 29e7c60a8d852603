import pino from "pino";
import pretty from "pino-pretty";
import { logFormat } from "./config";

/**
 * One structured logger for server, worker and tooling. Request handlers use
 * `req.log` (a child carrying the request id); everything else imports this.
 * LOG_FORMAT=json writes one JSON object per line (the default unless a person
 * is watching: development with a terminal on stdout), `pretty` one readable
 * line per entry through pino-pretty (synchronously, so nothing is lost when
 * the process exits).
 */
const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "logicspike" },
  redact: {
    paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token", "*.secret"],
    censor: "[redacted]",
  },
};
/** A bad LOG_FORMAT falls back to JSON here; loadConfig reports it (the logger exists before the config is read). */
function chosenFormat(): "pretty" | "json" {
  try {
    return logFormat(process.env.LOG_FORMAT, (process.env.NODE_ENV || "development") === "development");
  } catch {
    return "json";
  }
}
const format = chosenFormat();
export const logger =
  format === "pretty"
    ? pino(options, pretty({ sync: true, singleLine: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" }))
    : pino(options);

export type Logger = typeof logger;

/**
 * Adapter for the @graphile/logger interface used by graphile-migrate and
 * graphile-worker, so their output is structured like ours.
 */
export function pinoLogFactory(component: string) {
  const log = logger.child({ component });
  return (scope: object) => (level: string, rawMessage: string, rawMeta?: object) => {
    const { fields, message } = conciseJobEntry(scope, rawMessage, rawMeta);
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "info") log.info(fields, message);
    else log.debug(fields, message);
  };
}

/**
 * graphile-worker passes the whole job row (payload included, which may hold
 * personal data) with every "Completed/Failed task" line, and puts the stack
 * into the message. Keep one line: the job's id, task, attempt and duration,
 * and the error as `err` (pino's serializer prints its stack once).
 */
function conciseJobEntry(scope: object, message: string, meta?: object): { fields: Record<string, unknown>; message: string } {
  const { job, error, duration, failure: _failure, success: _success, ...rest } = (meta ?? {}) as Record<string, unknown> & {
    job?: { id?: unknown; task_identifier?: unknown; attempts?: unknown };
    error?: unknown;
    duration?: unknown;
  };
  const fields: Record<string, unknown> = { ...scope, ...rest };
  if (job && typeof job === "object") {
    fields.jobId = job.id;
    fields.task = job.task_identifier;
    fields.attempt = job.attempts;
  }
  if (typeof duration === "number") fields.durationMs = Math.round(duration);
  if (error !== undefined) fields.err = error;
  return { fields, message: job ? message.split("\n")[0] : message };
}
