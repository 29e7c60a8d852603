/**
 * Which credential a request carries: an access token (`Authorization:
 * Bearer <jwt>`), an API key (`x-api-key: …` or `Authorization: Bearer
 * ls_…/pk_…`), or none. Anything ambiguous is refused rather than resolved:
 * Node keeps only the first of duplicate Authorization headers and joins
 * duplicate x-api-key headers with ", ", so a proxy and this server could
 * disagree about which credential counts (header smuggling). rawHeaders shows
 * every copy.
 */
import type { Request } from "express";
import { AppError } from "../../../core/errors";

export type Credential = { kind: "jwt"; value: string } | { kind: "apiKey"; value: string };

const API_KEY_PREFIX = /^(ls|pk)_/;

function countHeader(req: Request, name: string): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === name) n++;
  return n;
}

export function readCredential(req: Request): Credential | null {
  const authorization = req.headers.authorization;
  const apiKeyHeader = req.headers["x-api-key"];
  if (authorization === undefined && apiKeyHeader === undefined) return null;
  if (countHeader(req, "authorization") > 1 || countHeader(req, "x-api-key") > 1) {
    throw new AppError("BADKY", "Send exactly one credential: the request repeats the Authorization or x-api-key header.");
  }
  const apiKey = typeof apiKeyHeader === "string" ? apiKeyHeader.trim() : undefined;
  if (authorization === undefined) return { kind: "apiKey", value: apiKey ?? "" };

  const match = /^Bearer ([^\s]+)$/i.exec(authorization);
  if (apiKey !== undefined && match?.[1] !== apiKey) {
    throw new AppError("BADKY", "Send one credential: x-api-key and Authorization carry different values.");
  }
  if (!match) throw new AppError("BADTK", "Send the access token as `Authorization: Bearer <token>`.");
  return API_KEY_PREFIX.test(match[1]) ? { kind: "apiKey", value: match[1] } : { kind: "jwt", value: match[1] };
}
