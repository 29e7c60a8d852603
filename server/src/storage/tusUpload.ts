/**
 * Resumable uploads over tus 1.0 at /storage/v1/tus (docs/storage.md#resumable-uploads-tus), through
 * @tus/server with the backend's tus store (core/storage/tus.ts). Same caller as every upload route
 * (uploaderOf: a bearer token with storage:files.write), for every method.
 *
 *  - POST (creation) needs Upload-Length (no deferred length) and Upload-Metadata `filename`, optional
 *    `folder`, `visibility`, `filetype`. Before the store is touched, one transaction under the caller's
 *    request role reads the workspace's rules (TOOLG, BADTY for a declared type) and inserts the pending
 *    row with the declared length, which its quota trigger reserves in the same statement (LIMIT: nothing
 *    created), exactly as an upload slot does; the owner then marks it as a tus upload
 *    (app_private.tus_uploads). The tus id is the row's storage key `<tenant id>/<file id>`; the upload
 *    URL is `/storage/v1/tus/<file id>`.
 *  - HEAD, PATCH, DELETE read the file id from the URL and the workspace from the caller's token, so
 *    another workspace's upload is not even addressable (NTFND), and the row must still be a pending tus
 *    upload. DELETE removes the stored data and the row (freeing the reservation).
 *  - Finish (the last byte): the object is read back from the backend, hashed (SHA-256) and sniffed
 *    (file-type), checked against the workspace's rules as they are now, then marked ready by the owner
 *    (file.uploaded, audited), like confirmSlot. A refusal deletes data, record and row.
 *  - Errors leave in the platform's JSON shape `{ error: { code, message } }` (onResponseError).
 *
 * Requests reach tus as web Requests (handleWeb), so each carries its verified caller in a WeakMap and
 * its body ends cleanly when the client goes away: the bytes received so far are kept, and a HEAD then
 * tells the client where to resume. The lock per upload is in memory (one server process per upload:
 * several servers need sticky routing for /storage/v1/tus, see the docs).
 */
import type { Express, NextFunction, Request, Response } from "express";
import { MemoryLocker, Server } from "@tus/server";
import { PassThrough, Readable } from "node:stream";
import { AppError, toCodedError, type CodedError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import { createTusStore, type TusStore } from "../../../core/storage/tus";
import type { VerifiedIdentity } from "../../../core/tenancy";
import type { ServerContext } from "../context";
import { clean, sniffContentType } from "./contentType";
import { UUID } from "./downloadUrls";
import { fileJson, FILE_COLUMNS } from "./fileJson";
import { storageError } from "./multipartUpload";
import { asRequestRole } from "./requestTx";
import { assertDeclaredUpload, assertTypeAllowed, MAX_FILE_SIZE, MEDIA_TYPE, readBack, readUploadRules, tooLarge, uploaderOf } from "./uploadChecks";

export const TUS_PATH = "/storage/v1/tus";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "expect"]);

interface Caller {
  req: Request;
  identity: VerifiedIdentity;
  /** The storage key of the upload this POST created, so a later failure in the same request can undo it. */
  created?: string;
}

/** tus' own refusals (plain `{ status_code, body }` objects) in our codes. */
function tusCoded(status: number, body: string | undefined): CodedError | null {
  const message = (body ?? "").trim() || "The tus request was refused.";
  if (status === 404 || status === 410) return { code: "NTFND", message: "There is no pending upload with that id in this workspace (finished, expired or deleted).", status: 404 };
  if (status === 409) return { code: "UPOFS", message: "Upload-Offset is not where the upload is; HEAD the upload URL and resume from its Upload-Offset.", status: 409 };
  if (status === 413) return { code: "TOOLG", message: "The body goes past the upload's declared Upload-Length.", status: 413 };
  if (status >= 400 && status < 500) return { code: "BADRQ", message: `${message} (tus 1.0: https://tus.io/protocols/resumable-upload)`, status };
  return null;
}

export function mountTus(app: Express, ctx: ServerContext, backend: StorageBackend): TusStore {
  const tusStore = createTusStore(ctx.config);
  const callers = new WeakMap<globalThis.Request, Caller>();
  const callerOf = (req: globalThis.Request): Caller => {
    const caller = callers.get(req);
    if (!caller) throw new AppError("LOGIN", "Sign in to upload files (send a Bearer access token).");
    return caller;
  };
  const split = (key: string) => key.split("/") as [tenantId: string, fileId: string];

  /** Data, record, marker and row: everything an upload left; deleting the row frees its reservation. */
  async function discard(caller: Caller, key: string): Promise<void> {
    const [tenantId, fileId] = split(key);
    await tusStore.forget(key, { data: true }).catch((err) => caller.req.log?.error({ err }, "storage: could not remove a tus upload's data"));
    await ctx.rootPgPool.query(
      `with m as (delete from app_private.tus_uploads where tenant_id = $1 and file_id = $2)
       delete from app_public.files where tenant_id = $1 and id = $2 and status = 'pending'`, [tenantId, fileId]);
  }

  async function create(caller: Caller, req: globalThis.Request, metadata: Record<string, string | null> = {}): Promise<string> {
    const length = req.headers.get("upload-length");
    if (length === null || !/^\d{1,13}$/.test(length) || Number(length) < 1 || Number(length) > MAX_FILE_SIZE) {
      throw new AppError("INVLD", "Send the file's exact size as Upload-Length (1 byte or more); deferred lengths are not accepted.");
    }
    const size = Number(length);
    const name = metadata.filename;
    if (typeof name !== "string") throw new AppError("INVLD", "Send the file's name as `filename` in Upload-Metadata.");
    const visibility = metadata.visibility ?? "private";
    if (visibility !== "private" && visibility !== "public") throw new AppError("INVLD", "visibility is private or public.");
    const contentType = clean(metadata.filetype ?? undefined) || "application/octet-stream";
    if (contentType.length > 255 || !MEDIA_TYPE.test(contentType)) throw new AppError("INVLD", "filetype is a MIME type such as image/png.");
    const row = await asRequestRole(ctx.authPgPool, caller.req, caller.identity, async (c) => {
      assertDeclaredUpload(await readUploadRules(c, ctx.config), size, contentType);
      // The insert's quota trigger reserves the declared length (LIMIT rolls the row back).
      return (await c.query<{ tenant_id: string; id: string; storage_key: string }>(
        `insert into app_public.files (folder, name, content_type, size_bytes, visibility) values ($1, $2, $3, $4, $5)
         returning tenant_id, id, storage_key`, [metadata.folder ?? "", name, contentType, size, visibility])).rows[0];
    });
    caller.created = row.storage_key;
    await ctx.rootPgPool.query("insert into app_private.tus_uploads (tenant_id, file_id) values ($1, $2)", [row.tenant_id, row.id]);
    return row.storage_key;
  }

  async function assertPending(key: string): Promise<void> {
    const [tenantId, fileId] = split(key);
    const { rowCount } = await ctx.rootPgPool.query(
      `select 1 from app_private.tus_uploads t join app_public.files f on f.tenant_id = t.tenant_id and f.id = t.file_id
        where t.tenant_id = $1 and t.file_id = $2 and f.status = 'pending'`, [tenantId, fileId]);
    if (!rowCount) throw new AppError("NTFND", "There is no pending upload with that id in this workspace (finished, expired or deleted).");
  }

  async function finish(caller: Caller, key: string) {
    const [tenantId, fileId] = split(key);
    const { rows: [row] } = await ctx.rootPgPool.query<{ size_bytes: string; content_type: string }>(
      "select size_bytes, content_type from app_public.files where tenant_id = $1 and id = $2 and status = 'pending'", [tenantId, fileId]);
    if (!row) throw new AppError("NTFND", "This upload no longer exists.");
    let checked: { sha256: string; type: string };
    try {
      const rules = await asRequestRole(ctx.authPgPool, caller.req, caller.identity, (c) => readUploadRules(c, ctx.config));
      const size = Number(row.size_bytes);
      if (size > rules.maxFileBytes) throw tooLarge(rules);
      // Read back from where downloads will read it (the backend's key), not from what the requests said.
      const tally = await readBack(backend, key);
      if (!tally || tally.size !== size) throw new AppError("UPMIS", `The stored upload has ${tally?.size ?? 0} bytes, not the ${size} its Upload-Length declared.`);
      const type = await sniffContentType(tally.head, row.content_type);
      assertTypeAllowed(type, rules);
      checked = { sha256: tally.sha256(), type };
    } catch (e) {
      await discard(caller, key);
      throw e;
    }
    await tusStore.forget(key, { data: false });
    const { rows } = await ctx.rootPgPool.query(
      `with m as (delete from app_private.tus_uploads where tenant_id = $1 and file_id = $2)
       update app_public.files set checksum_sha256 = $3, content_type = $4, status = 'ready', uploaded_at = now()
        where tenant_id = $1 and id = $2 and status = 'pending' returning ${FILE_COLUMNS}`,
      [tenantId, fileId, checked.sha256, checked.type]);
    if (!rows[0]) throw new AppError("NTFND", "This upload was removed while it was being checked.");
    return rows[0];
  }

  const tus = new Server({
    path: TUS_PATH,
    datastore: tusStore.store,
    locker: new MemoryLocker(),
    // CORS is not tus' business here: no Access-Control-Allow-Origin from it (same-origin console, server clients).
    allowedOrigins: () => false,
    generateUrl: (_req, { id }) => `${TUS_PATH}/${split(id)[1]}`,
    // The workspace comes from the verified token, never from the URL.
    getFileIdFromRequest: (req, last) => {
      const caller = callers.get(req);
      return caller?.identity.tenantId && last && UUID.test(last) ? `${caller.identity.tenantId}/${last}` : undefined;
    },
    namingFunction: (req, metadata) => create(callerOf(req), req, metadata ?? {}),
    onIncomingRequest: async (req, id) => {
      if (req.method !== "POST") await assertPending(id);
    },
    onUploadFinish: async (req, upload) => {
      const file = await finish(callerOf(req), upload.id);
      // tus answers a PATCH with 204 and no body; clients accept any 2xx, and this one says what became of the file.
      return { status_code: req.method === "PATCH" ? 200 : undefined, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ file: fileJson(file) }) };
    },
    onResponseError: async (req, err) => {
      const caller = callers.get(req);
      if (caller?.created && req.method === "POST") await discard(caller, caller.created);
      const e = err as { status_code?: unknown; body?: string };
      const coded = (!(err instanceof Error) && typeof e.status_code === "number" && tusCoded(e.status_code, e.body)) || toCodedError(err);
      return { status_code: coded.status, body: JSON.stringify({ error: { code: coded.code, message: coded.message } }) };
    },
  });

  /** The request body as tus reads it: ends (rather than fails) when the client goes away, keeping what arrived. */
  function gracefulBody(req: Request): ReadableStream {
    const body = new PassThrough();
    const stop = () => {
      if (req.complete) return;
      req.unpipe(body);
      body.end();
    };
    req.once("error", stop);
    req.once("close", stop);
    req.pipe(body);
    return Readable.toWeb(body) as ReadableStream;
  }

  const handle = (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      res.set("Cache-Control", "no-store");
      const identity = req.method === "OPTIONS" ? undefined : uploaderOf(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      const web = new globalThis.Request(new URL(req.originalUrl, "http://tus.internal"), {
        method: req.method, headers, ...(req.method === "PATCH" || req.method === "POST" ? { body: gracefulBody(req), duplex: "half" } : {}),
      } as RequestInit);
      const caller = identity && { req, identity };
      if (caller) callers.set(web, caller);
      const answer = await tus.handleWeb(web);
      if (caller && req.method === "DELETE" && answer.status === 204) {
        await discard(caller, `${identity!.tenantId}/${req.params.id}`);
      }
      let body = Buffer.from(await answer.arrayBuffer());
      // Header checks (400, 412) answer before tus' error hook: put those in our JSON shape too.
      if (answer.status >= 400 && body[0] !== 0x7b) {
        const coded = tusCoded(answer.status, body.toString()) ?? toCodedError(new Error(`tus answered ${answer.status}`));
        body = Buffer.from(JSON.stringify({ error: { code: coded.code, message: coded.message } }));
        answer.headers.set("Content-Length", String(body.length));
      }
      res.status(answer.status);
      answer.headers.forEach((value, name) => res.setHeader(name, value));
      if (answer.status >= 400) res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(body);
    })().catch(storageError(res, next));
  };
  app.options(TUS_PATH, handle);
  app.post(TUS_PATH, handle);
  for (const method of ["head", "patch", "delete", "options"] as const) app[method](`${TUS_PATH}/:id`, handle);
  return tusStore;
}
