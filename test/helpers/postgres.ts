/**
 * Starts test/setup/postgresProcess.ts as a child process and talks to it.
 * Used by the global setup (one cluster for the whole run) and by tests that
 * need a cluster of their own to stop and start.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const ROOT = path.join(__dirname, "..", "..");

export interface TestPostgres {
  port: number;
  rootUrl: string;
  ownerPassword: string;
  authenticatorPassword: string;
  dataDir: string;
  templateDb: string;
  pid: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its data. */
  destroy(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function spawnTestPostgres(templateDb = "logicspike_template"): Promise<TestPostgres> {
  const port = await freePort();
  const secret = () => randomBytes(12).toString("hex");
  const env = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    TEST_PG_DIR: path.join(os.tmpdir(), `logicspike-test-${process.pid}-${randomBytes(4).toString("hex")}`),
    TEST_PG_PORT: String(port),
    TEST_PG_SUPERUSER_PASSWORD: secret(),
    TEST_DB_OWNER_PASSWORD: secret(),
    TEST_DB_AUTHENTICATOR_PASSWORD: secret(),
    TEST_TEMPLATE_DB: templateDb,
    // Signing keys etc. for every server of this run (generated once by the child).
    LOGICSPIKE_DATA_DIR: path.join(os.tmpdir(), `logicspike-test-data-${process.pid}-${randomBytes(4).toString("hex")}`),
  };
  const child: ChildProcessWithoutNullStreams = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    [path.join(ROOT, "test", "setup", "postgresProcess.ts")],
    { env, cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()).length > 20_000 && (stderr = stderr.slice(-10_000)));
  const lines = readline.createInterface({ input: child.stdout });
  const waiters: Array<{ match: (l: string) => boolean; resolve: (l: string) => void }> = [];
  lines.on("line", (line) => {
    const i = waiters.findIndex((w) => w.match(line));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(line);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const waitFor = (match: (l: string) => boolean, what: string) =>
    Promise.race([
      new Promise<string>((resolve) => waiters.push({ match, resolve })),
      exited.then((code) => {
        throw new Error(`test Postgres exited (${code}) while waiting for ${what}:\n${stderr}`);
      }),
    ]);

  const ready = await waitFor((l) => l.startsWith("READY "), "READY");
  const info = JSON.parse(ready.slice(6)) as { port: number; rootUrl: string };
  return {
    port: info.port,
    rootUrl: info.rootUrl,
    ownerPassword: env.TEST_DB_OWNER_PASSWORD,
    authenticatorPassword: env.TEST_DB_AUTHENTICATOR_PASSWORD,
    templateDb,
    dataDir: env.LOGICSPIKE_DATA_DIR,
    pid: child.pid!,
    async stop() {
      child.stdin.write("stop\n");
      await waitFor((l) => l === "STOPPED", "STOPPED");
    },
    async start() {
      child.stdin.write("start\n");
      await waitFor((l) => l === "STARTED", "STARTED");
    },
    async destroy() {
      child.stdin.end();
      await exited;
    },
  };
}
