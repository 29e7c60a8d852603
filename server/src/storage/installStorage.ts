/**
 * File storage routes (docs/storage.md), after authentication and rate limits; no body parser runs in
 * front of them (they stream). The backend is chosen once from configuration (STORAGE_BACKEND).
 */
import type { Express } from "express";
import { getContext } from "../context";
import { createStorageBackend, type StorageBackend } from "../../../core/storage";
import { multipartUpload } from "./multipartUpload";

export function getStorageBackend(app: Express): StorageBackend {
  const backend = app.locals.storageBackend as StorageBackend | undefined;
  if (!backend) throw new Error("Storage backend requested before installStorage ran");
  return backend;
}

export default function installStorage(app: Express): void {
  const ctx = getContext(app);
  const backend = createStorageBackend(ctx.config);
  app.locals.storageBackend = backend;
  app.post("/storage/v1/files", multipartUpload(ctx, backend));
}
