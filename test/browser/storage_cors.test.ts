/**
 * File storage from a browser on another origin (headless Chromium, CORS enforced by the browser):
 * an allowed frontend uploads and asks for a download URL; any other page can then use that URL
 * (a ranged fetch reading Content-Range and ETag, a public file's stable URL), because the URL is the
 * authorization; but a foreign page cannot call the storage API itself, in any spelling of its path,
 * and its attempts store nothing.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
let api: ServerProcess;
let browser: Browser;
let allowed: string;
let foreign: string;
let token: string;
let tenantId: string;
const frontends: http.Server[] = [];

async function frontend(): Promise<string> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>site</title>"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  frontends.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  [allowed, foreign] = [await frontend(), await frontend()];
  api = await spawnServerProcess(getDb().urls, { CORS_ORIGINS: allowed, LOG_LEVEL: "warn" });
  browser = await launchBrowser();
  const email = `storage-cors-${Date.now()}@example.com`;
  const post = (path: string, body: unknown) => fetch(`${api.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await post("/auth/register", { email, password: "a browser passphrase", name: "Files", workspaceName: "Files Co" })).status).toBe(202);
  const login = (await (await post("/auth/login", { email, password: "a browser passphrase", tokenTransport: "body" })).json()) as { accessToken: string };
  token = login.accessToken;
  tenantId = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).tid;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  for (const s of frontends) await new Promise((r) => s.close(r));
});

const filesOf = async () => (await getDb().superPool.query("select name from app_public.files where tenant_id = $1 order by name", [tenantId])).rows.map((r) => r.name);

async function pageOn(origin: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(origin);
  return page;
}

/** Uploads from the page with FormData (the browser sets the multipart body and preflights the Authorization header). */
function upload(page: Page, path: string, name: string, text: string, visibility: string) {
  return page.evaluate(async ({ url, token, name, text, visibility }) => {
    try {
      const form = new FormData();
      form.append("name", name);
      form.append("visibility", visibility);
      form.append("file", new Blob([text], { type: "text/plain" }), name);
      const res = await fetch(url, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: await res.json() };
    } catch (e) {
      return { blocked: String(e) };
    }
  }, { url: `${api.url}${path}`, token, name, text, visibility });
}

function urlFor(page: Page, id: string) {
  return page.evaluate(async ({ url, token }) => {
    try {
      const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
      return { status: res.status, limit: res.headers.get("ratelimit-limit"), body: await res.json() };
    } catch (e) {
      return { blocked: String(e) };
    }
  }, { url: `${api.url}/storage/v1/files/${id}/url`, token });
}

it("an allowed frontend uploads and gets a download URL; a page on any other origin can then fetch it, ranged, reading its headers", async () => {
  const app = await pageOn(allowed);
  const uploaded = (await upload(app, "/storage/v1/files", "notes.txt", "hello from another origin", "private")) as any;
  expect(uploaded).toMatchObject({ status: 201, body: { file: { id: expect.any(String) } } });
  const url = (await urlFor(app, uploaded.body.file.id)) as any;
  expect(url).toMatchObject({ status: 200, body: { url: expect.stringContaining("/storage/v1/object/sign/") } });
  expect(Number(url.limit)).toBeGreaterThan(0); // the storage API is rate limited like /graphql

  const elsewhere = await pageOn(foreign);
  const ranged = await elsewhere.evaluate(async (href) => {
    const res = await fetch(href, { headers: { range: "bytes=6-9" } });
    return { status: res.status, text: await res.text(), range: res.headers.get("content-range"), etag: res.headers.get("etag"), disposition: res.headers.get("content-disposition") };
  }, url.body.url);
  expect(ranged).toEqual({ status: 206, text: "from", range: "bytes 6-9/25", etag: expect.stringMatching(/^"[0-9a-f]{64}"$/), disposition: expect.stringContaining("notes.txt") });
  // Revalidation from that page too (If-None-Match is not a simple header: a preflight asks first).
  const cached = await elsewhere.evaluate(async ({ href, etag }) => (await fetch(href, { headers: { "if-none-match": etag } })).status, { href: url.body.url, etag: ranged.etag! });
  expect(cached).toBe(304);
});

it("a public file's stable URL works from any page; a tampered signature does not", async () => {
  const app = await pageOn(allowed);
  const uploaded = (await upload(app, "/storage/v1/files", "logo.txt", "public bytes", "public")) as any;
  const url = (await urlFor(app, uploaded.body.file.id)) as any;
  expect(url.body.url).toContain("/storage/v1/object/public/");
  const elsewhere = await pageOn(foreign);
  const got = await elsewhere.evaluate(async (href) => {
    const res = await fetch(href);
    return { status: res.status, text: await res.text() };
  }, url.body.url);
  expect(got).toEqual({ status: 200, text: "public bytes" });

  const priv = (await upload(app, "/storage/v1/files", "secret.txt", "private bytes", "private")) as any;
  const signed = ((await urlFor(app, priv.body.file.id)) as any).body.url as string;
  const forged = await elsewhere.evaluate(async (href) => {
    const res = await fetch(href);
    return { status: res.status, body: await res.json() };
  }, signed.replace(/sig=./, (m) => (m.endsWith("A") ? "sig=B" : "sig=A")));
  expect(forged).toMatchObject({ status: 403, body: { error: { code: "SGBAD" } } });
});

it("an image variant's signed URL, asked for by the allowed frontend, renders in an <img> and a fetch on any other page", async () => {
  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#3355aa" } }).png().toBuffer();
  const app = await pageOn(allowed);
  const asked = (await app.evaluate(async ({ api, token, b64 }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.append("name", "banner.png");
    form.append("file", new Blob([bytes], { type: "image/png" }), "banner.png");
    const headers = { authorization: `Bearer ${token}` };
    const up = (await (await fetch(`${api}/storage/v1/files`, { method: "POST", body: form, headers })).json()) as { file: { id: string } };
    const res = await fetch(`${api}/storage/v1/files/${up.file.id}/url`, {
      method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ transform: { width: 80, format: "webp" } }),
    });
    return { status: res.status, body: await res.json() };
  }, { api: api.url, token, b64: png.toString("base64") })) as { status: number; body: { url: string } };
  expect(asked).toMatchObject({ status: 200, body: { url: expect.stringContaining("/storage/v1/object/render/sign/") } });

  const elsewhere = await pageOn(foreign);
  const shown = await elsewhere.evaluate(async (href) => {
    type Img = { src: string; decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
    const img = new (globalThis as unknown as { Image: new () => Img }).Image();
    img.src = href;
    await img.decode();
    // Past the browser's cache (the <img> response is in it): the server answers from its own variant cache.
    const res = await fetch(href, { cache: "no-store" } as RequestInit);
    return { width: img.naturalWidth, height: img.naturalHeight, status: res.status, type: res.headers.get("content-type"), variant: res.headers.get("x-image-variant") };
  }, asked.body.url);
  expect(shown).toEqual({ width: 80, height: 50, status: 200, type: "image/webp", variant: "hit" });
});

it("a presigned slot from the allowed frontend takes its bytes from a page on any origin (PUT with Content-Type preflights), then confirms", async () => {
  const app = await pageOn(allowed);
  const text = "slot bytes from elsewhere";
  const checksum = createHash("sha256").update(text).digest("hex");
  const slot = (await app.evaluate(async ({ url, token, body }) => {
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }, { url: `${api.url}/storage/v1/files/slots`, token, body: { name: "slot.txt", contentType: "text/plain", sizeBytes: text.length, checksumSha256: checksum } })) as any;
  expect(slot).toMatchObject({ status: 201, body: { upload: { method: "PUT", url: expect.stringContaining("/storage/v1/upload/") } } });

  const elsewhere = await pageOn(foreign);
  const put = await elsewhere.evaluate(async ({ upload, text }) => {
    const res = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: text });
    return res.status;
  }, { upload: slot.body.upload, text });
  expect(put).toBeLessThan(300);

  const confirmed = await app.evaluate(async ({ url, token }) => {
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  }, { url: `${api.url}/storage/v1/files/${slot.body.file.id}/confirm`, token });
  expect(confirmed).toMatchObject({ status: 200, body: { file: { status: "ready" } } });
});

it("a foreign page cannot call the storage API, in any spelling, and stores nothing", async () => {
  const before = await filesOf();
  const elsewhere = await pageOn(foreign);
  for (const path of ["/storage/v1/files", "/STORAGE/v1/Files", "//storage/v1/files/"]) {
    expect(await upload(elsewhere, path, `foreign-${path.length}.txt`, "nope", "private")).toEqual({ blocked: expect.stringContaining("Failed to fetch") });
  }
  // What a browser sends without a preflight, or a non-browser forging Origin: refused before the upload route runs.
  for (const path of ["/storage/v1/files", "/STORAGE/v1/Files"]) {
    const form = new FormData();
    form.append("name", "forged-origin.txt");
    form.append("file", new Blob(["nope"], { type: "text/plain" }), "forged-origin.txt");
    const res = await fetch(`${api.url}${path}`, { method: "POST", body: form, headers: { origin: foreign, authorization: `Bearer ${token}` } });
    expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 403, body: { error: { code: "NOCRS" } } });
  }
  expect(await filesOf()).toEqual(before);
});
