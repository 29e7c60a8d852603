/**
 * Runs the real entry point (`node --import tsx server/src/index.ts`, what `npm start`
 * runs) as a child process against a test database, for what cannot run
 * inside jest's VM (Ruru loads ESM dynamically) and for multi-process tests.
 * `{ viaNpm: true }` runs `npm start` itself, so `stop()` signals the npm
 * process, as a process manager would.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { DatabaseUrls } from "../../core/db/urls";
import { freePort } from "./postgres";

const ROOT = path.join(__dirname, "..", "..");

export interface ServerProcess {
  url: string;
  output(): string;
  /** The process signalled by stop(): node itself, or npm with `viaNpm`. */
  pid: number;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnServerProcess(
  urls: DatabaseUrls,
  env: Record<string, string> = {},
  { viaNpm = false }: { viaNpm?: boolean } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const [command, args] = viaNpm
    ? ["npm", ["start", "--silent"]]
    : [path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "server", "src", "index.ts")]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      PORT: String(port),
      DATABASE_URL: urls.owner,
      AUTH_DATABASE_URL: urls.auth,
      ROOT_DATABASE_URL: "",
      SEED_ON_START: "false",
      WORKER_IN_PROCESS: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become ready:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => out,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

export interface WorkerProcess {
  output(): string;
  stop(): Promise<number | null>;
}

/** Runs `npm run worker`'s entry point (tsx functions/src/cli.ts) as a child process; resolves once it has started. */
export async function spawnWorkerProcess(urls: DatabaseUrls, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "functions", "src", "cli.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", DATABASE_URL: urls.owner, ROOT_DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!/Worker started/.test(out)) {
    if (child.exitCode !== null) throw new Error(`worker exited early (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`worker did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    output: () => out,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
