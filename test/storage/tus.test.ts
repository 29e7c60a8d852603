/**
 * Resumable uploads over tus (/storage/v1/tus) through the real server, on both backends: local disk and
 * S3 (a real s3rver process, through @tus/s3-store). A whole upload with tus-js-client in chunks, a real
 * interruption (the client drops the connection mid-PATCH) resumed from the offset HEAD answers, downloads
 * of the result through a signed URL, and every refusal with its effects on rows, stored objects (tus'
 * own records included) and the storage.bytes meter. Abandoned uploads are removed by storage__expire_slots.
 */
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import * as tus from "tus-js-client";
import { S3Backend } from "../../core/storage";
import { getContext } from "../../server/src/context";
import { getStorageBackend } from "../../server/src/storage/installStorage";
import { bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { PNG, sha, useStorageBackends } from "../helpers/storageBackends";

const getDb = useTestDatabase();
const storage = useStorageBackends("storage-tus-");

const b64 = (s: string) => Buffer.from(s).toString("base64");
const meta = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k} ${b64(v)}`).join(",");
/** A PNG of `size` bytes: the signature, zeros for as far as file-type sniffs (random chunk lengths can confuse it), then random bytes. */
const pngOf = (size: number) => Buffer.concat([PNG, Buffer.alloc(8192 - PNG.length), randomBytes(size - 8192)]);

describe.each(storage.envs)("tus uploads on the %s backend", (kind, env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(getDb(), env());
  });
  afterAll(() => server?.close());

  /** Every stored name under the workspace, tus' records (.json, .info, .part, part markers) included. */
  async function objectsOf(tenantId: string): Promise<string[]> {
    const backend = getStorageBackend(server.srv.app);
    if (backend instanceof S3Backend) {
      const out = await backend.client.send(new ListObjectsV2Command({ Bucket: storage.s3.bucket, Prefix: `${tenantId}/` }));
      return (out.Contents ?? []).map((o) => o.Key!.slice(tenantId.length + 1)).sort();
    }
    return ((await fsp.readdir(path.join(storage.localDir, tenantId), { recursive: true }).catch(() => [])) as string[]).sort();
  }
  const used = async (tenantId: string) =>
    Number((await getDb().superPool.query("select used from app_private.meter_check($1, 'storage.bytes', 0)", [tenantId])).rows[0].used);
  const rows = async (tenantId: string) =>
    (await getDb().superPool.query("select id, name, status from app_public.files where tenant_id = $1 order by name", [tenantId])).rows;

  const tusHeaders = (user: TestUser | null, extra: Record<string, string> = {}) => ({ "Tus-Resumable": "1.0.0", ...(user ? bearer(user.accessToken) : {}), ...extra });
  async function create(user: TestUser | null, length: number, m: Record<string, string>) {
    const r = await fetch(`${server.url}/storage/v1/tus`, { method: "POST", headers: tusHeaders(user, { "Upload-Length": String(length), "Upload-Metadata": meta(m) }) });
    return { status: r.status, location: r.headers.get("location"), body: (await r.json().catch(() => null)) as any, type: r.headers.get("content-type") };
  }
  const patch = async (user: TestUser, location: string, offset: number, bytes: Buffer) => {
    const r = await fetch(`${server.url}${location}`, {
      method: "PATCH", body: bytes, headers: tusHeaders(user, { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }),
    });
    return { status: r.status, offset: r.headers.get("upload-offset"), body: (await r.json().catch(() => null)) as any };
  };
  const head = async (user: TestUser, location: string) => {
    const r = await fetch(`${server.url}${location}`, { method: "HEAD", headers: tusHeaders(user) });
    return { status: r.status, offset: r.headers.get("upload-offset"), length: r.headers.get("upload-length") };
  };
  /** The file's bytes through a signed download URL, as a client would fetch them. */
  async function download(user: TestUser, id: string): Promise<Buffer> {
    const link = (await (await fetch(`${server.url}/storage/v1/files/${id}/url`, { method: "POST", headers: bearer(user.accessToken) })).json()) as { url: string };
    const base = getContext(server.srv.app).config.publicUrl.replace(/\/$/, "");
    const r = await fetch(server.url + link.url.slice(base.length));
    expect(r.status).toBe(200);
    return Buffer.from(await r.arrayBuffer());
  }
  async function refusedWithoutEffects(user: TestUser, res: { status: number; body: any }, status: number, code: string) {
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
    expect(await rows(user.tenantId)).toEqual([]);
    expect(await objectsOf(user.tenantId)).toEqual([]);
    expect(await used(user.tenantId)).toBe(0);
  }

  it("uploads in chunks with tus-js-client, readies the file with its SHA-256 and sniffed type, and downloads the same bytes", async () => {
    const user = await signUp(server);
    // More than one 5 MiB part on S3 (S3 multipart parts are at least 5 MiB, but the last).
    const bytes = pngOf(5 * 1024 * 1024 + 300_000);
    let finished: any;
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(bytes, {
        endpoint: `${server.url}/storage/v1/tus`, chunkSize: 5 * 1024 * 1024, retryDelays: [],
        headers: bearer(user.accessToken), metadata: { filename: "big.png", folder: "brand", filetype: "image/png", visibility: "private" },
        onSuccess: (payload) => {
          finished = JSON.parse(payload.lastResponse.getBody());
          resolve();
        },
        onError: reject,
      });
      upload.start();
    });
    expect(finished.file).toMatchObject({ name: "big.png", folder: "brand", contentType: "image/png", sizeBytes: bytes.length, checksumSha256: sha(bytes), status: "ready", uploadedBy: user.userId });
    const id = finished.file.id as string;
    // Only the object itself is left: tus' records and part markers are gone.
    expect(await objectsOf(user.tenantId)).toEqual([id]);
    expect(await used(user.tenantId)).toBe(bytes.length);
    const events = await getDb().superPool.query("select payload->>'fileId' as id from app_private.events where tenant_id = $1 and type = 'file.uploaded'", [user.tenantId]);
    expect(events.rows).toEqual([{ id }]);
    expect(sha(await download(user, id))).toBe(sha(bytes));
  });

  it("resumes after the connection drops mid-PATCH, from the offset HEAD answers", async () => {
    const user = await signUp(server);
    const bytes = pngOf(400_000);
    const created = await create(user, bytes.length, { filename: "resumed.png" });
    expect(created.status).toBe(201);
    expect(created.location).toMatch(/^\/storage\/v1\/tus\/[0-9a-f-]{36}$/);
    const location = created.location!;
    expect(await used(user.tenantId)).toBe(bytes.length); // reserved at creation
    // Send 150 000 of the declared 400 000 bytes, then drop the connection.
    await new Promise<void>((resolve) => {
      const req = http.request(`${server.url}${location}`, {
        method: "PATCH",
        headers: { ...tusHeaders(user, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }), "Content-Length": String(bytes.length) },
      });
      req.on("error", () => resolve());
      req.write(bytes.subarray(0, 150_000), () => setTimeout(() => (req.destroy(), resolve()), 200));
    });
    let state = await head(user, location);
    for (let i = 0; i < 50 && (state.status !== 200 || state.offset === "0"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await head(user, location);
    }
    expect(state.status).toBe(200);
    expect(state.length).toBe(String(bytes.length));
    const offset = Number(state.offset);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(150_000);
    expect((await rows(user.tenantId))[0].status).toBe("pending");
    // A PATCH from the wrong offset changes nothing.
    const wrong = await patch(user, location, 0, bytes);
    expect([wrong.status, wrong.body?.error?.code]).toEqual([409, "UPOFS"]);
    const rest = await patch(user, location, offset, bytes.subarray(offset));
    expect(rest.status).toBe(200);
    expect(rest.offset).toBe(String(bytes.length));
    expect(rest.body.file).toMatchObject({ status: "ready", sizeBytes: bytes.length, checksumSha256: sha(bytes), contentType: "image/png" });
    expect(sha(await download(user, rest.body.file.id))).toBe(sha(bytes));
    expect(await objectsOf(user.tenantId)).toEqual([rest.body.file.id]);
    // Finished: the upload URL is gone.
    expect((await head(user, location)).status).toBe(404);
  });

  it("refuses bad creations with coded JSON errors, creating and charging nothing", async () => {
    const user = await signUp(server);
    const anon = await create(null, 10, { filename: "a.txt" });
    expect([anon.status, anon.body?.error?.code, anon.type]).toEqual([401, "LOGIN", "application/json; charset=utf-8"]);
    await refusedWithoutEffects(user, await create(user, 10, { filename: "../../etc/passwd" }), 422, "BADNM");
    await refusedWithoutEffects(user, await create(user, 10, { filename: "ok.txt", folder: "../up" }), 422, "BADNM");
    await refusedWithoutEffects(user, await create(user, 10, { folder: "docs" }), 422, "INVLD");
    // tus' own header checks answer in the same JSON shape.
    const malformed = await fetch(`${server.url}/storage/v1/tus`, { method: "POST", headers: tusHeaders(user, { "Upload-Length": "10", "Upload-Metadata": "filename not-base64!" }) });
    await refusedWithoutEffects(user, { status: malformed.status, body: await malformed.json() }, 400, "BADRQ");
    const deferred = await fetch(`${server.url}/storage/v1/tus`, { method: "POST", headers: tusHeaders(user, { "Upload-Defer-Length": "1", "Upload-Metadata": meta({ filename: "x" }) }) });
    await refusedWithoutEffects(user, { status: deferred.status, body: await deferred.json() }, 422, "INVLD");
    await getDb().superPool.query("insert into app_public.storage_settings (tenant_id, max_file_bytes, allowed_types) values ($1, 1000, '{image/*}')", [user.tenantId]);
    await refusedWithoutEffects(user, await create(user, 1001, { filename: "big.png", filetype: "image/png" }), 413, "TOOLG");
    await refusedWithoutEffects(user, await create(user, 10, { filename: "a.txt", filetype: "text/plain" }), 415, "BADTY");
    const full = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [full.tenantId]);
    await refusedWithoutEffects(full, await create(full, 1048577, { filename: "huge.bin" }), 402, "LIMIT");
  });

  it("never passes the quota with 20 parallel creations near it", async () => {
    const user = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [user.tenantId]);
    const size = 100_000; // 10 fit in 1 048 576 bytes
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create(user, size, { filename: `f${i}.bin` })));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(10).fill(402)]);
    expect(results.filter((r) => r.status === 402).every((r) => r.body.error.code === "LIMIT")).toBe(true);
    expect(await used(user.tenantId)).toBe(10 * size);
    expect((await rows(user.tenantId)).length).toBe(10);
  });

  it("refuses a type disguised by its declared type when the upload finishes (BADTY): data, row and reservation gone", async () => {
    const user = await signUp(server);
    const created = await create(user, PNG.length, { filename: "notes.txt", filetype: "text/plain" });
    expect(created.status).toBe(201);
    expect(await used(user.tenantId)).toBe(PNG.length);
    await refusedWithoutEffects(user, await patch(user, created.location!, 0, PNG), 415, "BADTY");
    const events = await getDb().superPool.query("select 1 from app_private.events where tenant_id = $1 and type = 'file.uploaded'", [user.tenantId]);
    expect(events.rowCount).toBe(0);
  });

  it("answers NTFND to another workspace for HEAD, PATCH and DELETE, and the upload goes on unchanged; its owner may DELETE it", async () => {
    const owner = await signUp(server);
    const stranger = await signUp(server);
    const bytes = Buffer.from("some text to upload in two goes");
    const { location } = await create(owner, bytes.length, { filename: "mine.txt", filetype: "text/plain" });
    expect((await patch(owner, location!, 0, bytes.subarray(0, 10))).status).toBe(204);
    expect(await head(stranger, location!)).toMatchObject({ status: 404 });
    const p = await patch(stranger, location!, 10, bytes.subarray(10));
    expect([p.status, p.body?.error?.code]).toEqual([404, "NTFND"]);
    const d = await fetch(`${server.url}${location}`, { method: "DELETE", headers: tusHeaders(stranger) });
    expect([d.status, ((await d.json()) as any).error.code]).toEqual([404, "NTFND"]);
    expect(await head(owner, location!)).toMatchObject({ status: 200, offset: "10" });
    expect(await used(owner.tenantId)).toBe(bytes.length);
    // Termination by the owner: data, row and reservation go.
    const del = await fetch(`${server.url}${location}`, { method: "DELETE", headers: tusHeaders(owner) });
    expect(del.status).toBe(204);
    await refusedWithoutEffects(owner, { status: 404, body: { error: { code: "NTFND" } } }, 404, "NTFND");
  });

  it("removes abandoned tus uploads with storage__expire_slots (partial data, tus records, row, reservation) and the leftovers of deleted ones, and keeps recent ones", async () => {
    const user = await signUp(server);
    const stale = await create(user, 50_000, { filename: "stale.bin" });
    expect((await patch(user, stale.location!, 0, randomBytes(20_000))).status).toBe(204);
    const recent = await create(user, 40, { filename: "recent.bin" });
    expect((await patch(user, recent.location!, 0, randomBytes(10))).status).toBe(204);
    const recentId = recent.location!.split("/").pop()!;
    // A pending upload its uploader deleted through GraphQL: the row (and reservation) go at once, tus' records with the worker.
    const dropped = await create(user, 30, { filename: "dropped.bin" });
    expect((await patch(user, dropped.location!, 0, randomBytes(5))).status).toBe(204);
    const droppedId = dropped.location!.split("/").pop()!;
    const del = await server.graphql("mutation ($id: UUID!) { deleteFile(input: { rowId: $id }) { file { rowId } } }", { id: droppedId }, bearer(user.accessToken));
    expect(del.body.errors).toBeUndefined();
    expect((await objectsOf(user.tenantId)).some((name) => name.startsWith(droppedId))).toBe(true);
    // The stale one past the tus lifetime (a day) and its margin; the recent one past a slot's (2 hours), not a tus upload's.
    const c = await getDb().superPool.connect();
    try {
      await c.query("set session_replication_role = replica");
      await c.query("update app_public.files set created_at = now() - case when name = 'stale.bin' then interval '26 hours' else interval '2 hours' end where tenant_id = $1", [user.tenantId]);
      await c.query("update app_private.tus_uploads set created_at = now() - interval '26 hours' where tenant_id = $1 and file_id = $2", [user.tenantId, stale.location!.split("/").pop()]);
    } finally {
      await c.query("reset session_replication_role");
      c.release();
    }
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      for (let run = 0; run < 2; run++) {
        await getDb().superPool.query("select app_private.add_job('storage__expire_slots', '{}'::json)");
        await runJobs(getDb());
        await runJobs(getDb());
        expect((await rows(user.tenantId)).map((r) => r.name)).toEqual(["recent.bin"]);
        expect(await used(user.tenantId)).toBe(40);
        expect((await objectsOf(user.tenantId)).every((name) => name.startsWith(recentId))).toBe(true);
        expect(await getDb().superPool.query("select file_id from app_private.tus_uploads where tenant_id = $1", [user.tenantId]).then((r) => r.rows)).toEqual([{ file_id: recentId }]);
      }
    } finally {
      process.env = saved;
    }
    expect(await head(user, recent.location!)).toMatchObject({ status: 200, offset: "10" });
    expect(await head(user, stale.location!)).toMatchObject({ status: 404 });
    void kind;
  });
});
