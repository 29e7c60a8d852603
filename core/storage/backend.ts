/**
 * The one interface both storage backends implement (local disk, S3-compatible). Keys are always
 * `<tenant id>/<file id>` (app_public.files.storage_key, derived in SQL from the row), never a client's
 * file name; assertKey refuses anything else before a backend touches a path or a URL.
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
  presignPut(key: string, opts: { expiresIn: number; contentType?: string }): Promise<string | null>;
  presignGet(key: string, opts: { expiresIn: number; contentDisposition?: string }): Promise<string | null>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Throws unless key is `<uuid>/<uuid>`: the only shape a storage key has, so no traversal can reach a backend. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`storage: refusing a key that is not <tenant id>/<file id>: ${JSON.stringify(key)}`);
}
