/**
 * PUT /storage/v1/upload/<tenant id>/<file id>?exp=…&sig=… — where an upload slot's bytes go on the
 * local-disk backend (uploadSlots.ts hands out the URL; S3 slots get a presigned S3 PUT instead). The URL
 * is the authorization: signed like download links (downloadUrls.ts) but with its own key label, so a
 * download signature never opens an upload and the reverse; checked before any query (SGBAD, SGEXP).
 *
 * It holds the same line S3 holds for a presigned PUT with signed Content-Length and SHA-256: the body may
 * not exceed the slot's size (TOOLG, cut off while streaming) and must have the slot's exact size and
 * SHA-256 (UPMIS), else nothing is stored (the backend writes to a temporary name and renames only a
 * complete, verified body). Only a pending slot accepts bytes (NTFND otherwise). Confirm still reads the
 * object back and checks everything, whichever backend holds it.
 */
import type { NextFunction, Request, Response } from "express";
import { Readable } from "node:stream";
import { AppError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import type { ServerContext } from "../context";
import { UUID, type PathSigner } from "./downloadUrls";
import { storageError } from "./multipartUpload";
import { ByteTally } from "./uploadChecks";

export const UPLOAD_PREFIX = "/storage/v1/upload";
export const UPLOAD_LABEL = "logicspike:storage-upload-url:v1";

export function localUpload(ctx: ServerContext, backend: StorageBackend, signer: PathSigner) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      res.set("Cache-Control", "no-store");
      const { tenantId, fileId } = req.params;
      signer.verify(tenantId, fileId, req.query.exp, req.query.sig);
      if (!UUID.test(tenantId) || !UUID.test(fileId)) throw new AppError("SGBAD", "This upload link is malformed.");
      const { rows } = await ctx.rootPgPool.query<{ size_bytes: string; checksum_sha256: string | null; storage_key: string }>(
        "select size_bytes, checksum_sha256, storage_key from app_public.files where tenant_id = $1 and id = $2 and status = 'pending'",
        [tenantId, fileId]);
      const slot = rows[0];
      if (!slot) throw new AppError("NTFND", "There is no pending upload slot for this link (it was confirmed, expired or deleted).");
      const size = Number(slot.size_bytes);
      const declared = req.get("content-length");
      if (declared !== undefined && Number(declared) > size) {
        throw new AppError("TOOLG", `This upload slot takes exactly ${size} bytes.`);
      }
      // Counted and hashed on the way to the backend; a throw here aborts the write (nothing is renamed into place).
      async function* verified(body: AsyncIterable<Buffer>) {
        const tally = new ByteTally();
        for await (const chunk of body) {
          tally.add(chunk);
          if (tally.size > size) throw new AppError("TOOLG", `This upload slot takes exactly ${size} bytes.`);
          yield chunk;
        }
        if (tally.size !== size) throw new AppError("UPMIS", `The body has ${tally.size} bytes; this upload slot takes exactly ${size}.`);
        if (tally.sha256() !== slot.checksum_sha256) throw new AppError("UPMIS", "The body does not match this upload slot's SHA-256.");
      }
      try {
        await backend.put(slot.storage_key, Readable.from(verified(req)));
      } catch (e) {
        req.resume();
        throw e;
      }
      res.status(200).json({ sizeBytes: size });
    })().catch(storageError(res, next));
  };
}
