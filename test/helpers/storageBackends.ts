/**
 * The two storage backends every storage test runs over: local disk in a throwaway folder, and S3
 * through a real s3rver process (test/helpers/s3.ts). `useStorageBackends` registers the hooks that
 * start and remove them; its `envs` feed `describe.each` with each backend's server environment.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startTestS3, type TestS3 } from "./s3";

// A real PNG signature and IHDR chunk start: what file-type recognises as image/png.
export const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex"), Buffer.alloc(64)]);
export const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export interface StorageBackends {
  readonly s3: TestS3;
  readonly localDir: string;
  readonly envs: Array<[kind: "local" | "s3", env: () => Record<string, string>]>;
}

export function useStorageBackends(tmpPrefix: string): StorageBackends {
  let s3: TestS3 | undefined;
  let localDir: string | undefined;
  beforeAll(async () => {
    s3 = await startTestS3();
    localDir = await fs.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
  });
  afterAll(async () => {
    await s3?.close();
    if (localDir) await fs.rm(localDir, { recursive: true, force: true });
  });
  const backends: StorageBackends = {
    get s3() {
      if (!s3) throw new Error("useStorageBackends: S3 is not started yet (use it inside tests or hooks)");
      return s3;
    },
    get localDir() {
      if (!localDir) throw new Error("useStorageBackends: the local folder is not made yet");
      return localDir;
    },
    envs: [
      ["local", () => ({ STORAGE_BACKEND: "local", STORAGE_DIR: backends.localDir })],
      ["s3", () => ({
        STORAGE_BACKEND: "s3", S3_ENDPOINT: backends.s3.endpoint, S3_BUCKET: backends.s3.bucket,
        S3_ACCESS_KEY_ID: backends.s3.accessKeyId, S3_SECRET_ACCESS_KEY: backends.s3.secretAccessKey, S3_FORCE_PATH_STYLE: "true",
      })],
    ],
  };
  return backends;
}
