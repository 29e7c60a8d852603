/**
 * The audit log in SQL: what the row trigger records (actor, request id and
 * IP from the transaction settings, diff, redaction), that no request role can
 * change it, and the per-workspace hash chain: a random committed workload
 * over several workspaces (concurrent writers included) verifies for every
 * workspace, superuser tampering is detected and located, and retention keeps
 * the chain verifiable.
 */
import type pg from "pg";
import type { VerifiedIdentity } from "../../core/tenancy";
import { asOwner, asRequestRole, asSuperuser, attempt, becomeRequestRole, identityOf, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();
const su = async <T extends Record<string, any> = Record<string, any>>(sql: string, params: unknown[] = []) =>
  (await getDb().superPool.query<T>(sql, params)).rows;

interface Workspace {
  tenantId: string;
  ownerId: string;
  memberId: string;
}

let seq = 0;
async function workspace(label: string): Promise<Workspace> {
  const tag = `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  const [owner] = await su("select user_id, tenant_id from app_private.register_user($1, $2, null, $3)", [`owner-${tag}@example.com`, `Owner ${tag}`, `WS ${tag}`]);
  const [member] = await su("select user_id from app_private.register_user($1, $2, null, null)", [`member-${tag}@example.com`, `Member ${tag}`]);
  await su("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenant_id, member.user_id]);
  return { tenantId: owner.tenant_id, ownerId: owner.user_id, memberId: member.user_id };
}



const verify = async (c: pg.ClientBase | pg.Pool, tenantId: string) =>
  (await c.query("select app_private.verify_audit_chain($1) as ok", [tenantId])).rows[0].ok as boolean;
const firstBad = async (c: pg.ClientBase | pg.Pool, tenantId: string) =>
  (await c.query("select seq::int, id::int, problem from app_private.audit_chain_first_bad($1)", [tenantId])).rows[0];

let A: Workspace;
let B: Workspace;
beforeAll(async () => {
  A = await workspace("a");
  B = await workspace("b");
});

describe("the row trigger", () => {
  it("records inserts, updates and deletes with the actor, request id and IP from the transaction settings", async () => {
    const me = await identityOf(getDb(), A.ownerId, A.tenantId);
    await asRequestRole(getDb(), me, async (c) => {
      await c.query("select set_config('app.request_id', 'req-audit-1', true), set_config('app.client_ip', '203.0.113.7', true)");
      const { rows: [post] } = await c.query("insert into app_public.posts (title, body) values ('Hello', 'first') returning id");
      await c.query("update app_public.posts set title = 'Hello again' where id = $1", [post.id]);
      await c.query("delete from app_public.posts where id = $1", [post.id]);
      const { rows } = await c.query(
        "select action, table_name, record_id, actor_user_id, actor_api_key_id, request_id, host(ip) as ip, diff from app_public.audit_log where record_id = $1 order by seq",
        [post.id],
      );
      expect(rows.map((r) => r.action)).toEqual(["insert", "update", "delete"]);
      for (const r of rows) {
        expect(r).toMatchObject({ table_name: "posts", record_id: post.id, actor_user_id: A.ownerId, actor_api_key_id: null, request_id: "req-audit-1", ip: "203.0.113.7" });
      }
      // Insert: the whole row; update: only what changed (updated_at is noise); delete: the old row.
      expect(rows[0].diff).toMatchObject({ id: post.id, tenant_id: A.tenantId, title: "Hello", body: "first", status: "draft" });
      expect(rows[1].diff).toEqual({ title: { old: "Hello", new: "Hello again" } });
      expect(rows[2].diff).toMatchObject({ id: post.id, title: "Hello again" });
    });
  });

  it("records the API key as the actor, and skips updates that change nothing worth recording", async () => {
    const [key] = await su(
      "insert into app_public.api_keys (tenant_id, name, type, prefix, scopes) values ($1, 'k', 'secret', 'ls_12345678', '{\"blog\": [\"write\"]}') returning id",
      [A.tenantId],
    );
    // Committed as the API key (the request role cannot read the log itself), then read as the superuser.
    const c = await getDb().authPool.connect();
    let postId: string;
    try {
      await c.query("begin");
      await becomeRequestRole(c, { role: "app_api_key", tenantId: A.tenantId, apiKeyId: key.id, permissions: ["blog:posts.read", "blog:posts.write"], services: ["blog"] });
      postId = (await c.query("insert into app_public.posts (title) values ('by key') returning id")).rows[0].id;
      await c.query("commit");
    } catch (e) {
      await c.query("rollback").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
    expect(await su("select actor_user_id, actor_api_key_id from app_public.audit_log where record_id = $1", [postId])).toEqual([{ actor_user_id: null, actor_api_key_id: key.id }]);

    await asOwner(getDb(), async (o) => {
      // last_used_at (touch_api_keys) and no-op updates leave no entry; revoking does.
      await o.query("select app_private.touch_api_keys($1)", [[key.id]]);
      await o.query("update app_public.api_keys set name = name where id = $1", [key.id]);
      await o.query("update app_public.api_keys set revoked_at = now() where id = $1", [key.id]);
      const events = await o.query("select action, event from app_public.audit_log where record_id = $1 order by seq", [key.id]);
      expect(events.rows).toEqual([{ action: "insert", event: "apikey.created" }, { action: "update", event: "apikey.revoked" }]);
    });
  });

  it("tags role changes and billing changes as security events", async () => {
    await asOwner(getDb(), async (c) => {
      await c.query("update app_public.memberships set role = 'admin' where tenant_id = $1 and user_id = $2", [A.tenantId, A.memberId]);
      const { rows } = await c.query(
        "select event, diff from app_public.audit_log where tenant_id = $1 and table_name = 'memberships' and action = 'update' order by seq desc limit 1",
        [A.tenantId],
      );
      expect(rows[0]).toEqual({ event: "role.changed", diff: { role: { old: "member", new: "admin" } } });
      // The role change revoked the member's sessions in that workspace: recorded too (if they had any); the wallet credit is billing.
      await c.query("select app_private.credit($1, 10, 'grant', 'audit test', 'audit-grant-1')", [A.tenantId]);
      const billing = await c.query("select distinct table_name from app_public.audit_log where tenant_id = $1 and event = 'billing.changed'", [A.tenantId]);
      expect(billing.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["wallets", "wallet_entries"]));
    });
  });

  it("redacts secret-looking columns (…_hash, secret, token…, password…) in inserts and updates", async () => {
    await asSuperuser(getDb(), async (c) => {
      await c.query(`create table app_public.audit_probe (
        id uuid primary key default gen_random_uuid(), tenant_id uuid not null, name text,
        password_hash text, client_secret text, token_value text, password text)`);
      await c.query("select app_private.enable_audit('app_public.audit_probe')");
      const { rows: [row] } = await c.query(
        "insert into app_public.audit_probe (tenant_id, name, password_hash, client_secret, token_value, password) values ($1, 'n', 'h1', 's1', 't1', 'p1') returning id",
        [A.tenantId],
      );
      await c.query("update app_public.audit_probe set name = 'm', password_hash = 'h2' where id = $1", [row.id]);
      const { rows } = await c.query("select diff from app_public.audit_log where table_name = 'audit_probe' order by seq");
      expect(rows[0].diff).toMatchObject({ name: "n", password_hash: "[redacted]", client_secret: "[redacted]", token_value: "[redacted]", password: "[redacted]" });
      expect(rows[1].diff).toEqual({ name: { old: "n", new: "m" }, password_hash: { old: "[redacted]", new: "[redacted]" } });
      expect(JSON.stringify(rows)).not.toMatch(/"(h1|h2|s1|t1|p1)"/);
    });
  });
});

describe("append-only", () => {
  const statements = [
    ["UPDATE", "update app_public.audit_log set diff = '{}'"],
    ["DELETE", "delete from app_public.audit_log"],
    ["INSERT", "insert into app_public.audit_log (seq, action, prev_hash, hash) values (999999, 'event', '\\x00', '\\x00')"],
    ["TRUNCATE", "truncate app_public.audit_log"],
  ] as const;

  it.each(["app_anonymous", "app_user", "app_api_key"] as const)("refuses every write to %s, even with the retention setting on", async (role) => {
    const identity: VerifiedIdentity | undefined =
      role === "app_anonymous" ? undefined
      : role === "app_user" ? await identityOf(getDb(), A.ownerId, A.tenantId)
      : { role: "app_api_key", tenantId: A.tenantId, apiKeyId: "00000000-0000-0000-0000-000000000000", permissions: ["audit:read"], services: [] };
    await asRequestRole(getDb(), identity, async (c) => {
      await c.query("select set_config('app.audit_retention', 'on', true)");
      for (const [cmd, sql] of statements) {
        expect({ cmd, res: await attempt(c, sql) }).toEqual({ cmd, res: { error: "42501" } });
      }
    });
    // The entries are there, so the refusals were not vacuous.
    expect((await su("select count(*)::int as n from app_public.audit_log where tenant_id = $1", [A.tenantId]))[0].n).toBeGreaterThan(0);
  });

  it("guards the owner and the superuser too: UPDATE, DELETE and TRUNCATE raise DNIED", async () => {
    await asOwner(getDb(), async (c) => {
      // The owner has no UPDATE policy (matches nothing); DELETE and TRUNCATE reach the guard.
      expect(await attempt(c, statements[0][1])).toEqual({ rowCount: 0 });
      expect(await attempt(c, statements[1][1])).toEqual({ error: "DNIED" });
      expect(await attempt(c, statements[3][1])).toEqual({ error: "DNIED" });
    });
    await asSuperuser(getDb(), async (c) => {
      expect(await attempt(c, statements[0][1])).toEqual({ error: "DNIED" });
      expect(await attempt(c, statements[1][1])).toEqual({ error: "DNIED" });
      expect(await attempt(c, statements[3][1])).toEqual({ error: "DNIED" });
      // The retention setting alone does not help a superuser session either (it is not the owner).
      await c.query("select set_config('app.audit_retention', 'on', true)");
      expect(await attempt(c, statements[1][1])).toEqual({ error: "DNIED" });
    });
  });

  it("shows a member without audit:read nothing, and an auditor only their workspace", async () => {
    await asRequestRole(getDb(), await identityOf(getDb(), A.memberId, A.tenantId), async (c) => {
      expect((await c.query("select count(*)::int as n from app_public.audit_log")).rows[0].n).toBe(0);
    });
    await asRequestRole(getDb(), await identityOf(getDb(), A.ownerId, A.tenantId), async (c) => {
      const { rows } = await c.query("select distinct tenant_id from app_public.audit_log");
      expect(rows).toEqual([{ tenant_id: A.tenantId }]);
    });
  });
});

describe("the hash chain", () => {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

  /**
   * One random transaction (15% rolled back) as the workspace owner's request role, or as the owner
   * role with only the workspace setting (trusted server code); defaults fill tenant_id and author_id.
   */
  async function randomTransaction(ws: Workspace, n: number): Promise<void> {
    const asRequest = Math.random() < 0.7;
    const c = await (asRequest ? getDb().authPool : getDb().ownerPool).connect();
    try {
      await c.query("begin");
      if (asRequest) await becomeRequestRole(c, await identityOf(getDb(), ws.ownerId, ws.tenantId));
      else await c.query("select set_config('jwt.claims.tenant_id', $1, true)", [ws.tenantId]);
      await c.query("select set_config('app.request_id', $1, true), set_config('app.client_ip', $2, true)", [`req-${n}`, `198.51.100.${n % 250}`]);
      for (let i = 0; i < 1 + Math.floor(Math.random() * 4); i++) {
        const op = pick(["insertPost", "insertPost", "updatePost", "deletePost", "role", "settings", "tenantName"] as const);
        if (op === "insertPost") {
          await c.query("insert into app_public.posts (title, body) values ($1, $2)", [`p${n}-${i}, "quoted"`, "x".repeat(n % 50)]);
        } else if (op === "updatePost") {
          await c.query("update app_public.posts set body = body || '!' where id = (select id from app_public.posts where tenant_id = $1 order by random() limit 1)", [ws.tenantId]);
        } else if (op === "deletePost") {
          await c.query("delete from app_public.posts where id = (select id from app_public.posts where tenant_id = $1 order by random() limit 1)", [ws.tenantId]);
        } else if (op === "role") {
          await c.query("insert into app_public.roles (key, name, permissions) values ($1, 'r', '{blog:posts.read}')", [`r${n}_${i}`]);
        } else if (op === "settings") {
          await c.query("update app_public.tenant_settings set display_name = $2 where tenant_id = $1", [ws.tenantId, `Brand ${n}`]);
        } else {
          await c.query("update app_public.tenants set name = $2 where id = $1", [ws.tenantId, `WS ${n}`]);
        }
      }
      await c.query(Math.random() < 0.15 ? "rollback" : "commit");
    } catch (e) {
      await c.query("rollback").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  let workspaces: Workspace[];
  beforeAll(async () => {
    workspaces = [A, B, await workspace("c"), await workspace("d")];
    // 4 concurrent lanes per workspace: writers of one workspace contend for its chain head.
    let n = 0;
    await Promise.all(workspaces.flatMap((ws) => Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 8; i++) await randomTransaction(ws, ++n);
    })));
  }, 60_000);

  it("verifies for every workspace after a random concurrent workload, with gapless seq", async () => {
    for (const ws of workspaces) {
      const [{ n, max }] = await su("select count(*)::int as n, max(seq)::int as max from app_public.audit_log where tenant_id = $1", [ws.tenantId]);
      expect(n).toBeGreaterThan(10);
      expect(max).toBe(n);
      expect({ tenant: ws.tenantId, ok: await verify(getDb().superPool, ws.tenantId) }).toEqual({ tenant: ws.tenantId, ok: true });
      expect(await firstBad(getDb().superPool, ws.tenantId)).toBeUndefined();
    }
  });

  it("detects a superuser altering one entry and names it as the first bad entry", async () => {
    await asSuperuser(getDb(), async (c) => {
      const [target] = (await c.query("select id::int, seq::int from app_public.audit_log where tenant_id = $1 order by seq offset 5 limit 1", [B.tenantId])).rows;
      await c.query("set local session_replication_role = replica"); // the guard trigger off: only a superuser can
      await c.query("update app_public.audit_log set diff = diff || '{\"title\": \"forged\"}' where id = $1", [target.id]);
      await c.query("set local session_replication_role = origin");
      expect(await verify(c, B.tenantId)).toBe(false);
      expect(await firstBad(c, B.tenantId)).toEqual({ seq: target.seq, id: target.id, problem: expect.stringContaining("altered") });
      // Other workspaces are unaffected.
      expect(await verify(c, A.tenantId)).toBe(true);
    });
  });

  it("detects a re-hashed entry at the next link, a deleted entry, a removed tail and a forged insert", async () => {
    const [{ max }] = await su("select max(seq)::int as max from app_public.audit_log where tenant_id = $1", [B.tenantId]);
    const cases: Array<[string, string, (c: pg.ClientBase) => Promise<void>, number, RegExp]> = [
      ["re-hash", "the altered entry's own hash recomputed: the next entry no longer links", async (c) => {
        await c.query(`update app_public.audit_log l set diff = '{}' where tenant_id = $1 and seq = 3`, [B.tenantId]);
        await c.query(`update app_public.audit_log l set hash = app_private.audit_entry_hash(l) where tenant_id = $1 and seq = 3`, [B.tenantId]);
      }, 4, /prev_hash/],
      ["delete", "a middle entry deleted", (c) => c.query("delete from app_public.audit_log where tenant_id = $1 and seq = 7", [B.tenantId]).then(() => {}), 8, /missing/],
      ["tail", "the newest entry deleted", (c) => c.query("delete from app_public.audit_log where tenant_id = $1 and seq = $2", [B.tenantId, max]).then(() => {}), max, /newest/],
      ["insert", "an entry inserted with a used seq", (c) =>
        c.query(`insert into app_public.audit_log (tenant_id, seq, action, prev_hash, hash) select tenant_id, 2, 'event', prev_hash, hash from app_public.audit_log where tenant_id = $1 and seq = 2`, [B.tenantId]).then(() => {}), 2, /duplicate/],
    ];
    for (const [label, , tamper, expectedSeq, problem] of cases) {
      await asSuperuser(getDb(), async (c) => {
        await c.query("set local session_replication_role = replica");
        if (label === "insert") await c.query("alter table app_public.audit_log drop constraint audit_log_tenant_id_seq_key");
        await tamper(c);
        expect({ label, ok: await verify(c, B.tenantId) }).toEqual({ label, ok: false });
        const bad = await firstBad(c, B.tenantId);
        expect({ label, seq: bad.seq, problem: bad.problem }).toEqual({ label, seq: expectedSeq, problem: expect.stringMatching(problem) });
      });
    }
    expect(await verify(getDb().superPool, B.tenantId)).toBe(true); // all of the above rolled back
  });

  it("retention removes the oldest entries, re-anchors the chain and keeps it verifiable", async () => {
    const ws = await workspace("retention");
    await su("update app_public.tenants set name = 'old 1' where id = $1", [ws.tenantId]);
    const [{ cut }] = await su("select clock_timestamp() as cut");
    await new Promise((r) => setTimeout(r, 20));
    await su("update app_public.tenants set name = 'new 1' where id = $1", [ws.tenantId]);
    const [{ total, newer }] = await su(
      "select count(*)::int as total, count(*) filter (where occurred_at >= $2)::int as newer from app_public.audit_log where tenant_id = $1",
      [ws.tenantId, cut],
    );
    expect(newer).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(newer);

    const removed = await su("select tenant_id, removed::int from app_private.audit_retention(interval '0', $1) where tenant_id = $2", [cut, ws.tenantId]);
    expect(removed).toEqual([{ tenant_id: ws.tenantId, removed: total - newer }]);
    const [{ n, min }] = await su("select count(*)::int as n, min(seq)::int as min from app_public.audit_log where tenant_id = $1", [ws.tenantId]);
    expect({ n, min }).toEqual({ n: newer, min: total - newer + 1 });
    const [head] = await su("select anchor_seq::int from app_private.audit_chain_heads where tenant_id = $1", [ws.tenantId]);
    expect(head.anchor_seq).toBe(total - newer);
    expect(await verify(getDb().superPool, ws.tenantId)).toBe(true);

    // The chain goes on from there, retention is idempotent, and tampering is still caught after it.
    await su("update app_public.tenants set name = 'new 2' where id = $1", [ws.tenantId]);
    expect(await su("select * from app_private.audit_retention(interval '0', $1) where tenant_id = $2", [cut, ws.tenantId])).toEqual([]);
    expect(await verify(getDb().superPool, ws.tenantId)).toBe(true);
    await asSuperuser(getDb(), async (c) => {
      await c.query("set local session_replication_role = replica");
      await c.query("update app_public.audit_log set record_id = 'x' where tenant_id = $1 and seq = $2", [ws.tenantId, min]);
      expect(await firstBad(c, ws.tenantId)).toMatchObject({ seq: min });
    });
    // Everything else still verifies after a retention run over all workspaces with the real default.
    await su("select * from app_private.audit_retention(interval '365 days')");
    for (const w of workspaces) expect(await verify(getDb().superPool, w.tenantId)).toBe(true);
  });
});
