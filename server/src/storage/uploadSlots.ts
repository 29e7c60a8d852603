/**
 * Presigned upload slots (docs/storage.md#presigned-upload-slots): the client declares a file, uploads
 * its bytes straight to the URL it gets back, then confirms.
 *
 *  - POST /storage/v1/files/slots `{ name, folder?, contentType?, sizeBytes, checksumSha256, visibility? }`
 *    inserts the pending row under the caller's request role (RLS, BADNM, NUNIQ) with its declared size;
 *    the row's quota trigger reserves those bytes in the same statement (LIMIT, nothing created). The
 *    workspace's size limit (TOOLG) and MIME allow-list (BADTY, for a declared type) apply first. The
 *    answer carries the upload URL: an S3 presigned PUT binding length and SHA-256, or on local disk a
 *    URL to this server's PUT /storage/v1/upload/… signed like download links (localUpload.ts), both
 *    valid UPLOAD_SLOT_SECONDS.
 *  - POST /storage/v1/files/:id/confirm reads the stored object back, checks its size and SHA-256 against
 *    the slot (UPMIS) and sniffs its real type (BADTY), then marks it ready (file.uploaded). A refused
 *    object is deleted with its row, which frees the reservation. No object yet: UPNON, the slot stays.
 *    Confirming a ready file answers it again (idempotent). Another workspace's file: NTFND.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { AppError } from "../../../core/errors";
import { presignedPutHeaders, UPLOAD_SLOT_SECONDS, type StorageBackend } from "../../../core/storage";
import type { ServerContext } from "../context";
import { clean, sniffContentType } from "./contentType";
import { UUID, type PathSigner } from "./downloadUrls";
import { fileJson, FILE_COLUMNS } from "./fileJson";
import { storageError } from "./multipartUpload";
import { asRequestRole } from "./requestTx";
import { assertDeclaredUpload, assertTypeAllowed, MAX_FILE_SIZE, MEDIA_TYPE, readBack, readUploadRules, tooLarge, uploaderOf } from "./uploadChecks";

export const slotBody = express.json({ limit: 4096 });

export function createSlot(ctx: ServerContext, backend: StorageBackend, uploadSigner: PathSigner) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      res.set("Cache-Control", "no-store");
      const identity = uploaderOf(req);
      const b = (req.body ?? {}) as Record<string, unknown>;
      if (typeof b.name !== "string") throw new AppError("INVLD", "name is the file's name (a string).");
      if (b.folder !== undefined && typeof b.folder !== "string") throw new AppError("INVLD", "folder is a string.");
      if (!Number.isSafeInteger(b.sizeBytes) || (b.sizeBytes as number) < 0 || (b.sizeBytes as number) > MAX_FILE_SIZE) {
        throw new AppError("INVLD", "sizeBytes is the file's exact size in bytes (a whole number).");
      }
      if (typeof b.checksumSha256 !== "string" || !/^[0-9a-fA-F]{64}$/.test(b.checksumSha256)) {
        throw new AppError("INVLD", "checksumSha256 is the SHA-256 of the bytes in hex (64 characters).");
      }
      if (b.contentType !== undefined && typeof b.contentType !== "string") throw new AppError("INVLD", "contentType is a MIME type.");
      const contentType = clean(b.contentType as string | undefined) || "application/octet-stream";
      if (contentType.length > 255 || !MEDIA_TYPE.test(contentType)) throw new AppError("INVLD", "contentType is a MIME type such as image/png.");
      const visibility = b.visibility ?? "private";
      if (visibility !== "private" && visibility !== "public") throw new AppError("INVLD", "visibility is private or public.");
      const size = b.sizeBytes as number;
      const checksum = b.checksumSha256.toLowerCase();

      const row = await asRequestRole(ctx.authPgPool, req, identity, async (c) => {
        // A declared type is checked now; the sniffed one is checked again on confirm.
        assertDeclaredUpload(await readUploadRules(c, ctx.config), size, contentType);
        // The insert's quota trigger reserves size bytes (LIMIT rolls the row back).
        return (await c.query(
          `insert into app_public.files (folder, name, content_type, size_bytes, checksum_sha256, visibility)
           values ($1, $2, $3, $4, $5, $6) returning ${FILE_COLUMNS}, tenant_id, storage_key`,
          [b.folder ?? "", b.name, contentType, size, checksum, visibility])).rows[0];
      });
      try {
        const exp = Math.floor(Date.now() / 1000) + UPLOAD_SLOT_SECONDS;
        const opts = { expiresIn: UPLOAD_SLOT_SECONDS, contentType, contentLength: size, checksumSha256: checksum };
        const presigned = await backend.presignPut(row.storage_key, opts);
        // Our own URL checks length and SHA-256 against the row, so it needs no checksum header (nor a CORS preflight for one).
        const upload = presigned
          ? { url: presigned, headers: presignedPutHeaders(opts) }
          : { url: `${ctx.config.publicUrl.replace(/\/$/, "")}${uploadSigner.signedPath(row.tenant_id, row.id, exp)}`, headers: { "Content-Type": contentType } };
        res.status(201).json({ file: fileJson(row), upload: { ...upload, method: "PUT", expiresAt: new Date(exp * 1000).toISOString() } });
      } catch (e) {
        await ctx.rootPgPool.query("delete from app_public.files where tenant_id = $1 and id = $2", [row.tenant_id, row.id]);
        throw e;
      }
    })().catch(storageError(res, next));
  };
}

interface SlotRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  storage_key: string;
  status: "pending" | "ready";
  size_bytes: string;
  checksum_sha256: string | null;
  content_type: string;
}

export function confirmSlot(ctx: ServerContext, backend: StorageBackend) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      res.set("Cache-Control", "no-store");
      const identity = uploaderOf(req);
      const id = req.params.id;
      const lookup = async () => (UUID.test(id)
        ? await asRequestRole(ctx.authPgPool, req, identity, async (c) => {
          const row = (await c.query<SlotRow>(`select ${FILE_COLUMNS}, tenant_id, storage_key from app_public.files where id = $1`, [id])).rows[0];
          return row ? { row, rules: await readUploadRules(c, ctx.config) } : null;
        })
        : null);
      const found = await lookup();
      if (!found) throw new AppError("NTFND", "There is no upload slot or file with that id in this workspace.");
      const { row, rules } = found;
      if (row.status === "ready") {
        res.json({ file: fileJson(row) });
        return;
      }
      // The size from the backend's metadata first, so a wrong-sized object is refused without reading it.
      const head = await backend.head(row.storage_key);
      if (!head) throw new AppError("UPNON", "Nothing has been uploaded to this slot yet; PUT the bytes to its upload URL first.");
      let type: string;
      try {
        // The workspace's rules as they are now (a slot can be older than a change of them, or come from createFile).
        if (head.size > rules.maxFileBytes) throw tooLarge(rules);
        if (head.size !== Number(row.size_bytes)) {
          throw new AppError("UPMIS", `The uploaded object has ${head.size} bytes, not the ${row.size_bytes} the slot declared.`);
        }
        const stored = await readBack(backend, row.storage_key);
        if (!stored || stored.size !== head.size) throw new AppError("UPMIS", "The uploaded object changed while it was being checked.");
        if (stored.sha256() !== row.checksum_sha256) throw new AppError("UPMIS", "The uploaded bytes do not match the slot's SHA-256.");
        type = await sniffContentType(stored.head, row.content_type);
        assertTypeAllowed(type, rules);
      } catch (e) {
        // Refused: the object and the row go, and deleting the row releases its reserved bytes.
        await backend.delete(row.storage_key).catch((err) => req.log?.error({ err }, "storage: could not remove a refused upload's object"));
        await ctx.rootPgPool.query("delete from app_public.files where tenant_id = $1 and id = $2 and status = 'pending'", [row.tenant_id, row.id]);
        throw e;
      }
      const { rows } = await ctx.rootPgPool.query(
        `update app_public.files set content_type = $3, status = 'ready', uploaded_at = now()
          where tenant_id = $1 and id = $2 and status = 'pending' returning ${FILE_COLUMNS}`,
        [row.tenant_id, row.id, type]);
      // Zero rows: a concurrent confirm won (answer its ready file) or the slot was removed meanwhile.
      const file = rows[0] ?? (await lookup())?.row;
      if (!file || file.status !== "ready") throw new AppError("NTFND", "This upload slot no longer exists.");
      res.json({ file: fileJson(file) });
    })().catch(storageError(res, next));
  };
}
