/**
 * Foundation: `npm start` on a fresh data folder (initdb, setup, migrate,
 * seed, serve) until the first /readyz 200, and again with the data kept
 * (warm). The baseline is the bare embedded Postgres start on that same data
 * folder, measured in the same run.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmbeddedPostgres } from "../../core/db/embedded";
import { freePort } from "../../test/helpers/postgres";
import { ratioResult, type BenchResult } from "../lib";

const ROOT = path.join(__dirname, "..", "..");

async function timeToReady(dataDir: string): Promise<number> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const t0 = performance.now();
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "server", "src", "index.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "warn", PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOGICSPIKE_DATA_DIR: dataDir, DATABASE_URL: "", ROOT_DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  child.stdout.on("data", (d: Buffer) => (stderr += d));
  const exited = new Promise((r) => child.once("exit", r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited before it was ready:\n${stderr}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return performance.now() - t0;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
    // tsx relays the signal to its child; wait until that one has stopped Postgres too.
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    for (let i = 0; i < 200 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
  }
}

async function embeddedOnly(dataDir: string): Promise<number> {
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, "dev-credentials.json"), "utf8")) as { superuserPassword: string };
  const pg = await createEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await freePort(), superuserPassword: creds.superuserPassword });
  const t0 = performance.now();
  await pg.start();
  const ms = performance.now() - t0;
  await pg.stop();
  return ms;
}

export async function coldStart(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "logicspike-bench-start-"));
  // mkdtemp makes it 0700; the `postgres` system user (when run as root) must traverse it.
  fs.chmodSync(dataDir, 0o755);
  try {
    const cold = await timeToReady(dataDir);
    const warm = await timeToReady(dataDir);
    const pgOnly = await embeddedOnly(dataDir);
    return [
      ratioResult({ scenario: "foundation: cold `npm start` → first /readyz 200", metric: "ms", value: cold, baselineName: "embedded Postgres start alone", baseline: pgOnly, higherIsBetter: false, notes: "includes initdb, setup, migrations, seed" }),
      ratioResult({ scenario: "foundation: warm `npm start` → first /readyz 200", metric: "ms", value: warm, baselineName: "embedded Postgres start alone", baseline: pgOnly, higherIsBetter: false }),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
