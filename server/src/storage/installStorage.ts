/**
 * File storage routes (docs/storage.md), after authentication and rate limits; no body parser runs in
 * front of them (uploads stream; the download-URL route parses its own small JSON body). The backend is
 * chosen once from configuration (STORAGE_BACKEND).
 */
import type { Express } from "express";
import { getContext } from "../context";
import { createStorageBackend, type StorageBackend } from "../../../core/storage";
import type { AuthDeps } from "../identity/sessions";
import { multipartUpload } from "./multipartUpload";
import { publicDownload, signedDownload } from "./downloadObject";
import { downloadUrl, downloadUrlBody } from "./downloadUrlRoute";
import { DownloadSigner, PathSigner, PUBLIC_PREFIX, RENDER_PUBLIC_PREFIX, RENDER_SIGNED_PREFIX, RenderSigner, SIGNED_PREFIX } from "./downloadUrls";
import { ImageRenderer } from "./imageRender";
import { publicRender, signedRender } from "./variantObject";
import { localUpload, UPLOAD_LABEL, UPLOAD_PREFIX } from "./localUpload";
import { confirmSlot, createSlot, slotBody } from "./uploadSlots";
import { mountTus } from "./tusUpload";

export function getStorageBackend(app: Express): StorageBackend {
  const backend = app.locals.storageBackend as StorageBackend | undefined;
  if (!backend) throw new Error("Storage backend requested before installStorage ran");
  return backend;
}

export function getDownloadSigner(app: Express): DownloadSigner {
  const signer = app.locals.downloadSigner as DownloadSigner | undefined;
  if (!signer) throw new Error("Download signer requested before installStorage ran");
  return signer;
}

export default function installStorage(app: Express): void {
  const ctx = getContext(app);
  const backend = createStorageBackend(ctx.config);
  app.locals.storageBackend = backend;
  // The signing key is derived from the refresh-token secret that installAuth loaded (downloadUrls.ts).
  const auth = app.locals.authDeps as AuthDeps | undefined;
  if (!auth) throw new Error("installStorage must run after installAuth");
  const signer = new DownloadSigner(auth.tokens.keys.refreshSecret);
  app.locals.downloadSigner = signer;
  // Upload slots' local URLs: same derivation, another label, so upload and download signatures never mix.
  const uploadSigner = new PathSigner(auth.tokens.keys.refreshSecret, UPLOAD_LABEL, UPLOAD_PREFIX, "upload");
  app.locals.uploadSigner = uploadSigner;
  app.post("/storage/v1/files", multipartUpload(ctx, backend));
  app.post("/storage/v1/files/slots", slotBody, createSlot(ctx, backend, uploadSigner));
  app.post("/storage/v1/files/:id/confirm", confirmSlot(ctx, backend));
  // Resumable uploads (tus 1.0): POST, HEAD, PATCH, DELETE under /storage/v1/tus (tusUpload.ts).
  app.locals.tusStore = mountTus(app, ctx, backend);
  // Only the local backend takes slot bytes itself; S3 slots PUT to the bucket through presigned URLs.
  if (backend.kind === "local") app.put(`${UPLOAD_PREFIX}/:tenantId/:fileId`, localUpload(ctx, backend, uploadSigner));
  // Image variants (variantObject.ts): their own signing label, so render and download links never mix.
  const renderSigner = new RenderSigner(auth.tokens.keys.refreshSecret);
  const renderer = new ImageRenderer(backend, ctx.config.storage);
  app.post("/storage/v1/files/:id/url", downloadUrlBody, downloadUrl(ctx, signer, renderSigner));
  app.get(`${RENDER_SIGNED_PREFIX}/:tenantId/:fileId`, signedRender(ctx, backend, renderSigner, renderer));
  app.get(`${RENDER_PUBLIC_PREFIX}/:tenantId/:fileId`, publicRender(ctx, backend, renderer));
  app.get(`${SIGNED_PREFIX}/:tenantId/:fileId`, signedDownload(ctx, backend, signer));
  app.get(`${PUBLIC_PREFIX}/:tenantId/:fileId`, publicDownload(ctx, backend));
}
