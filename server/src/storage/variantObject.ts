/**
 * GET (and HEAD) of an image variant (docs/storage.md#image-variants), on both backends:
 *  - /storage/v1/object/render/sign/<tenant>/<file>?<transform>&exp=…&sig=… — any ready image, with a
 *    signature this server made for exactly that workspace, file, expiry and transform (SGBAD, SGEXP);
 *  - /storage/v1/object/render/public/<tenant>/<file>?<transform> — public images, the transform snapped
 *    to a bounded set (variants.ts).
 * The first request renders the variant and stores it under `<tenant>/<file>.variants/<hash>`; later ones
 * (and Range requests) are served from there like the original (downloadObject.ts: ETag, Range, cache
 * policy, nosniff, CSP). `X-Image-Variant: hit|miss` says which. The row is read on every request, so a
 * deleted or now-private file is not served from the cache.
 */
import type { Request, Response } from "express";
import { AppError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import type { ServerContext } from "../context";
import { handle, notFound, notModified, PUBLIC_CACHE_CONTROL, readyFile, send, signedCacheControl, type Handler, type ReadyFile } from "./downloadObject";
import { publicRenderPath, UUID, type RenderSigner } from "./downloadUrls";
import type { ImageRenderer } from "./imageRender";
import { canonicalQuery, checkSigned, OUTPUT, parseTransform, resolve, snapPublic, variantName, type Transform } from "./variants";

/** Query parameters of a render URL that are not the transform. */
const RESERVED = new Set(["exp", "sig", "download"]);

function transformOf(req: Request): Transform {
  return parseTransform(Object.fromEntries(Object.entries(req.query).filter(([k]) => !RESERVED.has(k))), true);
}

async function serveVariant(
  ctx: ServerContext, backend: StorageBackend, renderer: ImageRenderer, req: Request, res: Response,
  file: ReadyFile, ids: { tenantId: string; fileId: string }, t: Transform, cacheControl: string, extra: Record<string, string> = {},
): Promise<void> {
  const plan = resolve(t, file);
  if (!plan) throw new AppError("IMTYP", "Only JPEG, PNG, WebP, AVIF and GIF images have image variants.");
  renderer.checkInput(Number(file.size_bytes));
  const etag = `"${plan.hash}"`;
  const lastModified = new Date(file.uploaded_at).toUTCString();
  if (notModified(req, res, etag, cacheControl, lastModified)) return;
  const { size, cached } = await renderer.ensure(file.storage_key, plan).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "IMBSY") res.set("Retry-After", "1");
    throw err;
  });
  if (!cached && !(await readyFile(ctx, ids.tenantId, ids.fileId))) {
    // Deleted while it rendered: its deletion job may have run already, so this variant is removed here.
    await backend.delete(plan.key);
    throw notFound();
  }
  await send(req, res, backend, {
    key: plan.key, name: variantName(file.name, plan.format), contentType: OUTPUT[plan.format].type, size, etag, lastModified,
  }, cacheControl, { "X-Image-Variant": cached ? "hit" : "miss", ...extra });
}

export function signedRender(ctx: ServerContext, backend: StorageBackend, signer: RenderSigner, renderer: ImageRenderer): Handler {
  return handle(async (req, res) => {
    const { tenantId, fileId } = req.params;
    if (!UUID.test(tenantId) || !UUID.test(fileId)) throw notFound();
    let t: Transform;
    try {
      t = transformOf(req);
    } catch {
      // We never sign a malformed transform: such a link was altered.
      throw new AppError("SGBAD", "This image link's parameters were altered; ask for a new link.");
    }
    const exp = signer.verify(tenantId, fileId, req.query.exp, req.query.sig, Date.now(), canonicalQuery(t));
    checkSigned(t, ctx.config.storage.imageMaxDimension);
    const file = await readyFile(ctx, tenantId, fileId);
    if (!file) throw notFound();
    await serveVariant(ctx, backend, renderer, req, res, file, { tenantId, fileId }, t, signedCacheControl(exp));
  });
}

export function publicRender(ctx: ServerContext, backend: StorageBackend, renderer: ImageRenderer): Handler {
  return handle(async (req, res) => {
    const { tenantId, fileId } = req.params;
    if (!UUID.test(tenantId) || !UUID.test(fileId)) throw notFound();
    if (req.query.exp !== undefined || req.query.sig !== undefined) throw new AppError("IMARG", "A public image URL takes no exp or sig.");
    const t = snapPublic(transformOf(req), ctx.config.storage.imageMaxDimension);
    const file = await readyFile(ctx, tenantId, fileId);
    if (!file || file.visibility !== "public") throw notFound();
    // The variant actually served, for a client (or a cache) that asked with unsnapped parameters.
    await serveVariant(ctx, backend, renderer, req, res, file, { tenantId, fileId }, t, PUBLIC_CACHE_CONTROL, {
      "Content-Location": publicRenderPath(tenantId, fileId, canonicalQuery(t)),
    });
  });
}
