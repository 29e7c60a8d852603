/**
 * Downloads through the real server on both backends (the local disk and S3 via a real s3rver process):
 * signed short-lived URLs for private files, stable URLs for public ones, Range / ETag / cache headers,
 * publishable `pk_` keys limited to public files, and every refusal with its code (expired, forged,
 * another workspace's file or signature, pending and deleted files, unsatisfiable ranges).
 */
import path from "node:path";
import { getContext } from "../../server/src/context";
import { getDownloadSigner } from "../../server/src/storage/installStorage";
import type { VerifiedIdentity } from "../../core/tenancy";
import { as, bearer, signUp, type TestUser } from "../helpers/auth";
import { asRequestRole, useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { PNG, sha, useStorageBackends } from "../helpers/storageBackends";

const getDb = useTestDatabase();
// 70 000 bytes with NULs in them: no magic number, not text, so application/octet-stream.
const BIN = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7 + 3) % 256));
const BIN_NAME = 'résumé "q1"; 100%.bin';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const storage = useStorageBackends("storage-download-");
const envs = storage.envs;

interface Got { status: number; headers: Headers; bytes: Buffer; code?: string }

describe.each(envs)("downloads on the %s backend", (_kind, env) => {
  let server: TestServer;
  let owner: TestUser;
  let other: TestUser;
  const ids = { private: "", public: "", otherPrivate: "", otherPublic: "" };
  let pk: string;
  const PK_HEADERS = () => ({ "x-api-key": pk, referer: "https://app.test/gallery" });

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
  async function urlFor(headers: Record<string, string>, id: string, body: unknown = {}) {
    const res = await fetch(`${server.url}/storage/v1/files/${id}/url`, {
      method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }
  async function get(target: string, headers: Record<string, string> = {}, method = "GET"): Promise<Got> {
    const res = await fetch(`${server.url}${target}`, { method, headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get("content-type") ?? "";
    return { status: res.status, headers: res.headers, bytes, code: type.startsWith("application/json") && bytes.length ? JSON.parse(bytes.toString()).error?.code : undefined };
  }
  const signedPathOf = async (user: TestUser, id: string, body: unknown = {}) => {
    const res = await urlFor(bearer(user.accessToken), id, body);
    expect(res.status).toBe(200);
    return res.body.path as string;
  };
  const refused = (res: Got) => [res.status, res.code, res.headers.get("cache-control")];

  beforeAll(async () => {
    server = await startTestServer(getDb(), env());
    owner = await signUp(server);
    other = await signUp(server);
    ids.private = await upload(owner, BIN, BIN_NAME, "private");
    ids.public = await upload(owner, PNG, "logo.png", "public", "image/png");
    ids.otherPrivate = await upload(other, Buffer.from("the other workspace's secret"), "secret.txt", "private", "text/plain");
    ids.otherPublic = await upload(other, PNG, "their-logo.png", "public", "image/png");
    const key = await as(server, owner.accessToken)(
      `mutation { createApiKey(input: { name: "site", type: "publishable", scopes: {blog: ["read"]}, allowedDomains: ["app.test"] }) { result { secret } } }`);
    pk = key.body.data!.createApiKey.result.secret;
  });
  afterAll(() => server?.close());

  describe("private files, through signed URLs", () => {
    it("gives a member a short-lived URL bound to the file that serves exactly its bytes, with download headers", async () => {
      const res = await urlFor(bearer(owner.accessToken), ids.private);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.body.path).toMatch(new RegExp(`^/storage/v1/object/sign/${owner.tenantId}/${ids.private}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
      expect(res.body.url).toBe(`${getContext(server.srv.app).config.publicUrl.replace(/\/$/, "")}${res.body.path}`);
      expect(res.body.visibility).toBe("private");
      const ttl = (Date.parse(res.body.expiresAt) - Date.now()) / 1000;
      expect(ttl).toBeGreaterThan(290);
      expect(ttl).toBeLessThanOrEqual(300);

      const got = await get(res.body.path); // no credentials: the signature is the authorization
      expect(got.status).toBe(200);
      expect(sha(got.bytes)).toBe(sha(BIN));
      expect(got.bytes.equals(BIN)).toBe(true);
      expect(Object.fromEntries(["content-type", "content-length", "etag", "accept-ranges", "x-content-type-options", "content-disposition", "content-security-policy", "cross-origin-resource-policy"]
        .map((h) => [h, got.headers.get(h)]))).toEqual({
        "content-type": "application/octet-stream",
        "content-length": String(BIN.length),
        etag: `"${sha(BIN)}"`,
        "accept-ranges": "bytes",
        "x-content-type-options": "nosniff",
        "content-disposition": `attachment; filename="r_sum_ _q1_; 100_.bin"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22q1%22%3B%20100%25.bin`,
        "content-security-policy": "default-src 'none'; sandbox",
        "cross-origin-resource-policy": "cross-origin",
      });
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(got.headers.get("cache-control") ?? "")?.[1]);
      expect(maxAge).toBeGreaterThan(290);
      expect(maxAge).toBeLessThanOrEqual(300);
      expect(new Date(got.headers.get("last-modified")!).getTime()).toBeGreaterThan(Date.now() - 600_000);
    });

    it("honours expiresIn and download, and refuses a bad expiresIn (INVLD) or an anonymous caller (LOGIN)", async () => {
      const res = await urlFor(bearer(owner.accessToken), ids.private, { expiresIn: 3600, download: true });
      expect(res.status).toBe(200);
      expect((Date.parse(res.body.expiresAt) - Date.now()) / 1000).toBeGreaterThan(3590);
      expect(res.body.path).toMatch(/&download=1$/);
      expect((await get(res.body.path)).status).toBe(200);
      for (const body of [{ expiresIn: 0 }, { expiresIn: 7 * 86400 + 1 }, { expiresIn: 1.5 }, { expiresIn: "60" }, { download: "yes" }]) {
        const bad = await urlFor(bearer(owner.accessToken), ids.private, body);
        expect({ body, status: bad.status, code: bad.body.error?.code }).toEqual({ body, status: 422, code: "INVLD" });
      }
      const anon = await urlFor({}, ids.private);
      expect([anon.status, anon.body.error.code]).toEqual([401, "LOGIN"]);
      const junk = await fetch(`${server.url}/storage/v1/files/${ids.private}/url`, { method: "POST", headers: { ...bearer(owner.accessToken), "content-type": "application/json" }, body: "{" });
      expect([junk.status, ((await junk.json()) as any).error.code]).toEqual([400, "BADRQ"]);
    });

    it("serves one byte range as 206 with Content-Range, and refuses unsatisfiable ranges with 416 RANGE", async () => {
      const p = await signedPathOf(owner, ids.private);
      const cases: Array<[string, number, number]> = [["bytes=5-9", 5, 9], ["bytes=-4", 69_996, 69_999], ["bytes=69990-", 69_990, 69_999], ["bytes=100-999999", 100, 69_999], ["bytes=0-0", 0, 0]];
      for (const [range, start, end] of cases) {
        const got = await get(p, { range });
        expect({ range, status: got.status, contentRange: got.headers.get("content-range"), length: got.headers.get("content-length") })
          .toEqual({ range, status: 206, contentRange: `bytes ${start}-${end}/${BIN.length}`, length: String(end - start + 1) });
        expect(got.bytes.equals(BIN.subarray(start, end + 1))).toBe(true);
      }
      for (const range of ["bytes=70000-", "bytes=99999999-", "bytes=-0"]) {
        const got = await get(p, { range });
        expect({ range, refused: refused(got), contentRange: got.headers.get("content-range") })
          .toEqual({ range, refused: [416, "RANGE", "no-store"], contentRange: `bytes */${BIN.length}` });
      }
      // Malformed ranges, other units and several ranges are ignored: the whole file, 200.
      for (const range of ["bytes=9-5", "items=0-1", "bytes=0-1,5-6", "bytes=x-"]) {
        const got = await get(p, { range });
        expect({ range, status: got.status, whole: got.bytes.equals(BIN) }).toEqual({ range, status: 200, whole: true });
      }
      // If-Range: the range holds only while the validator is still the file's ETag.
      expect((await get(p, { range: "bytes=0-9", "if-range": `"${sha(BIN)}"` })).status).toBe(206);
      const stale = await get(p, { range: "bytes=0-9", "if-range": `"${"0".repeat(64)}"` });
      expect([stale.status, stale.bytes.length]).toEqual([200, BIN.length]);
    });

    it("answers If-None-Match with the file's ETag by 304 and no body, and HEAD with headers only", async () => {
      const p = await signedPathOf(owner, ids.private);
      for (const inm of [`"${sha(BIN)}"`, `W/"${sha(BIN)}"`, `"other", "${sha(BIN)}"`, "*"]) {
        const got = await get(p, { "if-none-match": inm });
        expect({ inm, status: got.status, length: got.bytes.length, etag: got.headers.get("etag") }).toEqual({ inm, status: 304, length: 0, etag: `"${sha(BIN)}"` });
      }
      expect((await get(p, { "if-none-match": `"${sha(PNG)}"` })).status).toBe(200);
      const head = await get(p, {}, "HEAD");
      expect([head.status, head.headers.get("content-length"), head.headers.get("etag"), head.bytes.length]).toEqual([200, String(BIN.length), `"${sha(BIN)}"`, 0]);
    });

    it("refuses forged and altered signatures (SGBAD), including another file's or another workspace's", async () => {
      const p = await signedPathOf(owner, ids.private);
      const u = new URL(p, server.url);
      const exp = u.searchParams.get("exp")!;
      const sig = u.searchParams.get("sig")!;
      const base = `/storage/v1/object/sign/${owner.tenantId}/${ids.private}`;
      const theirs = new URL(await signedPathOf(other, ids.otherPrivate), server.url);
      const forged = [
        `${base}?exp=${exp}&sig=${(sig[0] === "A" ? "B" : "A") + sig.slice(1)}`, // one character changed
        `${base}?exp=${Number(exp) + 3600}&sig=${sig}`, // a later expiry
        `${base}?exp=${exp}`, // no signature
        `${base}?sig=${sig}`, // no expiry
        `${base}?exp=${exp}&sig=${sig}=`, // padded: not the canonical spelling
        `${base}?exp=${exp}&sig=${theirs.searchParams.get("sig")}`, // the other workspace's signature
        `/storage/v1/object/sign/${other.tenantId}/${ids.otherPrivate}?exp=${exp}&sig=${sig}`, // this signature on their file
        `/storage/v1/object/sign/${other.tenantId}/${ids.private}?exp=${exp}&sig=${sig}`, // this file id under their workspace
        `/storage/v1/object/sign/${owner.tenantId}/${ids.public}?exp=${exp}&sig=${sig}`, // another file of the same workspace
      ];
      for (const target of forged) expect({ target, refused: refused(await get(target)) }).toEqual({ target, refused: [403, "SGBAD", "no-store"] });
      // The genuine links still work.
      expect((await get(p)).bytes.equals(BIN)).toBe(true);
      expect((await get(theirs.pathname + theirs.search)).bytes.toString()).toBe("the other workspace's secret");
    });

    it("refuses an expired link (SGEXP), and a forged one as forged even when expired", async () => {
      const res = await urlFor(bearer(owner.accessToken), ids.private, { expiresIn: 1 });
      expect((await get(res.body.path)).status).toBe(200);
      await sleep(Date.parse(res.body.expiresAt) - Date.now() + 50);
      expect(refused(await get(res.body.path))).toEqual([410, "SGEXP", "no-store"]);
      const tampered = res.body.path.replace(/sig=(.)/, (_m: string, c: string) => `sig=${c === "A" ? "B" : "A"}`);
      expect(refused(await get(tampered))).toEqual([403, "SGBAD", "no-store"]);
    });

    it("gives no URL for another workspace's file id (NTFND), and a malformed id is not found either", async () => {
      for (const id of [ids.otherPrivate, ids.otherPublic, "not-a-uuid"]) {
        const res = await urlFor(bearer(owner.accessToken), id);
        expect({ id, status: res.status, code: res.body.error?.code }).toEqual({ id, status: 404, code: "NTFND" });
      }
      expect(refused(await get(`/storage/v1/object/sign/${owner.tenantId}/NOT-A-UUID?exp=1&sig=x`))).toEqual([404, "NTFND", "no-store"]);
    });
  });

  describe("only ready files", () => {
    it("serves no pending upload (NTFND), by signed URL, public URL or URL request", async () => {
      const { rows } = await getDb().superPool.query(
        "insert into app_public.files (tenant_id, name, size_bytes, visibility, uploaded_by) values ($1, $2, 0, 'public', $3) returning id, status",
        [owner.tenantId, `pending-${Date.now()}.bin`, owner.userId]);
      expect(rows[0].status).toBe("pending");
      const res = await urlFor(bearer(owner.accessToken), rows[0].id);
      expect([res.status, res.body.error?.code]).toEqual([404, "NTFND"]);
      // Even with a genuine signature (made by the server's own signer) the pending file is not served.
      const signed = getDownloadSigner(server.srv.app).signedPath(owner.tenantId, rows[0].id, Math.floor(Date.now() / 1000) + 60);
      expect(refused(await get(signed))).toEqual([404, "NTFND", "no-store"]);
      expect(refused(await get(`/storage/v1/object/public/${owner.tenantId}/${rows[0].id}`))).toEqual([404, "NTFND", "no-store"]);
      // And a genuine signature that expired is SGEXP, without waiting.
      const old = getDownloadSigner(server.srv.app).signedPath(owner.tenantId, ids.private, Math.floor(Date.now() / 1000) - 1);
      expect(refused(await get(old))).toEqual([410, "SGEXP", "no-store"]);
    });

    it("stops serving a file once it is deleted, even through a link handed out before", async () => {
      const id = await upload(owner, Buffer.from("short-lived content"), `doomed-${Date.now()}.txt`, "private", "text/plain");
      const p = await signedPathOf(owner, id);
      const before = await get(p);
      expect([before.status, before.bytes.toString(), before.headers.get("content-type"), before.headers.get("content-disposition")])
        .toEqual([200, "short-lived content", "text/plain; charset=utf-8", expect.stringMatching(/^inline; filename="doomed-\d+\.txt"/)]);
      const del = await as(server, owner.accessToken)("mutation ($id: UUID!) { deleteFile(input: { rowId: $id }) { file { rowId } } }", { id });
      expect(del.body.errors).toBeUndefined();
      expect(refused(await get(p))).toEqual([404, "NTFND", "no-store"]);
    });
  });

  describe("public files", () => {
    it("have a stable URL that needs no signature, cached publicly, shown inline", async () => {
      const res = await urlFor(bearer(owner.accessToken), ids.public);
      expect(res.body).toMatchObject({ path: `/storage/v1/object/public/${owner.tenantId}/${ids.public}`, expiresAt: null, visibility: "public" });
      const got = await get(res.body.path);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(PNG)).toBe(true);
      expect([got.headers.get("content-type"), got.headers.get("cache-control"), got.headers.get("content-disposition"), got.headers.get("etag"), got.headers.get("x-content-type-options")])
        .toEqual(["image/png", "public, max-age=3600", `inline; filename="logo.png"; filename*=UTF-8''logo.png`, `"${sha(PNG)}"`, "nosniff"]);
      expect((await get(`${res.body.path}?download`)).headers.get("content-disposition")).toMatch(/^attachment; /);
      const part = await get(res.body.path, { range: "bytes=1-3" });
      expect([part.status, part.bytes.toString("latin1"), part.headers.get("content-range")]).toEqual([206, "PNG", `bytes 1-3/${PNG.length}`]);
      expect((await get(res.body.path, { "if-none-match": `"${sha(PNG)}"` })).status).toBe(304);
    });

    it("are the only files the public path serves: a private file or a wrong workspace is NTFND", async () => {
      for (const target of [
        `/storage/v1/object/public/${owner.tenantId}/${ids.private}`,
        `/storage/v1/object/public/${other.tenantId}/${ids.public}`,
        `/storage/v1/object/public/${owner.tenantId}/${ids.otherPublic}`,
      ]) expect({ target, refused: refused(await get(target)) }).toEqual({ target, refused: [404, "NTFND", "no-store"] });
      expect((await get(`/storage/v1/object/public/${other.tenantId}/${ids.otherPublic}`)).bytes.equals(PNG)).toBe(true);
    });
  });

  describe("publishable pk_ keys", () => {
    it("get the public URL of their workspace's public files, and nothing for private or foreign files (NTFND)", async () => {
      const ok = await urlFor(PK_HEADERS(), ids.public);
      expect([ok.status, ok.body.path]).toEqual([200, `/storage/v1/object/public/${owner.tenantId}/${ids.public}`]);
      for (const id of [ids.private, ids.otherPublic, ids.otherPrivate]) {
        const res = await urlFor(PK_HEADERS(), id);
        expect({ id, status: res.status, code: res.body.error?.code }).toEqual({ id, status: 404, code: "NTFND" });
      }
      const wrongSite = await urlFor({ "x-api-key": pk, referer: "https://evil.test/" }, ids.public);
      expect([wrongSite.status, wrongSite.body.error.code]).toEqual([403, "KYORG"]);
    });

    it("list only their workspace's public ready files in GraphQL", async () => {
      const res = await server.graphql("{ files { nodes { rowId visibility status } } }", {}, { "x-api-key": pk, origin: "https://app.test" });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.files.nodes).toEqual([{ rowId: ids.public, visibility: "public", status: "ready" }]);
      const member = await as(server, owner.accessToken)("{ files { nodes { rowId } } }");
      expect(member.body.data!.files.nodes.map((n: any) => n.rowId)).toEqual(expect.arrayContaining([ids.private, ids.public]));
    });

    it("cannot see private files in SQL even with forged read permissions, and a secret key sees none", async () => {
      const { rows: keys } = await getDb().superPool.query("select id, type from app_public.api_keys where tenant_id = $1", [owner.tenantId]);
      const identity = (apiKeyId: string, type: "publishable" | "secret"): VerifiedIdentity => ({
        role: "app_api_key", tenantId: owner.tenantId, permissions: ["storage:files.read", "storage:files.write"], services: [], apiKeyId, apiKeyType: type,
      });
      const seen = await asRequestRole(getDb(), identity(keys.find((k) => k.type === "publishable").id, "publishable"), async (c) =>
        (await c.query("select id, visibility from app_public.files order by id")).rows);
      expect(seen).toEqual([{ id: ids.public, visibility: "public" }]);
      const write = await asRequestRole(getDb(), identity(keys.find((k) => k.type === "publishable").id, "publishable"), async (c) =>
        c.query("update app_public.files set visibility = 'private' returning id").then((r) => r.rowCount, (e) => e.code));
      expect(write).toBe("42501");
      const secret = await as(server, owner.accessToken)(`mutation { createApiKey(input: { name: "srv", scopes: {blog: ["read"]} }) { result { apiKey { rowId } } } }`);
      const secretId = secret.body.data!.createApiKey.result.apiKey.rowId;
      expect(await asRequestRole(getDb(), identity(secretId, "secret"), async (c) => (await c.query("select id from app_public.files")).rows)).toEqual([]);
    });
  });
});
