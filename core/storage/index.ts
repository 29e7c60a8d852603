/**
 * Picks the storage backend from configuration (STORAGE_BACKEND, docs/storage.md). `local` is the default
 * so `npm start` works with nothing but Node; `s3` needs S3_BUCKET, and refuses to start without it rather
 * than failing on the first upload.
 */
import path from "node:path";
import type { Config } from "../config";
import type { StorageBackend } from "./backend";
import { LocalBackend } from "./local";
import { S3Backend } from "./s3";

export type { ByteRange, ObjectHead, PresignPutOptions, StorageBackend } from "./backend";
export { assertFileKey, assertKey, presignedPutHeaders, SLOT_CLEANUP_MARGIN_SECONDS, UPLOAD_SLOT_SECONDS, variantKey, VARIANTS_SUFFIX } from "./backend";
export { LocalBackend } from "./local";
export { S3Backend } from "./s3";

export function createStorageBackend(config: Pick<Config, "storage" | "dataDir">): StorageBackend {
  const s = config.storage;
  if (s.backend === "s3") {
    if (!s.s3Bucket) throw new Error("STORAGE_BACKEND=s3 needs S3_BUCKET.");
    return new S3Backend({
      bucket: s.s3Bucket, region: s.s3Region, endpoint: s.s3Endpoint, accessKeyId: s.s3AccessKeyId,
      secretAccessKey: s.s3SecretAccessKey, forcePathStyle: s.s3ForcePathStyle,
    });
  }
  return new LocalBackend(s.localDir ? path.resolve(s.localDir) : path.join(config.dataDir, "storage"));
}
