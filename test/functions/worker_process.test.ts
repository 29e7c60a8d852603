/**
 * `npm run worker` as its own process (how the compose stack runs it): it
 * picks up a job queued by a database trigger via LISTEN/NOTIFY, runs the
 * task against a real SMTP server, and stops cleanly on SIGTERM.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { loadConfig } from "../../core/config";
import { loadTaskList } from "../../functions/src/worker";
import { useTestDatabase } from "../helpers/db";
import { startTestSmtp } from "../helpers/smtp";
import { eventually } from "../helpers/expect";

const ROOT = path.join(__dirname, "..", "..");
const getDb = useTestDatabase();

it("loads one task per file in functions/src/tasks, named after the file", () => {
  const tasks = loadTaskList(loadConfig());
  expect(Object.keys(tasks)).toContain("contact_messages__notify");
  for (const fn of Object.values(tasks)) expect(typeof fn).toBe("function");
});

it("runs as its own process, delivers a trigger-queued job, and exits 0 on SIGTERM", async () => {
  const smtp = await startTestSmtp();
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(ROOT, "functions", "src", "cli.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", DATABASE_URL: getDb().urls.owner, SMTP_URL: smtp.url, CONTACT_INBOX: "ops@example.test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  child.stderr.on("data", (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    // Queue through the public path: the SECURITY DEFINER function as the anonymous role.
    const client = await getDb().authPool.connect();
    try {
      await client.query("begin; set local role app_anonymous");
      await client.query("select app_public.submit_contact_message('W', 'w@example.com', 'for the worker process')");
      await client.query("commit");
    } finally {
      client.release();
    }
    await eventually("the worker process's email", () => smtp.received.length > 0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].raw).toContain("for the worker process");
    const notifiedAt = await eventually("the message to be marked notified", async () => {
      const { rows } = await getDb().ownerPool.query("select notified_at from app_private.contact_messages where name = 'W'");
      return rows[0]?.notified_at as Date | null;
    }, { timeoutMs: 5_000 });
    expect(notifiedAt).toBeInstanceOf(Date);
  } finally {
    child.kill("SIGTERM");
    const code = await exited;
    await smtp.close();
    expect({ code, out: code === 0 ? "" : out }).toEqual({ code: 0, out: "" });
  }
});
