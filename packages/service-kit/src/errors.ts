/** The platform's error shape, `{ "error": { "code", "message" } }`, for what this package refuses and what the platform answered. */

/** Error codes this package answers with, the platform's own (db/ERRORS.md in the LogicSpike repository). */
export type ServiceKitCode = "LOGIN" | "BADTK" | "TKEXP" | "DNIED" | "NOSVC" | "BADRQ";

const STATUS: Record<ServiceKitCode, number> = { LOGIN: 401, BADTK: 401, TKEXP: 401, DNIED: 403, NOSVC: 403, BADRQ: 400 };

/** A refusal with the platform's error shape: `{ "error": { "code", "message" } }` and the code's HTTP status. */
export class ServiceKitError extends Error {
  readonly status: number;
  constructor(readonly code: ServiceKitCode, message: string) {
    super(message);
    this.name = "ServiceKitError";
    this.status = STATUS[code];
  }
  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** An error answer of the platform's services API (`/internal/v1`), with its code (db/ERRORS.md) and HTTP status. */
export class PlatformError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly requestId: string | null = null) {
    super(message);
    this.name = "PlatformError";
  }
}

/**
 * The status and JSON body to answer with for an error thrown while handling a request: our own
 * refusals and the platform's coded answers (a full workspace's LIMIT, NOSVC) pass on; anything else
 * is masked as INTRN (log it yourself with the request id).
 */
export function errorAnswer(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof ServiceKitError) return { status: err.status, body: err.toJSON() };
  if (err instanceof PlatformError && err.status < 500) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  return { status: 500, body: { error: { code: "INTRN", message: "Something went wrong on our side." } } };
}
