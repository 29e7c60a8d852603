/**
 * A real, throwaway redis-server for tests: its own port and temp dir, bound to
 * loopback, no persistence (`--save "" --appendonly no`), so a restart starts
 * empty. Missing redis-server is a failure, not a skip: the Redis store must be
 * tested wherever the suite runs (.ci/run installs it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./postgres";

export interface TestRedis {
  port: number;
  url: string;
  /** A client of the test's own, for looking at or clearing the counters. */
  client: Redis;
  /** Stops redis-server (the data is gone: nothing is persisted). */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

const MISSING = "redis-server not found: install redis-server (apt-get install redis-server); .ci/run does this in CI";

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "logicspike-redis-"));
  let child: ChildProcess | undefined;
  let output = "";

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return; // already running
    output = "";
    const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (err: NodeJS.ErrnoException) => reject(err.code === "ENOENT" ? new Error(MISSING) : err));
      proc.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before answering PING:\n${output}`)));
    });
    failed.catch(() => undefined); // observed by the race below; later exits are expected (stop)
    await Promise.race([failed, waitForPing(port)]);
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;
  };

  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const client = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on("error", () => undefined); // the test stops the server on purpose; commands still reject
  await client.connect();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    client,
    stop,
    start,
    async destroy() {
      client.disconnect();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls PING on a fresh connection (no retries of its own) for up to 10 s. */
async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === "PONG") return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on port ${port} within 10 s`);
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
