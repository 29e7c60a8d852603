/**
 * The console's files page (/files) in a real headless Chromium against a
 * server process with local storage. The owner uploads through the page
 * (multipart POST /storage/v1/files): no file, a file over the size limit
 * (TOOLG), a file whose bytes are not what its name says (BADTY) and a file
 * past the plan's storage (LIMIT) are refused at the file field with nothing
 * stored; a text file is uploaded and
 * listed with its size, type, visibility, uploader and date, and the storage
 * used goes up; it is downloaded through a signed link (the bytes compared);
 * made public (its stable URL then serves it); a member without
 * storage:files.delete sees no Delete, and the API refuses their direct
 * DeleteFile; the owner deletes it after typing its name. A file over 8 MiB
 * goes over tus instead (/storage/v1/tus, in 8 MiB PATCHes) and is listed
 * ready with nothing of the upload left behind. No page may load
 * anything from another origin or raise a CSP violation or script error.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";
import { runJobs } from "../helpers/jobs";

const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-files-"));
afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

const MAX_BYTES = 4096;
const app = useConsoleBrowser({ artifactPrefix: "files", env: { STORAGE_BACKEND: "local", STORAGE_DIR: storageDir, STORAGE_MAX_FILE_BYTES: String(MAX_BYTES) } });
const { getDb, newPage, step, post, gql, signIn, signInUi, invitationToken } = app;

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const uploadForm = (page: Page) => page.getByRole("form", { name: "Upload a file" });

async function chooseAndUpload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const form = uploadForm(page);
  await form.getByLabel("File").setInputFiles(file);
  await form.getByRole("button", { name: "Upload" }).click();
}

it("uploads (TOOLG, BADTY and LIMIT refused at the field), lists, downloads, makes public and deletes a file; a member cannot delete", async () => {
  const owner = uniqueEmail("console-files");
  const workspace = `File Works ${Date.now()}`;
  expect((await post("/auth/register", { email: owner, password: GOOD_PASSWORD, name: "Fay Files", workspaceName: workspace })).status).toBe(202);
  const ownerToken = await signIn(owner);
  const tenantId = (await q("select id from app_public.tenants where name = $1", [workspace]))[0].id as string;
  const member = uniqueEmail("console-files-member");
  expect((await post("/auth/register", { email: member, password: GOOD_PASSWORD, name: "Max Member" })).status).toBe(202);
  expect((await gql("InviteMember", { email: member, role: "member" }, ownerToken)).body.errors).toBeUndefined();
  await runJobs(getDb());
  expect((await gql("AcceptInvitation", { token: invitationToken(member) }, await signIn(member))).body.errors).toBeUndefined();
  const files = async () => q("select name, content_type, size_bytes::int, visibility, status from app_public.files where tenant_id = $1 order by name", [tenantId]);
  const content = Buffer.from("Meeting notes\nBring the coffee.\n", "utf8");

  const page = await newPage();
  await step("empty at first; no file, too large and the wrong type refused at the field; nothing stored", async () => {
    await signInUi(page, owner, "/files");
    await shows(page.locator(".empty"), "No files yet.");
    await shows(page.getByTestId("storage-usage"), "0 B used");
    await uploadForm(page).getByRole("button", { name: "Upload" }).click();
    await shows(uploadForm(page).locator(".field-error"), "Choose a file to upload.");
    await chooseAndUpload(page, { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(MAX_BYTES + 1, "a") });
    await shows(uploadForm(page).locator(".field-error"), "larger than this workspace accepts");
    await shows(uploadForm(page).locator(".field-error"), "code: TOOLG");
    await chooseAndUpload(page, { name: "photo.png", mimeType: "image/png", buffer: content });
    await shows(uploadForm(page).locator(".field-error"), "code: BADTY");
    expect(await uploadForm(page).getByLabel("File").getAttribute("aria-invalid")).toBe("true");
    expect(await files()).toEqual([]);
  });

  await step("storage full (LIMIT) refused at the field, nothing stored", async () => {
    await q(`update app_public.billing_accounts set limits = limits || '{"storage_mb": 0}' where tenant_id = $1`, [tenantId]);
    try {
      await chooseAndUpload(page, { name: "notes.txt", mimeType: "text/plain", buffer: content });
      await shows(uploadForm(page).locator(".field-error"), "storage is full");
      await shows(uploadForm(page).locator(".field-error"), "code: LIMIT");
      expect(await files()).toEqual([]);
    } finally {
      await q("update app_public.billing_accounts set limits = limits - 'storage_mb' where tenant_id = $1", [tenantId]);
    }
  });

  await step("a text file is uploaded and listed with its size, type, visibility, uploader and date; usage goes up", async () => {
    await chooseAndUpload(page, { name: "notes.txt", mimeType: "text/plain", buffer: content });
    await shows(uploadForm(page).getByRole("status"), "notes.txt was uploaded.");
    const row = page.getByRole("row", { name: /notes\.txt/ });
    await shows(row, `${content.length} B`);
    await shows(row, "text/plain");
    await shows(row, "Private");
    await shows(row, "Fay Files");
    await shows(row, String(new Date().getFullYear()));
    await shows(page.getByTestId("storage-usage"), `${content.length} B used`);
    expect(await files()).toEqual([{ name: "notes.txt", content_type: expect.stringMatching(/^text\/plain/), size_bytes: content.length, visibility: "private", status: "ready" }]);
  });

  await step("downloaded through a signed link: the same bytes, and the page stays", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download notes.txt" }).click()]);
    expect(download.suggestedFilename()).toBe("notes.txt");
    expect(new URL(download.url()).pathname).toMatch(new RegExp(`^/storage/v1/object/sign/${tenantId}/[0-9a-f-]{36}$`));
    const saved = await download.path();
    expect(fs.readFileSync(saved!)).toEqual(content);
    expect(page.url()).toBe(`${app.url}/files`);
  });

  await step("made public: the stable URL serves it", async () => {
    const id = (await q("select id from app_public.files where tenant_id = $1 and name = 'notes.txt'", [tenantId]))[0].id as string;
    expect((await fetch(`${app.url}/storage/v1/object/public/${tenantId}/${id}`)).status).toBe(404);
    await page.getByRole("button", { name: "Make notes.txt public" }).click();
    await shows(page.getByRole("status"), "notes.txt is now public.");
    await shows(page.getByRole("row", { name: /notes\.txt/ }), "Public");
    expect((await files())[0].visibility).toBe("public");
    const res = await fetch(`${app.url}/storage/v1/object/public/${tenantId}/${id}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(content);
  });

  await step("a member sees the file and can download it, but has no Delete, and the API refuses their delete", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, member, "/files");
    await page.getByRole("combobox", { name: "Workspace", exact: true }).selectOption({ label: workspace });
    await shows(page.locator(".page-header"), workspace); // the switch lands on /team
    await page.getByRole("link", { name: "Files" }).click();
    await page.waitForURL(`${app.url}/files`);
    await page.getByRole("button", { name: "Download notes.txt" }).waitFor();
    expect(await page.getByRole("button", { name: /^Delete / }).count()).toBe(0);
    const id = (await q("select id from app_public.files where tenant_id = $1 and name = 'notes.txt'", [tenantId]))[0].id as string;
    const refused = (await gql("DeleteFile", { rowId: id }, await signIn(member, tenantId))).body;
    // Refused by the delete policy: no row the member may delete, so NTFND (server/src/graphql/missingRowErrors.ts).
    expect(refused.errors?.[0]?.extensions?.code).toBe("NTFND");
    expect((await files()).map((f) => f.name)).toEqual(["notes.txt"]);
  });

  await step("the owner deletes it after typing its name", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInUi(page, owner, "/files");
    await page.getByRole("button", { name: "Delete notes.txt" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Delete file" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type notes.txt to confirm").fill("notes.txt");
    await confirm.click();
    await dialog.waitFor({ state: "detached" });
    await shows(page.locator(".empty"), "No files yet.");
    expect(await files()).toEqual([]);
    await shows(page.getByTestId("storage-usage"), "0 B used");
  });

  await step("a file over 8 MiB is uploaded resumably over tus, in chunks, and listed ready", async () => {
    await q("insert into app_public.storage_settings (tenant_id, max_file_bytes) values ($1, 16777216)", [tenantId]);
    const tusRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/storage/v1/tus")) tusRequests.push(r.method());
    });
    const big = Buffer.alloc(9 * 1024 * 1024, "All work and no play.\n");
    await chooseAndUpload(page, { name: "long-notes.txt", mimeType: "text/plain", buffer: big });
    await uploadForm(page).getByRole("status").filter({ hasText: "long-notes.txt was uploaded." }).first().waitFor({ timeout: 60_000 });
    await shows(page.getByRole("row", { name: /long-notes\.txt/ }), "9.0 MB");
    expect(tusRequests.filter((m) => m === "POST").length).toBe(1);
    expect(tusRequests.filter((m) => m === "PATCH").length).toBe(2); // 8 MiB, then the last 1 MiB
    expect(await files()).toEqual([{ name: "long-notes.txt", content_type: "text/plain", size_bytes: big.length, visibility: "private", status: "ready" }]);
    expect(await q("select 1 from app_private.tus_uploads where tenant_id = $1", [tenantId])).toEqual([]);
    const stored = fs.readFileSync(path.join(storageDir, tenantId, (await q("select id from app_public.files where tenant_id = $1", [tenantId]))[0].id));
    expect(stored.equals(big)).toBe(true);
  });
}, 180_000);
