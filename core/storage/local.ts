/**
 * Local-disk backend: objects are files under one root folder (by default `<data dir>/storage`), at
 * `<root>/<tenant id>/<file id>`. Writes go to a temporary name in the same folder and are renamed into
 * place when complete, so a reader never sees half an object and an aborted upload leaves no object.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertFileKey, assertKey, type ByteRange, type ObjectHead, type StorageBackend, VARIANTS_SUFFIX } from "./backend";

export class LocalBackend implements StorageBackend {
  readonly kind = "local" as const;

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, body: Readable): Promise<number> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString("hex")}.part`;
    let written = 0;
    body.on("data", (chunk: Buffer) => (written += chunk.length));
    try {
      await pipeline(body, createWriteStream(tmp, { flags: "wx" }));
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    return written;
  }

  async get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null> {
    const head = await this.head(key);
    if (!head) return null;
    const body = createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
    return { body, size: range ? range.end - range.start + 1 : head.size };
  }

  async head(key: string): Promise<ObjectHead | null> {
    try {
      const st = await fs.stat(this.pathOf(key));
      return st.isFile() ? { size: st.size, contentType: undefined } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async deleteVariants(key: string): Promise<void> {
    // `<root>/<tenant>/<file>.variants/`: one folder per file, beside the file itself.
    assertFileKey(key);
    await fs.rm(`${this.pathOf(key)}${VARIANTS_SUFFIX.slice(0, -1)}`, { recursive: true, force: true });
  }

  async presignPut(): Promise<null> {
    return null;
  }

  async presignGet(): Promise<null> {
    return null;
  }
}
