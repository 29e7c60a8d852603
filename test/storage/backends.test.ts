/**
 * Both storage backends pass one suite: the local disk under a temporary folder, and S3 through the real
 * AWS SDK against a real s3rver process (test/helpers/s3.ts). Only presigned URLs differ by design: S3
 * hands out its own, the local backend has none (the server signs URLs to its own routes).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { LocalBackend, S3Backend, createStorageBackend, type StorageBackend } from "../../core/storage";
import { loadConfig } from "../../core/config";
import { startTestS3, type TestS3 } from "../helpers/s3";

const key = () => `${randomUUID()}/${randomUUID()}`;
const text = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

let s3: TestS3;
let localDir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  localDir = await fs.mkdtemp(path.join(os.tmpdir(), "storage-local-"));
});
afterAll(async () => {
  await s3?.close();
  if (localDir) await fs.rm(localDir, { recursive: true, force: true });
});

const backends: Array<[string, () => StorageBackend]> = [
  ["local", () => new LocalBackend(localDir)],
  ["s3", () => new S3Backend({ bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true })],
];

describe.each(backends)("the %s backend", (kind, make) => {
  it("stores a stream and gives back the same bytes, size and checksum", async () => {
    const b = make();
    const k = key();
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    expect(await b.put(k, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { contentType: "application/pdf" })).toBe(bytes.length);
    expect((await b.head(k))?.size).toBe(bytes.length);
    const got = await b.get(k);
    expect(got?.size).toBe(bytes.length);
    const back = await text(got!.body);
    expect(createHash("sha256").update(back).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("reads an inclusive byte range", async () => {
    const b = make();
    const k = key();
    const bytes = Buffer.from("0123456789abcdefghij");
    await b.put(k, Readable.from([bytes]));
    const part = await b.get(k, { start: 5, end: 9 });
    expect(part?.size).toBe(5);
    expect((await text(part!.body)).toString()).toBe("56789");
    const last = await b.get(k, { start: 19, end: 19 });
    expect((await text(last!.body)).toString()).toBe("j");
  });

  it("replaces an object on a second put, and deletes it (a repeated delete is fine)", async () => {
    const b = make();
    const k = key();
    await b.put(k, Readable.from([Buffer.from("first version")]));
    await b.put(k, Readable.from([Buffer.from("second")]));
    expect((await text((await b.get(k))!.body)).toString()).toBe("second");
    await b.delete(k);
    expect(await b.head(k)).toBeNull();
    expect(await b.get(k)).toBeNull();
    await expect(b.delete(k)).resolves.toBeUndefined();
  });

  it("answers null for an object that was never stored", async () => {
    const b = make();
    const k = key();
    expect(await b.head(k)).toBeNull();
    expect(await b.get(k, { start: 0, end: 1 })).toBeNull();
  });

  it("leaves no object behind when the incoming stream fails half way", async () => {
    const b = make();
    const k = key();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(b.put(k, failing)).rejects.toThrow("client went away");
    expect(await b.head(k)).toBeNull();
    if (kind === "local") expect(await fs.readdir(path.join(localDir, k.split("/")[0]))).toEqual([]);
  });

  it("refuses keys that are not <tenant id>/<file id> before touching storage (no traversal)", async () => {
    const b = make();
    const tenant = randomUUID();
    for (const bad of ["../../etc/passwd", `${tenant}/../x`, `${tenant}/${randomUUID()}/x`, `${tenant}`, "", `/${tenant}/${randomUUID()}`]) {
      await expect(b.put(bad, Readable.from([Buffer.from("x")]))).rejects.toThrow(/refusing a key/);
      await expect(b.get(bad)).rejects.toThrow(/refusing a key/);
      await expect(b.delete(bad)).rejects.toThrow(/refusing a key/);
    }
    if (kind === "local") await expect(fs.stat(path.join(localDir, tenant))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it(kind === "s3" ? "hands out presigned PUT and GET URLs that work, and stop working when expired" : "has no presigned URLs of its own", async () => {
    const b = make();
    const k = key();
    const putUrl = await b.presignPut(k, { expiresIn: 60, contentType: "text/plain" });
    const getUrl = await b.presignGet(k, { expiresIn: 60 });
    if (kind === "local") {
      expect([putUrl, getUrl]).toEqual([null, null]);
      return;
    }
    const put = await fetch(putUrl!, { method: "PUT", body: "uploaded directly", headers: { "content-type": "text/plain" } });
    expect(put.status).toBe(200);
    expect((await b.head(k))?.size).toBe("uploaded directly".length);
    const got = await fetch(getUrl!);
    expect(await got.text()).toBe("uploaded directly");
    // (s3rver does not verify query-string signatures, so forged ones are not tested against it; it does expire them.)
    const short = await b.presignGet(k, { expiresIn: 1 });
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(short!)).status).toBe(403);
  });
});

describe("choosing the backend from configuration", () => {
  it("defaults to the local disk under the data folder", () => {
    const config = loadConfig({ NODE_ENV: "test", LOGICSPIKE_DATA_DIR: localDir });
    const b = createStorageBackend(config);
    expect(b.kind).toBe("local");
  });

  it("uses S3 with STORAGE_BACKEND=s3 and refuses to start without a bucket", () => {
    expect(createStorageBackend(loadConfig({ NODE_ENV: "test", STORAGE_BACKEND: "s3", S3_BUCKET: "files", S3_ENDPOINT: s3.endpoint })).kind).toBe("s3");
    expect(() => createStorageBackend(loadConfig({ NODE_ENV: "test", STORAGE_BACKEND: "s3" }))).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ NODE_ENV: "test", STORAGE_BACKEND: "ftp" })).toThrow(/local or s3/);
  });
});
