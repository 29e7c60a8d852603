/**
 * The one interface both storage backends implement (local disk, S3-compatible). Keys are always
 * `<tenant id>/<file id>` (app_public.files.storage_key, derived in SQL from the row), never a client's
 * file name, or a cached image variant of one, `<tenant id>/<file id>.variants/<sha-256 hex>`; assertKey
 * refuses anything else before a backend touches a path or a URL.
 */
import type { Readable } from "node:stream";

/** Inclusive byte range, as in an HTTP `Range: bytes=start-end` header (already checked against the size). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
}

/**
 * How long an upload slot's URL is valid (docs/storage.md#presigned-upload-slots). A slot still pending
 * SLOT_CLEANUP_MARGIN_SECONDS after that is abandoned: storage__expire_slots deletes it (freeing its
 * reservation and queueing its object's deletion).
 */
export const UPLOAD_SLOT_SECONDS = 900;
export const SLOT_CLEANUP_MARGIN_SECONDS = 3600;

/**
 * What a presigned PUT binds besides the key and lifetime. The client must send exactly these as headers:
 * `Content-Type: contentType`, `Content-Length: contentLength` and, with a checksum,
 * `x-amz-checksum-sha256: <the SHA-256 in base64>` (presignedPutHeaders).
 */
export interface PresignPutOptions {
  expiresIn: number;
  contentType?: string;
  contentLength?: number;
  /** SHA-256 of the bytes, lowercase hex. */
  checksumSha256?: string;
}

/** The headers a client sends with a PUT to a presigned URL made with opts (fetch sets Content-Length itself). */
export function presignedPutHeaders(opts: PresignPutOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (opts.contentType) headers["Content-Type"] = opts.contentType;
  if (opts.checksumSha256) headers["x-amz-checksum-sha256"] = Buffer.from(opts.checksumSha256, "hex").toString("base64");
  return headers;
}

export interface StorageBackend {
  readonly kind: "local" | "s3";
  /** Stores the stream under key (replacing any object there); resolves to the number of bytes written. */
  put(key: string, body: Readable, opts?: { contentType?: string }): Promise<number>;
  /** The object's bytes, or the given range of them; null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null>;
  /** Size (and stored type) without the bytes; null when there is no such object. */
  head(key: string): Promise<ObjectHead | null>;
  /** Removes the object; deleting a missing object is not an error (so retried deletes are safe). */
  delete(key: string): Promise<void>;
  /**
   * A URL the client can PUT the bytes to (or GET them from) directly, valid for expiresIn seconds; null
   * when the backend has no URLs of its own (local disk: the server signs URLs to its own routes instead).
   */
  presignPut(key: string, opts: PresignPutOptions): Promise<string | null>;
  presignGet(key: string, opts: { expiresIn: number; contentDisposition?: string }): Promise<string | null>;
  /**
   * Removes every image variant of the file stored at key (the objects under `variantKey(key, …)`); none
   * is not an error. The worker calls it with the object's own deletion (storage__delete_object).
   */
  deleteVariants(key: string): Promise<void>;
}

const UUID_PAIR = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^${UUID_PAIR}$`);
/** The cached image variants of a file (server/src/storage/variants.ts): `<tenant id>/<file id>.variants/<sha-256 hex>`. */
const VARIANT_KEY = new RegExp(`^${UUID_PAIR}\\.variants\\/[0-9a-f]{64}$`);
export const VARIANTS_SUFFIX = ".variants/";

/**
 * Throws unless key is `<uuid>/<uuid>`, or one of its variants `<uuid>/<uuid>.variants/<64 hex>`: the only
 * shapes a storage key has, so no traversal can reach a backend.
 */
export function assertKey(key: string): void {
  if (!KEY.test(key) && !VARIANT_KEY.test(key)) throw new Error(`storage: refusing a key that is not <tenant id>/<file id>: ${JSON.stringify(key)}`);
}

/** Throws unless key is a file's own key `<uuid>/<uuid>` (not a variant's). */
export function assertFileKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`storage: refusing a key that is not <tenant id>/<file id>: ${JSON.stringify(key)}`);
}

/** Where the variant with this hash (64 hex: what the transform and the original's bytes hash to) of the file at key is cached. */
export function variantKey(key: string, hash: string): string {
  const v = `${key}${VARIANTS_SUFFIX}${hash}`;
  assertKey(v);
  return v;
}
