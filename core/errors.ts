/**
 * Coded errors. Every code is registered in db/ERRORS.md (a test keeps the two
 * in step). SQL raises them as SQLSTATEs (`raise ... using errcode = 'INVLD'`),
 * TypeScript throws AppError, and both reach clients as `extensions.code` /
 * `{ error: { code } }`. Anything else is masked and logged with an id.
 */
import { randomUUID } from "node:crypto";
import { isSafeError } from "postgraphile/grafast";
import { GraphQLError, type GraphQLFormattedError } from "postgraphile/graphql";
import { logger } from "./logger";

export const ERROR_CODES = {
  BADRQ: { status: 400, message: "The request could not be understood." },
  INVLD: { status: 422, message: "Some of the input is not valid." },
  LOGIN: { status: 401, message: "You must sign in to do that." },
  CREDS: { status: 401, message: "Email or password is incorrect." },
  BADTK: { status: 401, message: "The token is not valid." },
  TKEXP: { status: 401, message: "The access token has expired; refresh it." },
  LOCKD: { status: 429, message: "Too many failed attempts; try again later." },
  MFARQ: { status: 403, message: "This needs a second factor; verify with your authenticator app first." },
  MFACD: { status: 401, message: "That authenticator or recovery code is not valid or was already used." },
  MFAON: { status: 409, message: "Two-factor authentication is already on." },
  WEAKP: { status: 422, message: "Choose a longer, less common password." },
  EMUNV: { status: 409, message: "An account with this email already exists; sign in with your password to link this provider." },
  DNIED: { status: 403, message: "You do not have permission to do that." },
  NTFND: { status: 404, message: "That does not exist or you cannot see it." },
  NUNIQ: { status: 409, message: "A record with these values already exists." },
  ISMEM: { status: 409, message: "That person is already a member of this workspace." },
  LSTOW: { status: 409, message: "A workspace needs at least one owner." },
  SOLOW: { status: 409, message: "You are the only owner of a workspace with other members; make someone else the owner first." },
  INVUS: { status: 409, message: "This invitation has already been used or was cancelled." },
  INVEX: { status: 410, message: "This invitation has expired." },
  BADFK: { status: 422, message: "That refers to something that does not exist or you cannot see." },
  TOOBG: { status: 413, message: "The request body is too large." },
  DBDWN: { status: 503, message: "The database is unavailable; please retry shortly." },
  INTRN: { status: 500, message: "An unexpected error occurred." },
  LNKEX: { status: 410, message: "This link is not valid, has expired, or was already used; request a new one." },
  MLCOD: { status: 401, message: "This sign-in code is not valid, has expired or was replaced; check it, or request a new email." },
  OAUNC: { status: 404, message: "Sign-in with this provider is not available on this server." },
  OAUDN: { status: 503, message: "Sign-in with this provider is unavailable right now; please retry shortly." },
  OAEML: { status: 422, message: "The provider did not share a verified primary email address; verify one there, then sign in again." },
  RATLM: { status: 429, message: "Too many requests; wait for the Retry-After seconds, then try again." },
  NOSVC: { status: 403, message: "This workspace is not entitled to that service." },
  UPDWN: { status: 502, message: "The service behind the gateway is unavailable; please retry shortly." },
  CLCRD: { status: 401, message: "The client id or secret is incorrect, or the client was revoked." },
  BADKY: { status: 401, message: "The API key is not valid." },
  KYORG: { status: 403, message: "This API key may not be used from this origin." },
  LIMIT: { status: 402, message: "The workspace has reached its plan's limit; upgrade the plan or buy an add-on." },
  COINS: { status: 402, message: "The wallet does not have enough coins; buy a coin pack first." },
  SUBEX: { status: 409, message: "The workspace already has a subscription; change its plan instead." },
  NOADD: { status: 409, message: "That add-on is not available on the workspace's plan." },
  BADSG: { status: 400, message: "The payment signature is missing or not valid." },
  AMTMM: { status: 422, message: "The payment's amount or currency does not match the order." },
  BILNC: { status: 503, message: "Payments are not configured on this server." },
  EVTYP: { status: 422, message: "That event type is not known." },
  EVBAD: { status: 422, message: "The event payload does not match its type's schema." },
  WHURL: { status: 422, message: "That webhook URL is not allowed." },
  QLIMT: { status: 400, message: "The operation is too deep, uses too many aliases, or asks for introspection, which this server refuses." },
  DOCID: { status: 400, message: "Only trusted (persisted) operations are accepted here; send a known documentId." },
  DMBAD: { status: 422, message: "That is not a hostname that can be added as a custom domain." },
  DMOWN: { status: 422, message: "Hostnames under our own domain cannot be added as custom domains." },
  DMTKN: { status: 409, message: "That hostname is already in use by another workspace." },
  SYNTX: { status: 400, message: "The GraphQL document could not be parsed." },
  GQVAL: { status: 400, message: "The GraphQL operation is not valid against this schema." },
  BADVR: { status: 400, message: "The GraphQL variables do not match the operation's variable types." },
  NOCRS: { status: 403, message: "This origin, method or header is not allowed by the server's CORS policy." },
  WSLIM: { status: 403, message: "You have reached the number of workspaces one person may create." },
  SLGTK: { status: 409, message: "That workspace address (slug) is already taken; choose another." },
  NOMTR: { status: 422, message: "That meter is not known." },
  IDKEY: { status: 409, message: "That idempotency key was already used for a different request." },
  BADNM: { status: 422, message: "That file name or folder is not allowed." },
  TOOLG: { status: 413, message: "The file is larger than this workspace accepts." },
  BADTY: { status: 415, message: "That type of file is not accepted here." },
  SGBAD: { status: 403, message: "This download link's signature is not valid for this file." },
  SGEXP: { status: 410, message: "This download link has expired; ask for a new one." },
  RANGE: { status: 416, message: "The requested byte range is not within the file." },
  UPMIS: { status: 422, message: "The uploaded bytes do not match the upload slot's size or SHA-256." },
  UPNON: { status: 409, message: "Nothing has been uploaded to this slot yet; upload the bytes to its URL first." },
  UPOFS: { status: 409, message: "The Upload-Offset is not where the upload is; ask for its offset (HEAD) and resume from there." },
  IMTYP: { status: 415, message: "Only JPEG, PNG, WebP, AVIF and GIF images have image variants." },
  IMARG: { status: 422, message: "The image transform's parameters are not valid." },
  IMBIG: { status: 422, message: "The image is too large to transform." },
  IMBAD: { status: 422, message: "The stored image could not be decoded." },
  IMBSY: { status: 503, message: "Too many image variants are being rendered right now; try again in a moment." },
  DXUNK: { status: 404, message: "This data export link is not valid; use the link from your newest export email." },
  DXEXP: { status: 410, message: "This data export link has expired; request a new export." },
  EMNVF: { status: 403, message: "Verify your email address first." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string = ERROR_CODES[code].message) {
    super(message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
  }
}

/** Postgres built-in SQLSTATEs we translate instead of masking. */
const PG_CODE_MAP: Record<string, ErrorCode> = {
  "23505": "NUNIQ", // unique_violation (message names no values, so no cross-tenant leak)
  "23503": "BADFK", // foreign_key_violation
  "42501": "DNIED", // insufficient_privilege, incl. RLS WITH CHECK failures
  "23514": "INVLD", // check_violation
  "23502": "INVLD", // not_null_violation
  "22P02": "INVLD", // invalid_text_representation (bad uuid, ...)
  "22001": "INVLD", // string_data_right_truncation
};

const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

/** True for errors meaning "Postgres is not reachable right now" (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (CONNECTION_ERROR_CODES.has(code)) return true;
  // 08xxx connection exceptions; 57P01-57P03 admin/crash shutdown, cannot connect now.
  if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

export interface CodedError {
  code: ErrorCode;
  message: string;
  status: number;
  errorId?: string;
}

/**
 * The one translation from any thrown value to what a client may see. Unknown
 * errors are logged with a fresh id that the client gets to quote.
 */
/** The error PostGraphile's delete mutations raise (without a code) when their row is not there for the caller. */
const ZERO_ROW_DELETE = /^No values were deleted in collection '[^']+' because no values you can delete were found matching these criteria\.$/;

export function toCodedError(error: unknown, onDatabaseUnavailable?: () => void): CodedError {
  if (error instanceof AppError) return { code: error.code, message: error.message, status: error.status };
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  if (isErrorCode(e.code) && typeof e.message === "string") {
    // Raised by our own SQL with a registered SQLSTATE: the message is written for users.
    return { code: e.code, message: e.message, status: ERROR_CODES[e.code].status };
  }
  if (typeof e.code === "string" && PG_CODE_MAP[e.code]) {
    const code = PG_CODE_MAP[e.code];
    return { code, message: ERROR_CODES[code].message, status: ERROR_CODES[code].status };
  }
  if (error instanceof Error && !("code" in error) && ZERO_ROW_DELETE.test(error.message)) {
    // @dataplan/pg's generated delete matched no row: missing, or hidden by RLS (server/src/graphql/missingRowErrors.ts).
    return { code: "NTFND", message: ERROR_CODES.NTFND.message, status: ERROR_CODES.NTFND.status };
  }
  if (isDatabaseUnavailable(error)) {
    onDatabaseUnavailable?.();
    return { code: "DBDWN", message: ERROR_CODES.DBDWN.message, status: 503 };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, "Unexpected error (masked in the response)");
  return { code: "INTRN", message: `${ERROR_CODES.INTRN.message} Reference: ${errorId}`, status: 500, errorId };
}

/**
 * A copy of a GraphQL error carrying `extensions.code` (message, locations,
 * path and cause kept); an error that already has a registered code is
 * returned as it is, so the code set where an error was produced wins.
 */
export function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  if (isErrorCode(error.extensions?.code)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** The code of a grafast SafeError that describes a client mistake (its own registered code, else 413/4xx), or undefined. */
function safeErrorCode(error: Error): ErrorCode | undefined {
  const extensions = (error as { extensions?: { code?: unknown; statusCode?: unknown } }).extensions;
  if (isErrorCode(extensions?.code)) return extensions.code;
  const status = extensions?.statusCode;
  if (status === 413) return "TOOBG";
  return typeof status === "number" && status >= 400 && status < 500 ? "BADRQ" : undefined;
}

/**
 * grafserv `maskError`, applied to execution results (HTTP and WebSocket) and
 * to WebSocket subscribe errors:
 *  - GraphQL's own errors arrive coded by graphql/codedErrors.ts (SYNTX,
 *    GQVAL, BADVR, BADRQ). One still uncoded is a server fault (a non-null
 *    field resolved to null, or grafserv wrapping the bare message of an
 *    error thrown while preparing execution) and is masked like any other.
 *  - A SafeError that says it is the client's fault (its own code, or a 4xx
 *    statusCode: grafserv's body checks and the hardening plugins over
 *    WebSocket) keeps its message.
 *  - Everything else thrown during execution goes through toCodedError.
 */
export function makeMaskError(onDatabaseUnavailable: () => void) {
  const masked = (error: GraphQLError, coded: CodedError) =>
    new GraphQLError(coded.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: coded.code, ...(coded.errorId ? { errorId: coded.errorId } : {}) },
    });
  return (error: GraphQLError): GraphQLError | GraphQLFormattedError => {
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) {
      if (isErrorCode(error.extensions?.code)) return error;
      return masked(error, toCodedError(error, onDatabaseUnavailable));
    }
    const safeCode = isSafeError(original) ? safeErrorCode(original) : undefined;
    if (safeCode) return withCode(error, safeCode);
    return masked(error, toCodedError(original, onDatabaseUnavailable));
  };
}
