/**
 * Image variants through the real server on both backends (the local disk and S3 via a real s3rver
 * process): real PNG/JPEG/GIF files made with sharp are uploaded, variants are asked for through signed
 * URLs (private files) and stable URLs (public files), and what comes back is decoded with sharp to check
 * its format and dimensions. The cache is checked in the backend itself; every refusal by its code.
 */
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { S3Backend } from "../../core/storage";
import { getStorageBackend } from "../../server/src/storage/installStorage";
import { as, bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { PNG, useStorageBackends } from "../helpers/storageBackends";

const getDb = useTestDatabase();
const storage = useStorageBackends("storage-variants-");

/** A non-uniform picture (a gradient with a disc), so encoders have real work and sizes are not trivial. */
async function picture(width: number, height: number): Promise<sharp.Sharp> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#1e90ff"/><stop offset="1" stop-color="#ff6347"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#ffd700"/></svg>`;
  return sharp(Buffer.from(svg));
}

interface Got { status: number; headers: Headers; bytes: Buffer; code?: string }

describe.each(storage.envs)("image variants on the %s backend", (_kind, env) => {
  let server: TestServer;
  let owner: TestUser;
  const ids = { png: "", jpeg: "", text: "", huge: "", gif: "", noise: "", broken: "" };
  const images: Record<string, Buffer> = {};

  async function upload(user: TestUser, file: Buffer, name: string, visibility: string, type = "application/octet-stream"): Promise<string> {
    const form = new FormData();
    form.append("visibility", visibility);
    form.append("name", name);
    form.append("file", new Blob([file], { type }), "upload");
    const res = await fetch(`${server.url}/storage/v1/files`, { method: "POST", body: form, headers: bearer(user.accessToken) });
    const body = (await res.json()) as any;
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
    return body.file.id;
  }
  async function urlFor(user: TestUser, id: string, body: unknown) {
    const res = await fetch(`${server.url}/storage/v1/files/${id}/url`, {
      method: "POST", headers: { "content-type": "application/json", ...bearer(user.accessToken) }, body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  async function get(target: string, headers: Record<string, string> = {}): Promise<Got> {
    const res = await fetch(`${server.url}${target}`, { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get("content-type") ?? "";
    return { status: res.status, headers: res.headers, bytes, code: type.startsWith("application/json") && bytes.length ? JSON.parse(bytes.toString()).error?.code : undefined };
  }
  const refused = (got: Got) => [got.status, got.code];
  const signedPath = async (id: string, transform: unknown) => {
    const res = await urlFor(owner, id, { transform });
    expect(res.status).toBe(200);
    return res.body.path as string;
  };
  const shape = async (bytes: Buffer) => {
    const m = await sharp(bytes).metadata();
    return { format: m.format, width: m.width, height: m.height };
  };

  /** Every stored key under `<tenant>/` (S3 keys; on disk, paths relative to the storage folder). */
  async function keysOf(tenantId: string): Promise<string[]> {
    const backend = getStorageBackend(server.srv.app);
    if (backend instanceof S3Backend) {
      const out = await backend.client.send(new ListObjectsV2Command({ Bucket: storage.s3.bucket, Prefix: `${tenantId}/` }));
      return (out.Contents ?? []).map((o) => o.Key!).sort();
    }
    const entries = await fs.readdir(path.join(storage.localDir, tenantId), { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => path.relative(storage.localDir, path.join(e.parentPath, e.name))).sort();
  }
  const variantsOf = async (tenantId: string, fileId: string) => (await keysOf(tenantId)).filter((k) => k.startsWith(`${tenantId}/${fileId}.variants/`));
  async function withBackendEnv(fn: () => Promise<void>) {
    // runJobs hands tasks a config read from process.env: point it at this suite's backend while they run.
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      await fn();
    } finally {
      process.env = saved;
    }
  }

  beforeAll(async () => {
    server = await startTestServer(getDb(), {
      ...env(), STORAGE_IMAGE_MAX_DIMENSION: "512", STORAGE_IMAGE_MAX_INPUT_PIXELS: "1000000", STORAGE_IMAGE_CONCURRENCY: "1", STORAGE_IMAGE_QUEUE: "0",
    });
    owner = await signUp(server);
    images.png = await (await picture(640, 480)).png().toBuffer();
    images.jpeg = await (await picture(800, 600)).jpeg({ quality: 85 }).toBuffer();
    // 1200 × 1000 = 1.2 megapixels, over this server's 1 000 000; a few kilobytes as a PNG.
    images.huge = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: "#808080" } }).png().toBuffer();
    const frames = await Promise.all(["#ff0000", "#00ff00", "#0000ff"].map((c) => sharp({ create: { width: 120, height: 90, channels: 3, background: c } }).png().toBuffer()));
    images.gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    // Noise is slow to encode: what the concurrency test keeps the single render slot busy with.
    images.noise = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: "#000000", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).jpeg({ quality: 70 }).toBuffer();
    ids.png = await upload(owner, images.png, "photo.png", "private", "image/png");
    ids.jpeg = await upload(owner, images.jpeg, "banner.jpg", "public", "image/jpeg");
    ids.text = await upload(owner, Buffer.from("not a picture at all"), "notes.txt", "public", "text/plain");
    ids.huge = await upload(owner, images.huge, "huge.png", "private", "image/png");
    ids.gif = await upload(owner, images.gif, "anim.gif", "private", "image/gif");
    ids.noise = await upload(owner, images.noise, "noise.jpg", "private", "image/jpeg");
    // A PNG signature and header with no image data after them: sniffed as image/png, does not decode.
    ids.broken = await upload(owner, PNG, "broken.png", "private", "image/png");
  });
  afterAll(() => server?.close());

  it("renders a private file's variant through a signed URL bound to the transform, then serves it from the cache", async () => {
    const res = await urlFor(owner, ids.png, { transform: { format: "webp", width: 200 } });
    expect(res.status).toBe(200);
    expect(res.body.path).toMatch(new RegExp(`^/storage/v1/object/render/sign/${owner.tenantId}/${ids.png}\\?width=200&format=webp&exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
    expect(res.body.transform).toEqual({ width: 200, format: "webp" });
    expect(res.body.expiresAt).not.toBeNull();
    expect(await variantsOf(owner.tenantId, ids.png)).toEqual([]);

    const first = await get(res.body.path); // no credentials: the signature is the authorization
    expect(first.status).toBe(200);
    expect([first.headers.get("content-type"), first.headers.get("x-image-variant")]).toEqual(["image/webp", "miss"]);
    expect(await shape(first.bytes)).toEqual({ format: "webp", width: 200, height: 150 });
    expect(first.headers.get("content-disposition")).toBe(`inline; filename="photo.webp"; filename*=UTF-8''photo.webp`);
    expect(first.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    // The rendering is now an object in the backend, beside the original, named by the ETag's hash.
    expect(await variantsOf(owner.tenantId, ids.png)).toEqual([`${owner.tenantId}/${ids.png}.variants/${etag.slice(1, -1)}`]);

    const second = await get(res.body.path);
    expect([second.status, second.headers.get("x-image-variant"), second.headers.get("etag"), second.bytes.equals(first.bytes)]).toEqual([200, "hit", etag, true]);
    expect(second.headers.get("content-length")).toBe(String(first.bytes.length));
    // A new link for the same transform (another exp and sig) shares the cached variant.
    expect((await get(await signedPath(ids.png, { width: 200, format: "webp" }))).headers.get("x-image-variant")).toBe("hit");
    // Ranges and conditional requests work on variants as on originals.
    const part = await get(res.body.path, { range: "bytes=0-11" });
    expect([part.status, part.headers.get("content-range"), part.bytes.equals(first.bytes.subarray(0, 12))]).toEqual([206, `bytes 0-11/${first.bytes.length}`, true]);
    expect((await get(res.body.path, { "if-none-match": etag })).status).toBe(304);
    expect(await variantsOf(owner.tenantId, ids.png)).toHaveLength(1);
  });

  it("resizes by fit and converts formats, never enlarging", async () => {
    const cases: Array<[unknown, { format: string; width: number; height: number }]> = [
      [{ width: 100, height: 100, fit: "cover", format: "jpeg", quality: 60 }, { format: "jpeg", width: 100, height: 100 }],
      [{ width: 100, height: 100, fit: "contain", format: "png" }, { format: "png", width: 100, height: 100 }],
      [{ width: 100, height: 50, fit: "inside" }, { format: "png", width: 67, height: 50 }],
      [{ height: 96, format: "avif" }, { format: "heif", width: 128, height: 96 }],
      [{ width: 512 }, { format: "png", width: 512, height: 384 }],
      [{ format: "jpeg" }, { format: "jpeg", width: 640, height: 480 }],
    ];
    for (const [transform, expected] of cases) {
      const got = await get(await signedPath(ids.png, transform));
      expect({ transform, status: got.status, shape: await shape(got.bytes) }).toEqual({ transform, status: 200, shape: expected });
    }
    // An animated GIF gives a still of its first frame (PNG unless another format is asked for).
    const still = await get(await signedPath(ids.gif, { width: 60 }));
    const meta = await sharp(still.bytes).metadata();
    expect([still.headers.get("content-type"), meta.width, meta.height, meta.pages ?? 1]).toEqual(["image/png", 60, 45, 1]);
    const { data } = await sharp(still.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 0, 0]);
  });

  it("refuses a signed link whose transform was altered (SGBAD) and renders nothing for it", async () => {
    const p = await signedPath(ids.png, { width: 300, height: 200, fit: "contain", format: "webp" });
    const before = await variantsOf(owner.tenantId, ids.png);
    const u = new URL(p, server.url);
    const download = new URL((await urlFor(owner, ids.png, {})).body.path, server.url);
    const tampered = [
      p.replace("width=300", "width=301"),
      p.replace("format=webp", "format=png"),
      p.replace("fit=contain", "fit=cover"),
      p.replace("&format=webp", ""),
      p.replace("width=300", "width=300&quality=20"),
      p.replace("width=300", "width=abc"),
      p.replace(`/${ids.png}?`, `/${ids.jpeg}?`),
      // A download link's signature does not open a render, nor a render's the original.
      `/storage/v1/object/render/sign/${owner.tenantId}/${ids.png}?width=300&height=200&fit=contain&format=webp${download.search.replace("?", "&")}`,
      `/storage/v1/object/sign/${owner.tenantId}/${ids.png}?exp=${u.searchParams.get("exp")}&sig=${u.searchParams.get("sig")}`,
    ];
    for (const target of tampered) expect({ target, refused: refused(await get(target)) }).toEqual({ target, refused: [403, "SGBAD"] });
    expect(await variantsOf(owner.tenantId, ids.png)).toEqual(before);
    expect((await get(p)).status).toBe(200);
  });

  it("refuses bad transforms when a URL is asked for (IMARG), before looking at the file", async () => {
    const before = await keysOf(owner.tenantId);
    for (const transform of [{ width: 0 }, { width: 513 }, { height: 1.5 }, { width: "200" }, { fit: "fill", width: 1, height: 1 }, { format: "gif" },
      { quality: 101 }, {}, { width: 10, crop: true }, "width=10", [10]]) {
      const res = await urlFor(owner, ids.png, { transform });
      expect({ transform, status: res.status, code: res.body.error?.code }).toEqual({ transform, status: 422, code: "IMARG" });
    }
    expect(await keysOf(owner.tenantId)).toEqual(before);
  });

  it("gives public files stable variant URLs whose parameters are snapped to a bounded set", async () => {
    const base = `/storage/v1/object/render/public/${owner.tenantId}/${ids.jpeg}`;
    // 100 snaps up to 128; 5000 is past the maximum (512 here) and is clamped to it.
    const small = await get(`${base}?width=100&format=webp`);
    expect([small.status, small.headers.get("x-image-variant"), small.headers.get("cache-control"), small.headers.get("content-location")])
      .toEqual([200, "miss", "public, max-age=3600", `${base}?width=128&format=webp`]);
    expect(await shape(small.bytes)).toEqual({ format: "webp", width: 128, height: 96 });
    const again = await get(`${base}?width=120&format=webp`); // another width of the same step: the same variant
    expect([again.headers.get("x-image-variant"), again.headers.get("etag")]).toEqual(["hit", small.headers.get("etag")]);
    const clamped = await get(`${base}?width=5000&quality=33`);
    expect([clamped.status, clamped.headers.get("content-location")]).toEqual([200, `${base}?width=512&quality=50`]);
    expect(await shape(clamped.bytes)).toEqual({ format: "jpeg", width: 512, height: 384 });
    // The URL route answers the snapped stable URL, with no expiry.
    const res = await urlFor(owner, ids.jpeg, { transform: { width: 100, format: "webp" } });
    expect([res.status, res.body.path, res.body.expiresAt, res.body.transform]).toEqual([200, `${base}?width=128&format=webp`, null, { width: 128, format: "webp" }]);
    // Bad parameters, a private file on the public path, a signature on the public path.
    for (const q of ["width=-1", "width=1e3", "fit=fill&width=1&height=1", "format=tiff", "colour=red", "width=1&width=2", ""]) {
      expect({ q, refused: refused(await get(`${base}?${q}`)) }).toEqual({ q, refused: [422, "IMARG"] });
    }
    expect(refused(await get(`/storage/v1/object/render/public/${owner.tenantId}/${ids.png}?width=64`))).toEqual([404, "NTFND"]);
    expect(refused(await get(`${base}?width=64&exp=1&sig=x`))).toEqual([422, "IMARG"]);
  });

  it("refuses files that are not images (IMTYP), images with too many pixels (IMBIG) and undecodable ones (IMBAD), caching nothing", async () => {
    const res = await urlFor(owner, ids.text, { transform: { width: 64 } });
    expect([res.status, res.body.error?.code]).toEqual([415, "IMTYP"]);
    expect(refused(await get(`/storage/v1/object/render/public/${owner.tenantId}/${ids.text}?width=64`))).toEqual([415, "IMTYP"]);
    const huge = await get(await signedPath(ids.huge, { width: 64 }));
    expect([...refused(huge), huge.headers.get("cache-control")]).toEqual([422, "IMBIG", "no-store"]);
    expect(await variantsOf(owner.tenantId, ids.huge)).toEqual([]);
    expect(await variantsOf(owner.tenantId, ids.text)).toEqual([]);
    const broken = await get(await signedPath(ids.broken, { width: 64 }));
    expect([...refused(broken), broken.headers.get("cache-control")]).toEqual([422, "IMBAD", "no-store"]);
    expect(await variantsOf(owner.tenantId, ids.broken)).toEqual([]);
  });

  it("answers 503 IMBSY with Retry-After when the render slot and queue are full, caching only finished renders", async () => {
    const paths = await Promise.all([300, 301, 302, 303].map((w) => signedPath(ids.noise, { width: w, format: "avif", quality: 90 })));
    const results = await Promise.all(paths.map((p) => get(p)));
    const busy = results.filter((r) => r.status === 503);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) expect([r.code, r.headers.get("retry-after")]).toEqual(["IMBSY", "1"]);
    // Nothing half-stored: exactly the successful renders are cached, and a retry renders the rest.
    expect(await variantsOf(owner.tenantId, ids.noise)).toHaveLength(results.length - busy.length);
    for (const p of paths) expect((await get(p)).status).toBe(200);
  });

  it("deletes a file's variants with the file, through the worker job, and a workspace's with the workspace", async () => {
    const user = await signUp(server, { workspaceName: "Variant Cleanup" });
    const kept = await upload(user, images.png, "kept.png", "private", "image/png");
    const gone = await upload(user, images.png, "gone.png", "private", "image/png");
    for (const id of [kept, gone]) {
      for (const transform of [{ width: 32 }, { width: 64, format: "webp" }]) {
        const res = await urlFor(user, id, { transform });
        expect((await get(res.body.path)).status).toBe(200);
      }
    }
    expect(await variantsOf(user.tenantId, gone)).toHaveLength(2);
    const del = await as(server, user.accessToken)("mutation ($id: UUID!) { deleteFile(input: { rowId: $id }) { file { rowId } } }", { id: gone });
    expect(del.body.errors).toBeUndefined();
    const queued = (await getJobs(getDb(), "storage__delete_object")).filter((j) => (j.payload.key as string).startsWith(`${user.tenantId}/`));
    expect(queued.map((j) => j.payload)).toEqual([{ key: `${user.tenantId}/${gone}` }]);
    await withBackendEnv(() => runJobs(getDb()));
    expect(await keysOf(user.tenantId)).toEqual([`${user.tenantId}/${kept}`, ...(await variantsOf(user.tenantId, kept))].sort());
    expect(await variantsOf(user.tenantId, kept)).toHaveLength(2);

    const { rows: [{ slug }] } = await getDb().superPool.query("select slug from app_public.tenants where id = $1", [user.tenantId]);
    const res = await server.graphql("mutation ($slug: String!) { deleteTenant(input: { confirmSlug: $slug }) { result } }", { slug }, bearer(user.accessToken));
    expect(res.body.errors).toBeUndefined();
    await withBackendEnv(() => runJobs(getDb()));
    expect(await keysOf(user.tenantId)).toEqual([]);
  });
});
