/**
 * The README's "Quick tour", run from the README text so it cannot drift: its
 * ```sh blocks, in order, in one bash session (`set -euo pipefail`) against a
 * server process started like `npm start` (worker in-process), with the
 * server's URL as BASE. Where a reader pastes a token from an email, the test
 * exports it from the mail the real SMTP server caught. `# → …` lines are the
 * output the README promises (`…` matches anything); then SQL checks the
 * journey really happened. TOUR_DEBUG=1 prints each block's output.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useTestDatabase } from "./helpers/db";
import { spawnServerProcess, type ServerProcess } from "./helpers/serverProcess";
import { useTestSmtp, type ReceivedMail } from "./helpers/smtp";

const README = path.join(__dirname, "..", "README.md");

/** Variables the reader copies from an email, and where the token sits in it (43 characters, as the README says). */
const FROM_EMAIL: Record<string, RegExp> = {
  VERIFY_TOKEN: /\/verify-email\?token=([A-Za-z0-9_-]{43})\b/,
  INVITE_TOKEN: /\/invitations\/accept\?token=([A-Za-z0-9_-]{43})\b/,
};

function tourBlocks(): string[] {
  const section = /^## Quick tour\n([\s\S]*?)(?=^## )/m.exec(fs.readFileSync(README, "utf8"))?.[1];
  if (!section) throw new Error('README.md has no "## Quick tour" section');
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** `# → text` lines: text must be a line of the block's output, `…` standing for anything. */
function promisedLines(block: string): RegExp[] {
  return [...block.matchAll(/^# → (.*)$/gm)].map(
    (m) => new RegExp(`^${m[1].split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "m"),
  );
}

function requireTool(tool: string) {
  if (spawnSync(tool, ["--version"]).error) throw new Error(`The README tour needs \`${tool}\` on PATH; install it to run this test.`);
}

/**
 * One bash process for the whole tour, so variables carry from block to block.
 * Each block is sourced from a file with stdin from /dev/null (a command that
 * reads stdin cannot swallow the next block); a marker on stdout ends it.
 */
class Shell {
  private child: ChildProcessWithoutNullStreams;
  private stdout = "";
  private stderr = "";
  private exited: Promise<number | null>;
  private dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-tour-"));
  private n = 0;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn("bash", ["--noprofile", "--norc"], { env, stdio: "pipe" });
    this.child.stdout.on("data", (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.child.stdin.write("set -euo pipefail\n");
  }

  async run(script: string, timeoutMs = 30_000): Promise<{ ok: boolean; stdout: string; stderr: string; why?: string }> {
    const file = path.join(this.dir, `block-${++this.n}.sh`);
    const marker = `__tour_block_${this.n}_${randomBytes(4).toString("hex")}__`;
    fs.writeFileSync(file, script);
    const [outStart, errStart] = [this.stdout.length, this.stderr.length];
    this.child.stdin.write(`source ${JSON.stringify(file)} </dev/null\nprintf '\\n%s\\n' ${marker}\n`);
    const deadline = Date.now() + timeoutMs;
    let why: string | undefined;
    for (;;) {
      if (this.stdout.includes(marker, outStart)) break;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        why = `bash exited with ${this.child.exitCode ?? this.child.signalCode}`;
        break;
      }
      if (Date.now() > deadline) {
        why = `no end after ${timeoutMs} ms`;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const stdout = this.stdout.slice(outStart).split(marker)[0].replace(/\n+$/, "");
    return { ok: !why, stdout, stderr: this.stderr.slice(errStart), why };
  }

  async close() {
    if (this.child.exitCode === null) {
      this.child.stdin.end();
      this.child.kill("SIGTERM");
    }
    await this.exited;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const getDb = useTestDatabase();
const getSmtp = useTestSmtp();
let server: ServerProcess;

beforeAll(async () => {
  requireTool("bash");
  requireTool("curl");
  server = await spawnServerProcess(getDb().urls, { NODE_ENV: "development", WORKER_IN_PROCESS: "true", SMTP_URL: getSmtp().url });
});
afterAll(async () => {
  await server?.stop();
});

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const decoded = (mail: ReceivedMail) =>
  mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The token from the first mail not used yet that carries one of this kind; waits for the worker to send it. */
async function tokenFromMail(variable: string, used: Set<ReceivedMail>): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const mail of getSmtp().received) {
      const token = used.has(mail) ? undefined : FROM_EMAIL[variable].exec(decoded(mail))?.[1];
      if (token) {
        used.add(mail);
        return token;
      }
    }
    if (Date.now() > deadline) throw new Error(`no email with a ${variable} arrived; mails so far:\n${getSmtp().received.map(decoded).join("\n---\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("runs the README quick tour block by block, and the journey really happens", async () => {
  const blocks = tourBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  const { BASE: _base, BASH_ENV: _bashEnv, ...inherited } = process.env;
  // The reader has node (npm start needs it); give the shell the one running jest.
  const shell = new Shell({ ...inherited, BASE: server.url, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` });
  const outputs: string[] = [];
  const usedMails = new Set<ReceivedMail>();
  try {
    for (const [i, block] of blocks.entries()) {
      for (const m of block.matchAll(/\$\{([A-Z_]+):\?/g)) {
        if (!FROM_EMAIL[m[1]]) throw new Error(`block ${i + 1} asks the reader for ${m[1]}, which this test cannot provide:\n${block}`);
        const exported = await shell.run(`export ${m[1]}=${await tokenFromMail(m[1], usedMails)}`);
        if (!exported.ok) throw new Error(`could not export ${m[1]}: ${exported.why}\n${exported.stderr}`);
      }
      const res = await shell.run(block);
      const context = `README quick tour, block ${i + 1}:\n${block}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`;
      if (!res.ok) throw new Error(`${context}\nfailed: ${res.why}\nserver log (end):\n${server.output().slice(-3000)}`);
      for (const line of promisedLines(block)) {
        if (!line.test(res.stdout)) throw new Error(`${context}\nthe README promises output matching ${line}`);
      }
      outputs.push(res.stdout);
      if (process.env.TOUR_DEBUG) console.log(`block ${i + 1}:\n${res.stdout}`);
    }
  } finally {
    await shell.close();
  }
  const outputOf = (needle: string) => {
    const i = blocks.findIndex((b) => b.includes(needle));
    if (i < 0) throw new Error(`no quick-tour block contains ${needle}`);
    return outputs[i];
  };

  // The workspace the tour created is the one with an accepted invitation: its inviter owns it, the invitee is a member.
  const accepted = await q("select tenant_id, invited_by, accepted_by from app_public.invitations where accepted_at is not null");
  expect(accepted).toHaveLength(1);
  const [acme] = accepted;
  const members = await q(
    "select m.user_id, m.role, u.is_verified from app_public.memberships m join app_public.users u on u.id = m.user_id where m.tenant_id = $1 order by m.role",
    [acme.tenant_id],
  );
  // Both proved their address: the owner with the verification link, the invitee by accepting.
  expect(members).toEqual([
    { user_id: acme.accepted_by, role: "member", is_verified: true },
    { user_id: acme.invited_by, role: "owner", is_verified: true },
  ]);

  const posts = await q("select title, status, author_id from app_public.posts where tenant_id = $1", [acme.tenant_id]);
  expect(posts).toEqual([{ title: expect.any(String), status: "published", author_id: acme.invited_by }]);
  // The API key exists and read that post.
  expect(await q("select revoked_at from app_public.api_keys where tenant_id = $1", [acme.tenant_id])).toEqual([{ revoked_at: null }]);
  expect(outputOf("x-api-key")).toContain(JSON.stringify({ title: posts[0].title }));

  expect(await q("select url, is_enabled from app_public.webhook_endpoints where tenant_id = $1", [acme.tenant_id])).toEqual([
    { url: expect.stringMatching(/^https:\/\//), is_enabled: true },
  ]);

  // The audit log recorded the journey, and the tour's last block printed its newest entries.
  const audit = await q("select event, action, table_name from app_public.audit_log where tenant_id = $1 order by seq", [acme.tenant_id]);
  const seen = audit.map((a) => a.event ?? `${a.action} ${a.table_name}`);
  expect(seen).toEqual(expect.arrayContaining(["member.added", "apikey.created", "insert posts", "insert webhook_endpoints"]));
  const printed = outputOf("auditEntries").split("\n").map((l) => JSON.parse(l) as { event: string | null; action: string; tableName: string });
  expect(printed.length).toBeGreaterThan(0);
  // A run of the log, newest first (the worker may have audited something since, so not necessarily the very newest).
  const line = (e: unknown[]) => JSON.stringify(e);
  const newestFirst = audit.map((a) => line([a.event, a.action, a.table_name])).reverse();
  expect(`\n${newestFirst.join("\n")}\n`).toContain(`\n${printed.map((p) => line([p.event, p.action, p.tableName])).join("\n")}\n`);
});
