/**
 * GET (and HEAD) of a file's bytes, on both backends (docs/storage.md#downloading):
 *  - /storage/v1/object/sign/<tenant id>/<file id>?exp=…&sig=… — any ready file, with a signature this
 *    server made for exactly that workspace, file and expiry (SGBAD, SGEXP; checked before any query);
 *  - /storage/v1/object/public/<tenant id>/<file id> — ready files whose visibility is public, no signature.
 * Only `ready` rows are served; a pending upload, a deleted file, a private file on the public path and a
 * malformed id are all 404 NTFND, so the answer never tells which. The row is read on the owner pool
 * (the signature or the public visibility is the authorization, not a signed-in caller).
 *
 * S3 is streamed through this server rather than redirected to a presigned S3 URL: the response is then
 * the same on both backends (our ETag from the SHA-256, Range checked against the row, nosniff, the
 * sandboxing CSP, Content-Disposition, cache policy), and a link's lifetime is ours to check.
 *
 * Image variants (variantObject.ts) are served by the same send(), from their cached object.
 */
import type { NextFunction, Request, Response } from "express";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import type { ServerContext } from "../context";
import { contentDisposition, noneMatch, parseRange, rangeStillValid } from "./downloadHeaders";
import { UUID, type DownloadSigner } from "./downloadUrls";

/** How long shared caches and browsers may keep a public file; visibility can change, so not `immutable`. */
export const PUBLIC_MAX_AGE_SECONDS = 3600;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;
/** Private to the browser, and never kept past the link's own expiry. */
export const signedCacheControl = (exp: number) => `private, max-age=${Math.max(0, exp - Math.floor(Date.now() / 1000))}`;

export interface ReadyFile {
  name: string;
  content_type: string;
  size_bytes: string;
  checksum_sha256: string;
  visibility: "private" | "public";
  uploaded_at: Date;
  storage_key: string;
}

/**
 * The stored type; text (and JSON) also names UTF-8, which the upload checked the bytes against
 * (server/src/storage/contentType.ts), so a browser never guesses another encoding.
 */
export const contentTypeHeader = (type: string) => (/^(text\/|application\/json$)/.test(type) ? `${type}; charset=utf-8` : type);

export const notFound = () => new AppError("NTFND", "There is no such file, or it is not ready for download.");

export async function readyFile(ctx: ServerContext, tenantId: string, fileId: string): Promise<ReadyFile | null> {
  const { rows } = await ctx.rootPgPool.query<ReadyFile>(
    `select name, content_type, size_bytes, checksum_sha256, visibility, uploaded_at, storage_key
       from app_public.files where tenant_id = $1 and id = $2 and status = 'ready'`, [tenantId, fileId]);
  return rows[0] ?? null;
}

/** What send serves: a file's own object, or one of its image variants (variantObject.ts). */
export interface Served {
  key: string;
  /** The name Content-Disposition gives it. */
  name: string;
  contentType: string;
  size: number;
  /** Quoted, strong. */
  etag: string;
  lastModified: string;
}

export const servedFile = (file: ReadyFile): Served => ({
  key: file.storage_key, name: file.name, contentType: file.content_type, size: Number(file.size_bytes),
  etag: `"${file.checksum_sha256}"`, lastModified: new Date(file.uploaded_at).toUTCString(),
});

/**
 * Answers 304 and returns true when If-None-Match names etag. Conditional first (RFC 9110 §13.2.2): a
 * cached copy that is still current needs no bytes (and a variant, no render).
 */
export function notModified(req: Request, res: Response, etag: string, cacheControl: string, lastModified: string): boolean {
  if (!noneMatch(req.get("if-none-match"), etag)) return false;
  res.status(304).set({ ETag: etag, "Cache-Control": cacheControl, "Last-Modified": lastModified }).end();
  return true;
}

export async function send(req: Request, res: Response, backend: StorageBackend, file: Served, cacheControl: string, extra: Record<string, string> = {}): Promise<void> {
  const { size, etag, lastModified } = file;
  if (notModified(req, res, etag, cacheControl, lastModified)) return;
  let range = parseRange(req.get("range"), size);
  if (range.kind !== "full" && !rangeStillValid(req.get("if-range"), etag, lastModified)) range = { kind: "full" };
  if (range.kind === "unsatisfiable") {
    res.set("Content-Range", `bytes */${size}`);
    throw new AppError("RANGE", `The requested range is not within the file (${size} bytes).`);
  }
  const part = range.kind === "partial" ? range : undefined;
  // The object is opened before any header is set, so a missing object still gets a clean JSON 404.
  const object = req.method === "HEAD" ? null : await backend.get(file.key, part);
  if (req.method !== "HEAD" && !object) {
    req.log?.error({ key: file.key }, "storage: a ready file has no stored object");
    throw notFound();
  }
  // setHeader, not set(): Express would append a charset of its own choosing to the stored type.
  res.setHeader("Content-Type", contentTypeHeader(file.contentType));
  res.status(part ? 206 : 200).set({
    "Content-Length": String(part ? part.end - part.start + 1 : size),
    "Content-Disposition": contentDisposition(file.name, file.contentType, req.query.download !== undefined),
    ETag: etag,
    "Last-Modified": lastModified,
    "Cache-Control": cacheControl,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    // Uploaded bytes never run as a page of our origin, even when opened directly.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Meant to be embedded (<img>, <video>) by the workspace's own sites on other origins.
    "Cross-Origin-Resource-Policy": "cross-origin",
    ...(part ? { "Content-Range": `bytes ${part.start}-${part.end}/${size}` } : {}),
    ...extra,
  });
  if (!object) {
    res.end();
    return;
  }
  try {
    await pipeline(object.body, res);
  } catch (err) {
    // Mostly a client that went away; the response is already under way, so there is nothing to answer.
    req.log?.debug({ err, key: file.key }, "storage: download stream ended early");
  }
}

export type Handler = (req: Request, res: Response, next: NextFunction) => void;

export function handle(fn: (req: Request, res: Response) => Promise<void>): Handler {
  return (req, res, next) => {
    // Errors (404, 403, 410, 416) must never be kept by a cache; a success replaces this.
    res.set("Cache-Control", "no-store");
    fn(req, res).catch(next);
  };
}

export function signedDownload(ctx: ServerContext, backend: StorageBackend, signer: DownloadSigner): Handler {
  return handle(async (req, res) => {
    const { tenantId, fileId } = req.params;
    if (!UUID.test(tenantId) || !UUID.test(fileId)) throw notFound();
    const exp = signer.verify(tenantId, fileId, req.query.exp, req.query.sig);
    const file = await readyFile(ctx, tenantId, fileId);
    if (!file) throw notFound();
    await send(req, res, backend, servedFile(file), signedCacheControl(exp));
  });
}

export function publicDownload(ctx: ServerContext, backend: StorageBackend): Handler {
  return handle(async (req, res) => {
    const { tenantId, fileId } = req.params;
    if (!UUID.test(tenantId) || !UUID.test(fileId)) throw notFound();
    const file = await readyFile(ctx, tenantId, fileId);
    if (!file || file.visibility !== "public") throw notFound();
    await send(req, res, backend, servedFile(file), PUBLIC_CACHE_CONTROL);
  });
}
