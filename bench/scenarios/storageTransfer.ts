/**
 * File storage (issue 19): a 10 MiB file through the local backend, one transfer at a time as a user makes
 * them, against the same bytes moved by bare node:http in the same run (3 alternating rounds, medians).
 *  - Upload: POST /storage/v1/files (multipart, streamed to disk while hashing, type sniffed, quota
 *    reserved, row made ready) vs a bare handler piping the same multipart request body to a file.
 *    Goal ≥ 0.7×.
 *  - Download: GET of a signed URL (signature checked, row read, headers, stream from disk) vs a bare
 *    handler streaming the same file. Goal ≥ 0.7×.
 *  - Signed-URL check: µs per verification (HMAC + constant-time compare), a reference figure.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DownloadSigner } from "../../server/src/storage/downloadUrls";
import { bearer, signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { alternate, ratioResult, type BenchEnv, type BenchResult } from "../lib";

const SIZE = 10 * 1024 * 1024;
const TRANSFERS = Number(process.env.BENCH_STORAGE_TRANSFERS || 8);
const MIB = 1024 * 1024;

async function bareServer(dir: string, file: string): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    if (req.method === "POST") {
      pipeline(req, fs.createWriteStream(path.join(dir, `bare-${n++}`))).then(() => res.writeHead(201).end("{}"), () => res.writeHead(500).end());
    } else {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(SIZE) });
      fs.createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** MiB/s over TRANSFERS sequential transfers. */
async function throughput(transfer: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < TRANSFERS; i++) await transfer(i);
  return (TRANSFERS * SIZE) / MIB / ((performance.now() - start) / 1000);
}

export async function storageTransfer(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "bench-storage-"));
  const bytes = randomBytes(SIZE);
  const sourceFile = path.join(dir, "source.bin");
  await fsp.writeFile(sourceFile, bytes);
  const server = await startTestServer(db, { STORAGE_BACKEND: "local", STORAGE_DIR: path.join(dir, "store"), RATE_LIMIT_ENABLED: "false" });
  const bare = await bareServer(dir, sourceFile);
  try {
    const user = await signUp(server, { workspaceName: "Bench Files" });
    await db.superPool.query(`update app_public.billing_accounts set limits = limits || '{"storage_mb": 1000000}' where tenant_id = $1`, [user.tenantId]);
    const form = (i: number) => {
      const f = new FormData();
      f.append("name", `bench-${Date.now()}-${i}.bin`);
      f.append("file", new Blob([bytes], { type: "application/octet-stream" }), "bench.bin");
      return f;
    };
    let lastId = "";
    const [ours, raw] = await alternate(
      3,
      () => throughput(async (i) => {
        const res = await fetch(`${server.url}/storage/v1/files`, { method: "POST", body: form(i), headers: bearer(user.accessToken) });
        const body = (await res.json()) as { file?: { id: string } };
        if (res.status !== 201 || !body.file) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
        lastId = body.file.id;
      }),
      () => throughput(async (i) => {
        const res = await fetch(`${bare.url}/upload`, { method: "POST", body: form(i) });
        await res.arrayBuffer();
      }),
    );

    const urlRes = await fetch(`${server.url}/storage/v1/files/${lastId}/url`, {
      method: "POST", headers: { ...bearer(user.accessToken), "content-type": "application/json" }, body: JSON.stringify({ expiresIn: 3600 }),
    });
    // `url` is on PUBLIC_URL; this server listens elsewhere, so take the path.
    const signed = `${server.url}${((await urlRes.json()) as { path: string }).path}`;
    const fetchAll = async (url: string) => {
      const res = await fetch(url);
      const got = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200 || got !== SIZE) throw new Error(`download failed: ${res.status}, ${got} bytes`);
    };
    const [down, staticServe] = await alternate(3, () => throughput(() => fetchAll(signed)), () => throughput(() => fetchAll(`${bare.url}/file`)));

    // The signature check alone, as each download pays it.
    const signer = new DownloadSigner(randomBytes(32));
    const tenant = user.tenantId;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const sig = new URL(`http://x${signer.signedPath(tenant, lastId, exp)}`).searchParams.get("sig")!;
    const checks = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < checks; i++) signer.verify(tenant, lastId, String(exp), sig);
    const microsPerCheck = ((performance.now() - t0) * 1000) / checks;

    return [
      ratioResult({
        scenario: `Storage: ${SIZE / MIB} MiB upload, local backend, ${TRANSFERS} sequential`,
        metric: "MiB/s",
        value: Math.round(ours),
        baselineName: "bare node:http piping the same multipart body to a file, MiB/s",
        baseline: Math.round(raw),
        goal: 0.7,
        higherIsBetter: true,
        notes: "ours also hashes (SHA-256), sniffs the type, reserves quota and marks the row ready",
      }),
      ratioResult({
        scenario: `Storage: ${SIZE / MIB} MiB download of a signed URL, local backend, ${TRANSFERS} sequential`,
        metric: "MiB/s",
        value: Math.round(down),
        baselineName: "bare node:http streaming the same file, MiB/s",
        baseline: Math.round(staticServe),
        goal: 0.7,
        higherIsBetter: true,
      }),
      ratioResult({
        scenario: "Storage: signed-URL check (HMAC-SHA256 + constant-time compare)",
        metric: "µs per check",
        value: Math.round(microsPerCheck * 100) / 100,
        baselineName: "—",
        baseline: Math.round(microsPerCheck * 100) / 100,
        higherIsBetter: false,
        reference: true,
        notes: `${checks} verifications`,
      }),
    ];
  } finally {
    await bare.close();
    await server.close();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
