/**
 * POST /storage/v1/files — a small file as multipart/form-data: optional fields `folder`, `name`,
 * `visibility` first, then one `file` part. The order of work is what keeps bad input from storing or
 * charging anything:
 *  1. the pending row is inserted under the caller's request role (RLS: workspace, storage:files.write;
 *     BADNM for names, NUNIQ for a taken name) before a byte is stored; it gives the storage key;
 *  2. the bytes stream to the backend through a counter, a SHA-256 and a sniffing buffer; busboy cuts the
 *     stream at the size limit (TOOLG), so an oversized body is never stored whole;
 *  3. one owner transaction sets size, checksum, the sniffed type and `ready`; its quota trigger reserves
 *     the bytes on storage.bytes and refuses past storage_mb (LIMIT), atomically with the row.
 * Any failure after step 1 deletes the object and the row (which releases what was reserved).
 */
import busboy from "busboy";
import type { NextFunction, Request, Response } from "express";
import { Transform, type Readable } from "node:stream";
import { AppError } from "../../../core/errors";
import type { ServerContext } from "../context";
import type { StorageBackend } from "../../../core/storage";
import { sniffContentType } from "./contentType";
import { assertTypeAllowed, ByteTally, readUploadRules, tooLarge, uploaderOf } from "./uploadChecks";
import { fileJson, FILE_COLUMNS } from "./fileJson";
import { asRequestRole } from "./requestTx";

interface Part {
  fields: Record<string, string>;
  stream: Readable;
  filename: string;
  mimeType: string;
}

/** Resolves at the file part (fields before it are collected); rejects on malformed bodies. */
function firstFile(req: Request, limit: number): Promise<Part> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: limit } });
    } catch {
      reject(new AppError("BADRQ", "Send the file as multipart/form-data."));
      return;
    }
    const fields: Record<string, string> = {};
    bb.on("field", (name, value) => (fields[name] = value));
    bb.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      resolve({ fields, stream, filename: info.filename ?? "", mimeType: info.mimeType });
    });
    bb.on("error", () => reject(new AppError("BADRQ", "The multipart body is malformed.")));
    bb.on("close", () => reject(new AppError("BADRQ", "The multipart body has no `file` part.")));
    req.pipe(bb);
  });
}

export function multipartUpload(ctx: ServerContext, backend: StorageBackend) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const identity = uploaderOf(req);
      if (!req.is("multipart/form-data")) throw new AppError("BADRQ", "Send the file as multipart/form-data.");
      const rules = await asRequestRole(ctx.authPgPool, req, identity, (c) => readUploadRules(c, ctx.config));
      const part = await firstFile(req, rules.maxFileBytes);
      const visibility = part.fields.visibility ?? "private";
      if (visibility !== "private" && visibility !== "public") {
        part.stream.resume();
        throw new AppError("INVLD", "visibility is private or public.");
      }
      // 1. The pending row, under the caller's role; nothing is stored yet.
      let row: { id: string; storage_key: string };
      try {
        row = await asRequestRole(ctx.authPgPool, req, identity, async (c) =>
          (await c.query("insert into app_public.files (folder, name, size_bytes, visibility) values ($1, $2, 0, $3) returning id, storage_key",
            [part.fields.folder ?? "", part.fields.name ?? part.filename, visibility])).rows[0]);
      } catch (e) {
        part.stream.resume();
        throw e;
      }
      try {
        // 2. Stream, counting, hashing and keeping the first bytes for sniffing.
        const tally = new ByteTally();
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            tally.add(chunk);
            done(null, chunk);
          },
        });
        part.stream.once("error", (e) => tap.destroy(e));
        const size = await backend.put(row.storage_key, part.stream.pipe(tap));
        if ((part.stream as Readable & { truncated?: boolean }).truncated) throw tooLarge(rules);
        const type = await sniffContentType(tally.head, part.mimeType);
        assertTypeAllowed(type, rules);
        // 3. Ready, with the bytes reserved against the quota in the same statement's trigger.
        const { rows } = await ctx.rootPgPool.query(
          `update app_public.files set size_bytes = $3, checksum_sha256 = $4, content_type = $5, status = 'ready', uploaded_at = now()
            where tenant_id = $1 and id = $2 returning ${FILE_COLUMNS}`,
          [identity.tenantId, row.id, size, tally.sha256(), type]);
        res.status(201).json({ file: fileJson(rows[0]) });
      } catch (e) {
        part.stream.resume();
        await backend.delete(row.storage_key).catch((err) => req.log?.error({ err }, "storage: could not remove a failed upload's object"));
        await ctx.rootPgPool.query("delete from app_public.files where tenant_id = $1 and id = $2", [identity.tenantId, row.id]);
        throw e;
      }
    })().catch(storageError(res, next));
  };
}

/** The shared error handler folds every 413 into TOOBG (the request body limit); storage routes keep their own TOOLG. */
export const storageError = (res: Response, next: NextFunction) => (e: unknown) => {
  if (e instanceof AppError && e.code === "TOOLG" && !res.headersSent) res.status(413).json({ error: { code: e.code, message: e.message } });
  else next(e);
};
