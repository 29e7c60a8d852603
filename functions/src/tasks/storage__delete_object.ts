import { assertFileKey, createStorageBackend, type StorageBackend } from "../../../core/storage";
import type { Config } from "../../../core/config";
import { defineTask } from "../lib/task";

interface Payload {
  key: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  const key = (p as Payload | null)?.key;
  if (typeof key !== "string") throw new Error("storage__delete_object: invalid payload");
  assertFileKey(key); // `<tenant id>/<file id>`, nothing else: a job can never name a path outside the store
}

/** One backend per worker process and configuration (the S3 client keeps its connections). */
const backends = new WeakMap<Config, StorageBackend>();
function backendFor(config: Config): StorageBackend {
  let backend = backends.get(config);
  if (!backend) backends.set(config, (backend = createStorageBackend(config)));
  return backend;
}

/**
 * Deletes a file's stored bytes after its row was deleted (queued by app_public.files' _900_delete_object
 * trigger in the deleting transaction). A missing object counts as deleted, so a retried or repeated job is
 * harmless; a backend error throws, and graphile-worker retries with backoff (max 25 attempts), so a
 * committed delete's bytes are never forgotten. The file's cached image variants (`<key>.variants/…`,
 * docs/storage.md#image-variants) go in the same job, after the object: a variant is only rendered from
 * a ready row, so none can appear once the row is gone (a render already under way when the row was
 * deleted may still store one; a variant left that way is never served, since every request reads the row).
 */
const task = defineTask(async (payload, _helpers, config) => {
  assertPayload(payload);
  const backend = backendFor(config);
  await backend.delete(payload.key);
  await backend.deleteVariants(payload.key);
});

export default task;
