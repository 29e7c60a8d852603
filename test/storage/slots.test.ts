/**
 * Presigned upload slots through the real server, on both backends: POST /storage/v1/files/slots, a real
 * HTTP PUT of the bytes to the URL it answers (this server's signed /storage/v1/upload/… on local disk, a
 * presigned PUT to the s3rver process on S3), then POST /storage/v1/files/:id/confirm. Every refusal is
 * checked for its code and its effects (rows, objects, the storage.bytes meter); abandoned slots are
 * removed by the storage__expire_slots worker task, which frees their bytes in billingUsage.
 */
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parseCrontab } from "graphile-worker";
import { S3Backend } from "../../core/storage";
import { CRONTAB_FILE } from "../../functions/src/worker";
import { getContext } from "../../server/src/context";
import { getDownloadSigner, getStorageBackend } from "../../server/src/storage/installStorage";
import { bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { PNG, sha, useStorageBackends } from "../helpers/storageBackends";

const getDb = useTestDatabase();

const storage = useStorageBackends("storage-slots-");
const envs = storage.envs;

interface Answer {
  status: number;
  body: any;
}

it("runs storage__expire_slots from functions/crontab with a job key", () => {
  const item = parseCrontab(fs.readFileSync(CRONTAB_FILE, "utf8")).find((i) => i.task === "storage__expire_slots");
  expect(item?.options.jobKey).toBe("storage__expire_slots");
});

describe.each(envs)("upload slots on the %s backend", (kind, env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(getDb(), env());
  });
  afterAll(() => server?.close());

  async function objectsOf(tenantId: string): Promise<string[]> {
    const backend = getStorageBackend(server.srv.app);
    if (backend instanceof S3Backend) {
      const out = await backend.client.send(new ListObjectsV2Command({ Bucket: storage.s3.bucket, Prefix: `${tenantId}/` }));
      return (out.Contents ?? []).map((o) => o.Key!.split("/")[1]);
    }
    return (await fsp.readdir(path.join(storage.localDir, tenantId)).catch(() => [] as string[])).filter((n) => !n.endsWith(".part"));
  }
  const used = async (tenantId: string) =>
    Number((await getDb().superPool.query("select used from app_private.meter_check($1, 'storage.bytes', 0)", [tenantId])).rows[0].used);
  const rows = async (tenantId: string) =>
    (await getDb().superPool.query("select id, name, status from app_public.files where tenant_id = $1 order by name", [tenantId])).rows;
  const uploadedEvents = async (tenantId: string) =>
    (await getDb().superPool.query("select payload->>'fileId' as id from app_private.events where tenant_id = $1 and type = 'file.uploaded'", [tenantId])).rows;

  const json = async (r: globalThis.Response): Promise<Answer> => ({ status: r.status, body: await r.json().catch(() => null) });
  function slot(user: TestUser | null, body: Record<string, unknown>): Promise<Answer> {
    return fetch(`${server.url}/storage/v1/files/slots`, {
      method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", ...(user ? bearer(user.accessToken) : {}) },
    }).then(json);
  }
  const slotFor = (user: TestUser, bytes: Buffer, extra: Record<string, unknown> = {}) =>
    slot(user, { name: "file.bin", sizeBytes: bytes.length, checksumSha256: sha(bytes), ...extra });
  /** A URL on PUBLIC_URL (where this server says it is), reached at the test server's real address. */
  const reach = (url: string) => {
    const base = getContext(server.srv.app).config.publicUrl.replace(/\/$/, "");
    return url.startsWith(`${base}/`) ? server.url + url.slice(base.length) : url;
  };
  /** The client's PUT, exactly as a browser would send it: the URL and headers the slot answered. */
  const put = (upload: { url: string; headers: Record<string, string> }, bytes: Buffer) =>
    fetch(reach(upload.url), { method: "PUT", body: bytes, headers: upload.headers });
  const confirm = (user: TestUser, id: string) =>
    fetch(`${server.url}/storage/v1/files/${id}/confirm`, { method: "POST", headers: bearer(user.accessToken) }).then(json);
  async function refusedWithoutEffects(user: TestUser, res: Answer, status: number, code: string) {
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
    expect(await rows(user.tenantId)).toEqual([]);
    expect(await objectsOf(user.tenantId)).toEqual([]);
    expect(await used(user.tenantId)).toBe(0);
  }

  it("reserves the bytes with the slot, takes a PUT to its URL, and readies the file on confirm (twice: the same file)", async () => {
    const user = await signUp(server);
    const res = await slotFor(user, PNG, { name: "logo.png", folder: "brand", contentType: "image/png", visibility: "public" });
    expect(res.status).toBe(201);
    expect(res.body.file).toMatchObject({ folder: "brand", name: "logo.png", sizeBytes: PNG.length, checksumSha256: sha(PNG), status: "pending", visibility: "public" });
    expect(res.body.upload.method).toBe("PUT");
    // S3 binds the SHA-256 as a signed header the client must send; our own URL checks it against the row.
    expect(res.body.upload.headers).toEqual(kind === "s3"
      ? { "Content-Type": "image/png", "x-amz-checksum-sha256": Buffer.from(sha(PNG), "hex").toString("base64") }
      : { "Content-Type": "image/png" });
    if (kind === "s3") expect(new URL(res.body.upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;host;x-amz-checksum-sha256");
    expect(new Date(res.body.upload.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new URL(res.body.upload.url).origin).toBe(kind === "s3" ? storage.s3.endpoint : new URL(getContext(server.srv.app).config.publicUrl).origin);
    if (kind === "local") expect(res.body.upload.url).toMatch(new RegExp(`/storage/v1/upload/${user.tenantId}/${res.body.file.id}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
    // Reserved before a byte arrives.
    expect(await used(user.tenantId)).toBe(PNG.length);
    const id = res.body.file.id as string;

    const stored = await put(res.body.upload, PNG);
    expect(stored.status).toBe(200);
    expect(await uploadedEvents(user.tenantId)).toEqual([]);
    const first = await confirm(user, id);
    expect(first.status).toBe(200);
    expect(first.body.file).toMatchObject({ id, contentType: "image/png", sizeBytes: PNG.length, checksumSha256: sha(PNG), status: "ready", uploadedBy: user.userId });
    const again = await confirm(user, id);
    expect(again).toEqual(first);
    expect(await uploadedEvents(user.tenantId)).toEqual([{ id }]);
    expect(await used(user.tenantId)).toBe(PNG.length);

    // The ready file downloads with the uploaded bytes.
    const link = await fetch(`${server.url}/storage/v1/files/${id}/url`, { method: "POST", headers: bearer(user.accessToken) }).then(json);
    const download = await fetch(reach(link.body.url));
    expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(PNG));
    // A confirmed slot's URL takes no more bytes on our own route (S3's URL binds length and SHA-256 instead).
    if (kind === "local") expect((await json(await put(res.body.upload, PNG))).body.error.code).toBe("NTFND");
  });

  it("refuses bad slot requests with coded errors, creating and charging nothing", async () => {
    const user = await signUp(server);
    const x = Buffer.from("x");
    await refusedWithoutEffects(user, await slotFor(user, x, { name: "../../etc/passwd" }), 422, "BADNM");
    await refusedWithoutEffects(user, await slotFor(user, x, { name: "ok.txt", folder: "../up" }), 422, "BADNM");
    await refusedWithoutEffects(user, await slotFor(user, x, { checksumSha256: "abc" }), 422, "INVLD");
    await refusedWithoutEffects(user, await slot(user, { name: "a", sizeBytes: -1, checksumSha256: sha(x) }), 422, "INVLD");
    await refusedWithoutEffects(user, await slotFor(user, x, { contentType: "not a type" }), 422, "INVLD");
    await refusedWithoutEffects(user, await slot(null, { name: "a", sizeBytes: 1, checksumSha256: sha(x) }), 401, "LOGIN");
    await getDb().superPool.query("insert into app_public.storage_settings (tenant_id, max_file_bytes, allowed_types) values ($1, 1000, '{image/*}')", [user.tenantId]);
    await refusedWithoutEffects(user, await slotFor(user, randomBytes(1001), { name: "big.png", contentType: "image/png" }), 413, "TOOLG");
    await refusedWithoutEffects(user, await slotFor(user, x, { name: "a.txt", contentType: "text/plain" }), 415, "BADTY");
    const other = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [other.tenantId]);
    await refusedWithoutEffects(other, await slot(other, { name: "huge.bin", sizeBytes: 1048577, checksumSha256: sha(x) }), 402, "LIMIT");
    const taken = await slotFor(other, x, { name: "same.txt" });
    expect(taken.status).toBe(201);
    expect((await slotFor(other, x, { name: "same.txt" })).body.error.code).toBe("NUNIQ");
    expect(await used(other.tenantId)).toBe(1);
  });

  it("answers UPNON for a confirm before any upload: nothing becomes ready, the slot stays", async () => {
    const user = await signUp(server);
    const res = await slotFor(user, PNG, { name: "later.png" });
    const early = await confirm(user, res.body.file.id);
    expect([early.status, early.body.error.code]).toEqual([409, "UPNON"]);
    expect(await rows(user.tenantId)).toEqual([{ id: res.body.file.id, name: "later.png", status: "pending" }]);
    expect(await uploadedEvents(user.tenantId)).toEqual([]);
    // The slot is still usable afterwards.
    expect((await put(res.body.upload, PNG)).status).toBe(200);
    // Two confirms at once: both answer the one ready file, announced once.
    const [a, b] = await Promise.all([confirm(user, res.body.file.id), confirm(user, res.body.file.id)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.file).toEqual(b.body.file);
    expect(a.body.file.status).toBe("ready");
    expect(await uploadedEvents(user.tenantId)).toEqual([{ id: res.body.file.id }]);
  });

  it("refuses a type disguised by its declared type on confirm (BADTY): object and slot deleted, bytes freed", async () => {
    const user = await signUp(server);
    const res = await slotFor(user, PNG, { name: "notes.txt", contentType: "text/plain" });
    expect((await put(res.body.upload, PNG)).status).toBe(200);
    expect(await objectsOf(user.tenantId)).toEqual([res.body.file.id]);
    await refusedWithoutEffects(user, await confirm(user, res.body.file.id), 415, "BADTY");
    expect(await uploadedEvents(user.tenantId)).toEqual([]);
  });

  it("applies the workspace's rules as they are at confirm (TOOLG, BADTY): object and slot deleted, bytes freed", async () => {
    const user = await signUp(server);
    const big = await slotFor(user, PNG, { name: "a.png" });
    const typed = await slotFor(user, PNG, { name: "b.png" });
    expect((await put(big.body.upload, PNG)).status).toBe(200);
    expect((await put(typed.body.upload, PNG)).status).toBe(200);
    await getDb().superPool.query("insert into app_public.storage_settings (tenant_id, max_file_bytes, allowed_types) values ($1, 50, '{}')", [user.tenantId]);
    const tooBig = await confirm(user, big.body.file.id);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, "TOOLG"]);
    await getDb().superPool.query("update app_public.storage_settings set max_file_bytes = null, allowed_types = '{text/*}' where tenant_id = $1", [user.tenantId]);
    await refusedWithoutEffects(user, await confirm(user, typed.body.file.id), 415, "BADTY");
  });

  it("refuses an object whose size or SHA-256 is not the slot's on confirm (UPMIS): object and slot deleted, bytes freed", async () => {
    const user = await signUp(server);
    const good = Buffer.from("the declared bytes");
    const backend = getStorageBackend(server.srv.app);
    for (const wrong of [Buffer.from("the declared bytes, and more"), Buffer.from("the declared bytez")]) {
      const res = await slotFor(user, good, { name: "doc.txt", contentType: "text/plain" });
      if (kind === "s3") {
        // s3rver, unlike S3, does not enforce the signed length and checksum: the bytes land, confirm finds them out.
        expect((await put(res.body.upload, wrong)).status).toBe(200);
      } else {
        // Our own upload URL refuses them outright (nothing stored); a store that did not would be caught by confirm:
        const refused = await json(await put(res.body.upload, wrong));
        expect(refused.body.error.code).toBe(wrong.length > good.length ? "TOOLG" : "UPMIS");
        expect(await objectsOf(user.tenantId)).toEqual([]);
        await backend.put(`${user.tenantId}/${res.body.file.id}`, Readable.from([wrong]));
      }
      expect(await objectsOf(user.tenantId)).toEqual([res.body.file.id]);
      await refusedWithoutEffects(user, await confirm(user, res.body.file.id), 422, "UPMIS");
    }
  });

  it("answers NTFND for another workspace's slot, and leaves it pending", async () => {
    const owner = await signUp(server);
    const stranger = await signUp(server);
    const res = await slotFor(owner, PNG, { name: "mine.png" });
    expect((await put(res.body.upload, PNG)).status).toBe(200);
    const other = await confirm(stranger, res.body.file.id);
    expect([other.status, other.body.error.code]).toEqual([404, "NTFND"]);
    expect((await confirm(stranger, "not-a-uuid")).body.error.code).toBe("NTFND");
    expect((await rows(owner.tenantId))[0].status).toBe("pending");
  });

  if (kind === "local") {
    it("refuses forged, altered, borrowed and expired upload URLs (SGBAD, SGEXP) before storing anything", async () => {
      const user = await signUp(server);
      const a = await slotFor(user, PNG, { name: "a.png" });
      const b = await slotFor(user, PNG, { name: "b.png" });
      const urlA = new URL(reach(a.body.upload.url));
      const code = async (u: string) => (await json(await fetch(u, { method: "PUT", body: PNG }))).body.error.code;
      // Another file's signature on this file's path.
      const swapped = new URL(reach(b.body.upload.url));
      swapped.pathname = urlA.pathname;
      expect(await code(swapped.toString())).toBe("SGBAD");
      // A later expiry with the same signature.
      const later = new URL(urlA);
      later.searchParams.set("exp", String(Number(urlA.searchParams.get("exp")) + 60));
      expect(await code(later.toString())).toBe("SGBAD");
      // A download signature (same derivation, another label) does not open an upload.
      const exp = Number(urlA.searchParams.get("exp"));
      const download = new URL(getDownloadSigner(server.srv.app).signedPath(user.tenantId, a.body.file.id, exp), server.url);
      expect(await code(`${urlA.origin}${urlA.pathname}${download.search}`)).toBe("SGBAD");
      expect(await code(`${urlA.origin}${urlA.pathname}`)).toBe("SGBAD");
      expect(await objectsOf(user.tenantId)).toEqual([]);
      // Expired: a genuine signature whose exp has passed (the route checks the signature first).
      const signerOf = (server.srv.app.locals as { uploadSigner?: { signedPath(t: string, f: string, e: number): string } }).uploadSigner;
      const past = signerOf!.signedPath(user.tenantId, a.body.file.id, Math.floor(Date.now() / 1000) - 1);
      expect(await code(`${server.url}${past}`)).toBe("SGEXP");
      expect(await objectsOf(user.tenantId)).toEqual([]);
    });
  }

  it("never passes the quota with 20 parallel slot requests near it", async () => {
    const user = await signUp(server);
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || '{\"storage_mb\": 1}' where tenant_id = $1", [user.tenantId]);
    const size = 100_000; // 10 fit in 1 048 576 bytes
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => slot(user, { name: `f${i}.bin`, sizeBytes: size, checksumSha256: sha(Buffer.from(String(i))) })));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(10).fill(402)]);
    expect(results.filter((r) => r.status === 402).every((r) => r.body.error.code === "LIMIT")).toBe(true);
    expect(await used(user.tenantId)).toBe(10 * size);
    expect((await rows(user.tenantId)).length).toBe(10);
  });

  it("removes abandoned slots with storage__expire_slots: rows, objects and their reserved bytes (meterUsage)", async () => {
    const user = await signUp(server);
    const abandoned = await slotFor(user, PNG, { name: "abandoned.png" });
    expect((await put(abandoned.body.upload, PNG)).status).toBe(200);
    const fresh = await slotFor(user, Buffer.from("fresh"), { name: "fresh.txt" });
    const ready = await slotFor(user, PNG, { name: "ready.png" });
    await put(ready.body.upload, PNG);
    expect((await confirm(user, ready.body.file.id)).status).toBe(200);
    const storageUsed = async () => {
      const res = await server.graphql("{ meterUsage { nodes { meter used } } }", {}, bearer(user.accessToken));
      expect(res.body.errors).toBeUndefined();
      return (res.body.data as any).meterUsage.nodes.find((n: { meter: string }) => n.meter === "storage.bytes")?.used;
    };
    expect(await storageUsed()).toBe(String(2 * PNG.length + 5));
    // Two hours old (the timestamps trigger keeps created_at, so the backdating goes around triggers).
    const c = await getDb().superPool.connect();
    try {
      await c.query("set session_replication_role = replica");
      await c.query("update app_public.files set created_at = now() - interval '2 hours' where tenant_id = $1 and name in ('abandoned.png', 'ready.png')", [user.tenantId]);
    } finally {
      await c.query("reset session_replication_role");
      c.release();
    }
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      for (let run = 0; run < 2; run++) {
        // Idempotent: the second run finds nothing more to do.
        await getDb().superPool.query("select app_private.add_job('storage__expire_slots', '{}'::json)");
        await runJobs(getDb());
        await runJobs(getDb());
        expect((await rows(user.tenantId)).map((r) => r.name)).toEqual(["fresh.txt", "ready.png"]);
        expect((await objectsOf(user.tenantId)).sort()).toEqual([ready.body.file.id]);
        expect(await used(user.tenantId)).toBe(PNG.length + 5);
        expect(await storageUsed()).toBe(String(PNG.length + 5));
      }
      expect(await getJobs(getDb(), "storage__delete_object")).toEqual([]);
    } finally {
      process.env = saved;
    }
    void fresh;
  });
});
