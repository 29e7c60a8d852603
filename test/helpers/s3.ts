/**
 * A real S3-compatible server for the tests: s3rver (from our own node_modules) in its own process, on a
 * free loopback port, with a temporary data folder and one bucket, spoken to through the real AWS SDK.
 * Stopped (and its folder removed) by close().
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

const BIN = path.join(__dirname, "..", "..", "node_modules", "s3rver", "bin", "s3rver.js");

export async function startTestS3(bucket = "files"): Promise<TestS3> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  // -p 0: the OS picks a free port, which s3rver prints; no race between choosing a port and binding it.
  const child: ChildProcess = spawn(process.execPath, [BIN, "-d", dir, "-a", "127.0.0.1", "-p", "0", "-s", "--configure-bucket", bucket], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`s3rver did not start: ${out}`)), 15000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on [^:]+:(\d+)/.exec(out);
      if (m) (clearTimeout(timer), resolve(Number(m[1])));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`s3rver exited with ${code}: ${out}`))));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    // s3rver's built-in development credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
