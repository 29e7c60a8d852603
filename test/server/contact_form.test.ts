/**
 * The pattern every feature follows, end to end: GraphQL mutation as an
 * anonymous visitor -> SECURITY DEFINER function -> row -> trigger ->
 * graphile_worker.add_job through the wrapper -> task -> real SMTP.
 */
import { asRequestRole, useTestDatabase } from "../helpers/db";
import { getJobs, runJobs } from "../helpers/jobs";
import { startTestServer, type TestServer } from "../helpers/server";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";

const getDb = useTestDatabase();
let server: TestServer;
let smtp: TestSmtp;
const SUBMIT = `mutation Submit($name: String!, $email: String!, $message: String!) {
  submitContactMessage(input: { name: $name, email: $email, message: $message }) { result }
}`;

beforeAll(async () => {
  server = await startTestServer(getDb());
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.CONTACT_INBOX = "inbox@operators.test";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.CONTACT_INBOX;
  await server?.close();
  await smtp?.close();
});

const countMessages = async () =>
  Number((await getDb().ownerPool.query("select count(*) from app_private.contact_messages")).rows[0].count);

describe("contact form", () => {
  it("queues a job in the same transaction and the worker emails the operators exactly once", async () => {
    const marker = `marker-${Date.now()}`;
    const res = await server.graphql(SUBMIT, { name: "Ada", email: "ada@example.com", message: `Hello ${marker}` });
    expect(res.body).toEqual({ data: { submitContactMessage: { result: true } } });

    const jobs = await getJobs(getDb(), "contact_messages__notify");
    expect(jobs).toHaveLength(1);
    const { rows } = await getDb().ownerPool.query("select id, notified_at from app_private.contact_messages where message like $1", [`%${marker}`]);
    expect(jobs[0].payload).toEqual({ id: rows[0].id });
    expect(rows[0].notified_at).toBeNull();

    await runJobs(getDb());
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["inbox@operators.test"]);
    expect(smtp.received[0].raw).toContain(marker);
    expect(smtp.received[0].raw).toMatch(/^Reply-To: ada@example.com/m);
    expect(await getJobs(getDb(), "contact_messages__notify")).toEqual([]);

    // Replaying the job (a retry after success) sends nothing more.
    await getDb().ownerPool.query("select graphile_worker.add_job('contact_messages__notify', json_build_object('id', $1::uuid))", [rows[0].id]);
    await runJobs(getDb());
    expect(smtp.received).toHaveLength(1);
    const after = await getDb().ownerPool.query("select notified_at from app_private.contact_messages where id = $1", [rows[0].id]);
    expect(after.rows[0].notified_at).toBeInstanceOf(Date);
  });

  it.each([
    ["an empty name", { name: "", email: "a@b.co", message: "hi" }, /name/],
    ["a malformed email", { name: "Bob", email: "not-an-email", message: "hi" }, /email/],
    ["a message over 5000 characters", { name: "Bob", email: "a@b.co", message: "x".repeat(5001) }, /message/],
  ])("rejects %s with a coded INVLD error and changes nothing", async (_label, input, pattern) => {
    const before = await countMessages();
    const jobsBefore = (await getJobs(getDb())).length;
    const res = await server.graphql(SUBMIT, input);
    expect(res.body.data?.submitContactMessage ?? null).toBeNull();
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: "INVLD" } });
    expect(res.body.errors?.[0].message).toMatch(pattern);
    expect(await countMessages()).toBe(before);
    expect((await getJobs(getDb())).length).toBe(jobsBefore);
  });

  it("keeps submissions unreadable to every request role", async () => {
    for (const identity of [undefined, { role: "app_user" as const, permissions: [], services: [] }]) {
      await asRequestRole(getDb(), identity, async (c) => {
        await expect(c.query("select * from app_private.contact_messages")).rejects.toMatchObject({ code: "42501" });
      });
    }
    const res = await server.graphql("{ __schema { types { name } } }");
    expect(JSON.stringify(res.body)).not.toMatch(/ContactMessage"/);
  });

  it("lets request roles queue jobs only through the SECURITY DEFINER wrapper", async () => {
    await asRequestRole(getDb(), undefined, async (c) => {
      await expect(c.query("select graphile_worker.add_job('contact_messages__notify', '{}')")).rejects.toMatchObject({ code: "42501" });
    });
    await asRequestRole(getDb(), undefined, async (c) => {
      await expect(c.query("select app_private.add_job('contact_messages__notify', '{}')")).rejects.toMatchObject({ code: "42501" });
    });
  });
});
