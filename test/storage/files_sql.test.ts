/**
 * app_public.files as the request role sees it: RLS per workspace and permission, name/folder guards
 * (BADNM), bytes reserved on storage.bytes against the plan's storage_mb in the inserting transaction
 * (LIMIT past it, nothing charged), released on delete, and file.uploaded / file.deleted in the outbox.
 * The concurrency test uses committed transactions on separate connections so the counter row is
 * really contended.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { asRequestRole, attempt, becomeRequestRole, identityOf, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();
const MiB = 1048576;
const SHA = "a".repeat(64);

async function newWorkspace(storageMb: number | null = null): Promise<{ tenantId: string; userId: string }> {
  const marker = randomBytes(4).toString("hex");
  const { rows } = await getDb().superPool.query("select user_id, tenant_id from app_private.register_user($1, 'Files Owner', null, $2)", [`files-${marker}@example.com`, `Files ${marker}`]);
  const ws = { tenantId: rows[0].tenant_id as string, userId: rows[0].user_id as string };
  if (storageMb !== null) {
    await getDb().superPool.query("update app_public.billing_accounts set limits = limits || jsonb_build_object('storage_mb', $2::int) where tenant_id = $1", [ws.tenantId, storageMb]);
  }
  return ws;
}

async function used(tenantId: string): Promise<number> {
  const { rows } = await getDb().superPool.query("select used from app_private.meter_check($1, 'storage.bytes', 0)", [tenantId]);
  return Number(rows[0].used);
}

async function member(tenantId: string): Promise<string> {
  const marker = randomBytes(4).toString("hex");
  const { rows } = await getDb().superPool.query("select user_id from app_private.register_user($1, 'Member', null, $2)", [`member-${marker}@example.com`, `Own ${marker}`]);
  await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [tenantId, rows[0].user_id]);
  return rows[0].user_id;
}

const insertFile = "insert into app_public.files (folder, name, content_type, size_bytes, checksum_sha256) values ($1, $2, $3, $4, $5) returning id, storage_key, status, tenant_id, uploaded_by";

it("puts the permissions in the catalog and the role templates: owners and admins all three, members read and write", async () => {
  const { rows } = await getDb().superPool.query(
    "select key, array(select p from unnest(permissions) p where p like 'storage:%' order by p) as storage from app_public.role_templates order by rank desc");
  expect(rows).toEqual([
    { key: "owner", storage: ["storage:files.delete", "storage:files.read", "storage:files.write"] },
    { key: "admin", storage: ["storage:files.delete", "storage:files.read", "storage:files.write"] },
    { key: "member", storage: ["storage:files.read", "storage:files.write"] },
  ]);
  const perms = await getDb().superPool.query("select count(*)::int as n from app_public.permissions where key like 'storage:files.%'");
  expect(perms.rows[0].n).toBe(3);
});

it("creates a pending file in the caller's workspace, keyed by tenant and id, and reserves its bytes", async () => {
  const ws = await newWorkspace();
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  const before = await used(ws.tenantId);
  const row = await asRequestRole(getDb(), identity, async (c) => {
    const { rows } = await c.query(insertFile, ["docs/2026", "report.pdf", "application/pdf", 1234, null]);
    const inTx = await c.query("select count(*)::int as n from app_public.files");
    expect(inTx.rows[0].n).toBe(1);
    await c.query("commit");
    return rows[0];
  });
  expect(row).toMatchObject({ status: "pending", tenant_id: ws.tenantId, uploaded_by: ws.userId, storage_key: `${ws.tenantId}/${row.id}` });
  expect(await used(ws.tenantId)).toBe(before + 1234);
});

it("refuses unsafe names and folders with BADNM and stores or charges nothing", async () => {
  const ws = await newWorkspace();
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  await asRequestRole(getDb(), identity, async (c) => {
    for (const [folder, name] of [["", "../etc/passwd"], ["", ".."], ["", "a\\b"], ["", "x\u0000y"], ["", " spaced"], ["../up", "a.txt"], ["a/../b", "a.txt"], ["/abs", "a.txt"], [".hidden", "a.txt"], ["", ""]]) {
      expect(await attempt(c, insertFile, [folder, name, "text/plain", 10, null])).toEqual({ error: folder === "" && name.includes("\u0000") ? "22021" : "BADNM" });
    }
    expect((await c.query("select count(*)::int as n from app_public.files")).rows[0].n).toBe(0);
  });
  expect(await used(ws.tenantId)).toBe(0);
});

it("keeps workspaces apart and needs the permissions: another workspace's file is invisible and cannot be changed", async () => {
  const a = await newWorkspace();
  const b = await newWorkspace();
  const idA = await identityOf(getDb(), a.userId, a.tenantId);
  const fileId = await asRequestRole(getDb(), idA, async (c) => {
    const { rows } = await c.query(insertFile, ["", "a.txt", "text/plain", 5, null]);
    await c.query("commit");
    return rows[0].id as string;
  });
  await asRequestRole(getDb(), await identityOf(getDb(), b.userId, b.tenantId), async (c) => {
    expect((await c.query("select * from app_public.files where id = $1", [fileId])).rowCount).toBe(0);
    expect(await attempt(c, "update app_public.files set name = 'stolen.txt' where id = $1", [fileId])).toEqual({ rowCount: 0 });
    expect(await attempt(c, "delete from app_public.files where id = $1", [fileId])).toEqual({ rowCount: 0 });
    // tenant_id is not writable, status and storage_key neither.
    expect(await attempt(c, "insert into app_public.files (tenant_id, name, size_bytes) values ($1, 'x', 1)", [a.tenantId])).toEqual({ error: "42501" });
    expect(await attempt(c, "update app_public.files set status = 'ready'")).toEqual({ error: "42501" });
  });
  // Without storage:files.read the caller's own workspace's files are invisible too; without write, no insert.
  await asRequestRole(getDb(), { ...idA, permissions: [] }, async (c) => {
    expect((await c.query("select * from app_public.files")).rowCount).toBe(0);
    expect(await attempt(c, insertFile, ["", "b.txt", "text/plain", 5, null])).toEqual({ error: "42501" });
  });
  const { rows } = await getDb().superPool.query("select name from app_public.files where id = $1", [fileId]);
  expect(rows).toEqual([{ name: "a.txt" }]);
});

it("lets a member abandon their own pending upload but not delete a ready file (that needs storage:files.delete)", async () => {
  const ws = await newWorkspace();
  const memberId = await member(ws.tenantId);
  const mIdentity = await identityOf(getDb(), memberId, ws.tenantId);
  expect(mIdentity.permissions).not.toContain("storage:files.delete");
  const [pending, ready] = await asRequestRole(getDb(), mIdentity, async (c) => {
    const p = (await c.query(insertFile, ["", "p.txt", "text/plain", 5, null])).rows[0].id as string;
    const r = (await c.query(insertFile, ["", "r.txt", "text/plain", 5, SHA])).rows[0].id as string;
    await c.query("commit");
    return [p, r];
  });
  await getDb().ownerPool.query("update app_public.files set status = 'ready', uploaded_at = now() where id = $1", [ready]);
  await asRequestRole(getDb(), mIdentity, async (c) => {
    expect(await attempt(c, "delete from app_public.files where id = $1", [ready])).toEqual({ rowCount: 0 });
    expect(await attempt(c, "delete from app_public.files where id = $1", [pending])).toEqual({ rowCount: 1 });
    await c.query("commit");
  });
  expect(await used(ws.tenantId)).toBe(5);
});

it("reserves past the quota never: LIMIT, nothing stored, nothing charged; deleting releases the bytes", async () => {
  const ws = await newWorkspace(1);
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  const id = await asRequestRole(getDb(), identity, async (c) => {
    const { rows } = await c.query(insertFile, ["", "big.bin", "application/octet-stream", MiB - 10, null]);
    expect(await attempt(c, insertFile, ["", "one-too-many.bin", "application/octet-stream", 11, null])).toEqual({ error: "LIMIT" });
    await c.query("commit");
    return rows[0].id as string;
  });
  expect(await used(ws.tenantId)).toBe(MiB - 10);
  const names = await getDb().superPool.query("select name from app_public.files where tenant_id = $1", [ws.tenantId]);
  expect(names.rows).toEqual([{ name: "big.bin" }]);
  await asRequestRole(getDb(), identity, async (c) => {
    expect((await c.query("delete from app_public.files where id = $1", [id])).rowCount).toBe(1);
    await c.query("commit");
  });
  expect(await used(ws.tenantId)).toBe(0);
});

it("never passes the limit with 20 parallel reservations near it", async () => {
  const ws = await newWorkspace(1);
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  const pool = new pg.Pool({ connectionString: getDb().urls.auth, max: 20 });
  pool.on("error", () => {});
  const size = 100_000; // 10 fit in 1 MiB (1 048 576), the 11th does not
  try {
    const results = await Promise.allSettled(Array.from({ length: 20 }, async (_, i) => {
      const c = await pool.connect();
      try {
        await c.query("begin");
        await becomeRequestRole(c, identity);
        await c.query(insertFile, ["par", `f${i}.bin`, "application/octet-stream", size, null]);
        await c.query("select pg_sleep(0.01)");
        await c.query("commit");
      } catch (e) {
        await c.query("rollback");
        throw e;
      } finally {
        c.release();
      }
    }));
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code);
    expect(ok).toBe(10);
    expect(refused).toEqual(Array(10).fill("LIMIT"));
  } finally {
    await pool.end();
  }
  expect(await used(ws.tenantId)).toBe(10 * size);
  const { rows } = await getDb().superPool.query("select coalesce(sum(size_bytes), 0)::bigint as s from app_public.files where tenant_id = $1", [ws.tenantId]);
  expect(Number(rows[0].s)).toBe(10 * size);
});

it("announces a file that became ready (file.uploaded) and a deleted ready file (file.deleted) in the outbox, audited", async () => {
  const ws = await newWorkspace();
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  const id = await asRequestRole(getDb(), identity, async (c) => {
    const { rows } = await c.query(insertFile, ["", "hello.txt", "text/plain", 5, SHA]);
    await c.query("commit");
    return rows[0].id as string;
  });
  // Becoming ready is trusted server code's job (the owner role); the request role has no grant on status.
  await getDb().ownerPool.query("update app_public.files set status = 'ready', uploaded_at = now() where id = $1", [id]);
  await getDb().ownerPool.query("update app_public.files set name = 'hello2.txt' where id = $1", [id]);
  await asRequestRole(getDb(), identity, async (c) => {
    await c.query("delete from app_public.files where id = $1", [id]);
    await c.query("commit");
  });
  const { rows } = await getDb().superPool.query("select type, payload from app_private.events where tenant_id = $1 and type like 'file.%' order by occurred_at, type", [ws.tenantId]);
  expect(rows).toEqual([
    { type: "file.uploaded", payload: { fileId: id, folder: "", name: "hello.txt", contentType: "text/plain", sizeBytes: 5, checksumSha256: SHA, visibility: "private", uploadedBy: ws.userId } },
    { type: "file.deleted", payload: { fileId: id, folder: "", name: "hello2.txt", sizeBytes: 5 } },
  ]);
  const audit = await getDb().superPool.query("select count(*)::int as n from app_public.audit_log where tenant_id = $1 and table_name like '%files'", [ws.tenantId]);
  expect(audit.rows[0].n).toBeGreaterThanOrEqual(4);
});

it("deleting the workspace removes its files, ready ones included", async () => {
  const ws = await newWorkspace();
  const identity = await identityOf(getDb(), ws.userId, ws.tenantId);
  await asRequestRole(getDb(), identity, async (c) => {
    await c.query(insertFile, ["", "a.txt", "text/plain", 5, SHA]);
    await c.query("commit");
  });
  await getDb().ownerPool.query("update app_public.files set status = 'ready', uploaded_at = now() where tenant_id = $1", [ws.tenantId]);
  await getDb().superPool.query("delete from app_public.tenants where id = $1", [ws.tenantId]);
  const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.files where tenant_id = $1", [ws.tenantId]);
  expect(rows[0].n).toBe(0);
});
