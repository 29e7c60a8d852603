/**
 * The tus store of each storage backend (docs/storage.md#resumable-uploads-tus), shared by the server
 * (server/src/storage/tusUpload.ts) and the worker (storage__expire_slots). An upload's tus id is its
 * file's storage key, `<tenant id>/<file id>`, so the finished object is where the backend keeps it and
 * downloads work unchanged:
 *
 *  - local: @tus/file-store in the backend's own folder. The data grows in place at `<root>/<key>` (only a
 *    ready row is ever served) and the store's record is `<root>/<key>.json`.
 *  - s3: @tus/s3-store, an S3 multipart upload of the key itself; the store's record is `<key>.info`, a
 *    tail shorter than a part waits in `<key>.part`.
 *
 * S3Store finds the parts already uploaded with ListParts, and removes uploads with
 * AbortMultipartUpload. Not every S3-compatible server has them (s3rver, which the tests run, has
 * neither; it does have CreateMultipartUpload, UploadPart and CompleteMultipartUpload), so
 * PartListS3Store records each part it uploads as an empty marker object whose key holds the part's
 * number, size and ETag (`<key>.parts/<number>.<size>.<etag>`) and lists those instead of ListParts, on
 * every server alike; an abort the server does not implement is skipped (the parts then stay until the
 * bucket's lifecycle rule for incomplete multipart uploads removes them).
 */
import { FileStore } from "@tus/file-store";
import { S3Store } from "@tus/s3-store";
import type { DataStore } from "@tus/server";
import type { Part } from "@aws-sdk/client-s3";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config";
import { assertFileKey } from "./backend";

/** How long a tus upload may take from creation: the stores answer 410 after it, the worker removes it SLOT_CLEANUP_MARGIN_SECONDS later. */
export const TUS_UPLOAD_SECONDS = 24 * 3600;

export interface TusStore {
  readonly store: DataStore;
  /** Removes the store's record of the upload (and, with data, its bytes too); missing pieces are not an error. */
  forget(key: string, opts: { data: boolean }): Promise<void>;
}

const PARTS = ".parts/";
const unimplemented = (err: unknown) => {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return ["NotImplemented", "MethodNotAllowed"].includes(e?.name ?? e?.Code ?? "") || e?.$metadata?.httpStatusCode === 405 || e?.$metadata?.httpStatusCode === 501;
};
const missing = (err: unknown) => ["NoSuchKey", "NoSuchUpload", "NotFound"].includes((err as { name?: string })?.name ?? "");

/** `<key>.parts/<number>.<size>.<etag>`: everything CompleteMultipartUpload needs, in one listing. */
const markerKey = (key: string, partNumber: number, size: number, etag: string) =>
  `${key}${PARTS}${String(partNumber).padStart(5, "0")}.${size}.${encodeURIComponent(etag.replace(/"/g, ""))}`;

export class PartListS3Store extends S3Store {
  private readonly bucketName: string;

  constructor(options: ConstructorParameters<typeof S3Store>[0]) {
    super(options);
    this.bucketName = options.s3ClientConfig.bucket;
  }

  protected override async uploadPart(metadata: Parameters<S3Store["uploadPart"]>[0], body: Parameters<S3Store["uploadPart"]>[1], partNumber: number): Promise<string> {
    const size = Buffer.isBuffer(body) ? body.length : (await fs.stat((body as { path: string }).path)).size;
    const etag = await super.uploadPart(metadata, body, partNumber);
    await this.client.putObject({ Bucket: this.bucketName, Key: markerKey(metadata.file.id, partNumber, size, etag ?? ""), Body: Buffer.alloc(0), ContentLength: 0 });
    return etag;
  }

  protected override async retrieveParts(id: string): Promise<Part[]> {
    const parts: Part[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.listObjectsV2({ Bucket: this.bucketName, Prefix: `${id}${PARTS}`, ContinuationToken: token });
      for (const o of out.Contents ?? []) {
        const m = /^(\d+)\.(\d+)\.(.*)$/.exec(o.Key!.slice(id.length + PARTS.length));
        if (m) parts.push({ PartNumber: Number(m[1]), Size: Number(m[2]), ETag: `"${decodeURIComponent(m[3])}"` });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return parts.sort((a, b) => a.PartNumber! - b.PartNumber!);
  }

  /** tus DELETE (termination): the same tolerant removal, bytes included. */
  override async remove(id: string): Promise<void> {
    await this.forget(id, { data: true });
  }

  /** Tolerant counterpart of remove(): nothing missing is an error, and an unimplemented abort is skipped. */
  async forget(key: string, opts: { data: boolean }): Promise<void> {
    if (opts.data) {
      const uploadId = await this.getMetadata(key).then((m) => m["upload-id"], () => undefined);
      if (uploadId) {
        await this.client.abortMultipartUpload({ Bucket: this.bucketName, Key: key, UploadId: uploadId }).catch((err: unknown) => {
          if (!unimplemented(err) && !missing(err)) throw err;
        });
      }
    }
    const markers = (await this.retrieveParts(key)).map((p) => markerKey(key, p.PartNumber!, p.Size!, p.ETag!));
    const keys = [`${key}.info`, `${key}.part`, ...markers, ...(opts.data ? [key] : [])];
    for (const k of keys) await this.client.deleteObject({ Bucket: this.bucketName, Key: k });
    await this.clearCache(key);
  }
}

class LocalTusStore implements TusStore {
  readonly store: FileStore;

  constructor(private readonly root: string) {
    this.store = new FileStore({ directory: root, expirationPeriodInMilliseconds: TUS_UPLOAD_SECONDS * 1000 });
  }

  async forget(key: string, opts: { data: boolean }): Promise<void> {
    assertFileKey(key);
    const file = path.join(this.root, ...key.split("/"));
    await fs.rm(`${file}.json`, { force: true });
    if (opts.data) await fs.rm(file, { force: true });
  }
}

class S3TusStore implements TusStore {
  constructor(readonly store: PartListS3Store) {}

  forget(key: string, opts: { data: boolean }): Promise<void> {
    assertFileKey(key);
    return this.store.forget(key, opts);
  }
}

/** The tus store for the configured backend (the same folder or bucket createStorageBackend uses). */
export function createTusStore(config: Pick<Config, "storage" | "dataDir">): TusStore {
  const s = config.storage;
  if (s.backend === "s3") {
    if (!s.s3Bucket) throw new Error("STORAGE_BACKEND=s3 needs S3_BUCKET.");
    return new S3TusStore(new PartListS3Store({
      expirationPeriodInMilliseconds: TUS_UPLOAD_SECONDS * 1000,
      // Expiry is ours (storage__expire_slots), not object tags, which not every S3-compatible server keeps.
      useTags: false,
      s3ClientConfig: {
        bucket: s.s3Bucket, region: s.s3Region, endpoint: s.s3Endpoint, forcePathStyle: s.s3ForcePathStyle,
        credentials: s.s3AccessKeyId && s.s3SecretAccessKey ? { accessKeyId: s.s3AccessKeyId, secretAccessKey: s.s3SecretAccessKey } : undefined,
        // As in core/storage/s3.ts: no default CRC32 trailers, which not every S3-compatible server understands.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      },
    }));
  }
  return new LocalTusStore(s.localDir ? path.resolve(s.localDir) : path.join(config.dataDir, "storage"));
}
