/**
 * Multipart uploads through the real server (POST /storage/v1/files), on both backends: the local disk
 * and S3 (a real s3rver process). Every refusal is checked for its code and for its absence of effects:
 * no row, no object in the backend, nothing on the storage.bytes meter.
 */
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { S3Backend } from "../../core/storage";
import { getStorageBackend } from "../../server/src/storage/installStorage";
import { bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { PNG, sha, useStorageBackends } from "../helpers/storageBackends";

const getDb = useTestDatabase();

const storage = useStorageBackends("storage-upload-");
const envs = storage.envs;

describe.each(envs)("multipart uploads on the %s backend", (kind, env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(getDb(), env());
  });
  afterAll(() => server?.close());

  async function objectsOf(tenantId: string): Promise<string[]> {
    const backend = getStorageBackend(server.srv.app);
    if (backend instanceof S3Backend) {
      const out = await backend.client.send(new ListObjectsV2Command({ Bucket: storage.s3.bucket, Prefix: `${tenantId}/` }));
      return (out.Contents ?? []).map((o) => o.Key!);
    }
    return fs.readdir(path.join(storage.localDir, tenantId)).catch(() => []);
  }
  /** What objectsOf lists for a file: its key on S3, its file name in the tenant's folder on disk. */
  const objectName = (tenantId: string, fileId: string) => (kind === "s3" ? `${tenantId}/${fileId}` : fileId);
  const used = async (tenantId: string) =>
    Number((await getDb().superPool.query("select used from app_private.meter_check($1, 'storage.bytes', 0)", [tenantId])).rows[0].used);
  const rows = async (tenantId: string) =>
    (await getDb().superPool.query("select name, status from app_public.files where tenant_id = $1 order by name", [tenantId])).rows;

  function upload(user: TestUser | null, file: Buffer, opts: { name?: string; type?: string; fields?: Record<string, string> } = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
    form.append("file", new Blob([file], { type: opts.type ?? "application/octet-stream" }), opts.name ?? "file.bin");
    return fetch(`${server.url}/storage/v1/files`, { method: "POST", body: form, headers: user ? bearer(user.accessToken) : {} })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  }
  async function refusedWithoutEffects(user: TestUser, res: { status: number; body: any }, status: number, code: string) {
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(await rows(user.tenantId)).toEqual([]);
    expect(await objectsOf(user.tenantId)).toEqual([]);
    expect(await used(user.tenantId)).toBe(0);
  }

  it("stores a file, sniffs its type from the bytes, checksums it and reserves its bytes", async () => {
    const user = await signUp(server);
    const res = await upload(user, PNG, { name: "logo.png", type: "image/png", fields: { folder: "brand", visibility: "public" } });
    expect(res.status).toBe(201);
    expect(res.body.file).toMatchObject({ folder: "brand", name: "logo.png", contentType: "image/png", sizeBytes: PNG.length, checksumSha256: sha(PNG), visibility: "public", status: "ready", uploadedBy: user.userId });
    const stored = await getStorageBackend(server.srv.app).get(`${user.tenantId}/${res.body.file.id}`);
    const chunks: Buffer[] = [];
    for await (const c of stored!.body) chunks.push(c as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(sha(PNG));
    expect(await used(user.tenantId)).toBe(PNG.length);
    const events = await getDb().superPool.query("select payload->>'fileId' as id from app_private.events where tenant_id = $1 and type = 'file.uploaded'", [user.tenantId]);
    expect(events.rows).toEqual([{ id: res.body.file.id }]);
  });

  it("keeps a declared text type when the bytes are text, and names octet-stream text as text/plain", async () => {
    const user = await signUp(server);
    const csv = await upload(user, Buffer.from("a,b\n1,2\n"), { name: "data.csv", type: "text/csv" });
    expect([csv.status, csv.body.file.contentType]).toEqual([201, "text/csv"]);
    const plain = await upload(user, Buffer.from("just words"), { name: "notes" });
    expect([plain.status, plain.body.file.contentType]).toEqual([201, "text/plain"]);
  });

  it("refuses a type disguised by its name and declared type (BADTY), storing and charging nothing", async () => {
    const user = await signUp(server);
    await refusedWithoutEffects(user, await upload(user, PNG, { name: "notes.txt", type: "text/plain" }), 415, "BADTY");
    await refusedWithoutEffects(user, await upload(user, Buffer.from("%PDF-1.7 not really"), { name: "x.png", type: "image/png" }), 415, "BADTY");
  });

  it("refuses path traversal and unsafe names (BADNM) before storing anything", async () => {
    const user = await signUp(server);
    await refusedWithoutEffects(user, await upload(user, Buffer.from("x"), { fields: { name: "../../etc/passwd" } }), 422, "BADNM");
    await refusedWithoutEffects(user, await upload(user, Buffer.from("x"), { name: "ok.txt", fields: { folder: "../../up" } }), 422, "BADNM");
  });

  it("cuts off a body over the workspace's size limit (TOOLG) and applies its MIME allow-list", async () => {
    const user = await signUp(server);
    await getDb().superPool.query("insert into app_public.storage_settings (tenant_id, max_file_bytes, allowed_types) values ($1, 1000, '{image/*}')", [user.tenantId]);
    await refusedWithoutEffects(user, await upload(user, randomBytes(200_000), { name: "big.bin" }), 413, "TOOLG");
    await refusedWithoutEffects(user, await upload(user, Buffer.from("text"), { name: "a.txt", type: "text/plain" }), 415, "BADTY");
    expect((await upload(user, PNG, { name: "ok.png" })).status).toBe(201);
  });

  it("refuses an upload past the plan's storage (LIMIT): nothing stored, nothing charged", async () => {
    const user = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [user.tenantId]);
    await refusedWithoutEffects(user, await upload(user, randomBytes(1048577), { name: "too-big.bin" }), 402, "LIMIT");
  });

  it("deletes the stored bytes after the row, through a worker job that is safe to run twice", async () => {
    const user = await signUp(server);
    const kept = await upload(user, PNG, { name: "kept.png" });
    const gone = await upload(user, PNG, { name: "gone.png" });
    expect((await objectsOf(user.tenantId)).sort()).toEqual([kept.body.file.id, gone.body.file.id].map((id) => objectName(user.tenantId, id)).sort());
    const res = await server.graphql("mutation ($id: UUID!) { deleteFile(input: { rowId: $id }) { file { rowId } } }", { id: gone.body.file.id }, bearer(user.accessToken));
    expect(res.body.errors).toBeUndefined();
    expect(await used(user.tenantId)).toBe(PNG.length);
    const key = `${user.tenantId}/${gone.body.file.id}`;
    // (earlier tests' refused uploads queued jobs for their own keys; only this file's counts here)
    const queued = (await getJobs(getDb(), "storage__delete_object")).filter((j) => (j.payload.key as string).startsWith(`${user.tenantId}/`));
    expect(queued.map((j) => j.payload)).toEqual([{ key }]);
    // runJobs hands tasks a config read from process.env: point it at this suite's backend while they run.
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      await runJobs(getDb());
      expect(await objectsOf(user.tenantId)).toEqual([objectName(user.tenantId, kept.body.file.id)]);
      await getDb().superPool.query("select app_private.add_job('storage__delete_object', json_build_object('key', $1::text))", [key]);
      await runJobs(getDb());
      expect(await getJobs(getDb(), "storage__delete_object")).toEqual([]);
    } finally {
      process.env = saved;
    }
  });

  it("deleting the workspace removes every one of its stored objects, through the same worker job", async () => {
    const user = await signUp(server, { workspaceName: "Short Lived Files" });
    const ids = [];
    for (const name of ["a.png", "b.png", "c.png"]) ids.push((await upload(user, PNG, { name })).body.file.id as string);
    expect((await objectsOf(user.tenantId)).length).toBe(3);
    const { rows: [{ slug }] } = await getDb().superPool.query("select slug from app_public.tenants where id = $1", [user.tenantId]);
    const res = await server.graphql("mutation ($slug: String!) { deleteTenant(input: { confirmSlug: $slug }) { result } }", { slug }, bearer(user.accessToken));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.deleteTenant.result).toBe(true);
    const queued = (await getJobs(getDb(), "storage__delete_object")).filter((j) => (j.payload.key as string).startsWith(`${user.tenantId}/`));
    expect(queued.map((j) => j.payload.key).sort()).toEqual(ids.map((id) => `${user.tenantId}/${id}`).sort());
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      await runJobs(getDb());
    } finally {
      process.env = saved;
    }
    expect(await objectsOf(user.tenantId)).toEqual([]);
  });

  it("needs a signed-in caller with storage:files.write", async () => {
    const res = await upload(null, Buffer.from("x"));
    expect([res.status, res.body.error.code]).toEqual([401, "LOGIN"]);
  });

  it("never passes the quota with 20 parallel uploads near it", async () => {
    const user = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [user.tenantId]);
    const size = 100_000; // 10 fit in 1 048 576 bytes
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(user, randomBytes(size), { name: `f${i}.bin` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(402)]);
    expect(await used(user.tenantId)).toBe(10 * size);
    expect((await rows(user.tenantId)).length).toBe(10);
    expect((await objectsOf(user.tenantId)).length).toBe(10);
    void kind;
  });
});
