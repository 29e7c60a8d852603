/**
 * Tenant isolation, proven in SQL as the request role (the same settings the
 * server sets). Two workspaces A and B each get a row in *every* tenant-owned
 * table (the list is read from the catalog, so a new table without a fixture
 * fails here). As A's owner (every permission) and as A's plain member, every
 * command on B's rows must fail or touch nothing, while the superuser proves
 * B's rows are there, so the negatives mean something.
 */
import type pg from "pg";
import type { VerifiedIdentity } from "../../core/tenancy";
import { asRequestRole, asSuperuser, attempt, identityOf, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

interface Workspace {
  tenantId: string;
  slug: string;
  ownerId: string;
  memberId: string;
  ownerMembershipId: string;
  roleId: string;
  invitationId: string;
  postId: string;
  marker: string;
}

let A: Workspace;
let B: Workspace;
let tenantTables: string[];

async function seedWorkspace(label: string): Promise<Workspace> {
  const db = getDb().superPool;
  const marker = `MARKER_${label}_${Math.random().toString(36).slice(2, 10)}`;
  const owner = (await db.query("select user_id, tenant_id from app_private.register_user($1, $2, null, $3)", [`owner-${marker}@example.com`, `Owner ${marker}`, `Workspace ${marker}`])).rows[0];
  const member = (await db.query("select user_id from app_private.register_user($1, $2, null, null)", [`member-${marker}@example.com`, `Member ${marker}`])).rows[0];
  const tenantId: string = owner.tenant_id;
  await db.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [tenantId, member.user_id]);
  const role = (await db.query("insert into app_public.roles (tenant_id, key, name, permissions) values ($1, 'editor', $2, '{blog:posts.read}') returning id", [tenantId, `Role ${marker}`])).rows[0];
  const invitation = (await db.query("insert into app_public.invitations (tenant_id, email, role, invited_by) values ($1, $2, 'member', $3) returning id", [tenantId, `invitee-${marker.toLowerCase()}@example.com`, owner.user_id])).rows[0];
  const post = (await db.query("insert into app_public.posts (tenant_id, author_id, title, body) values ($1, $2, $3, $3) returning id", [tenantId, owner.user_id, `Post ${marker}`])).rows[0];
  await db.query("update app_public.tenant_settings set display_name = $2 where tenant_id = $1", [tenantId, `Brand ${marker}`]);
  await db.query("insert into app_public.api_keys (tenant_id, name, type, prefix, scopes, created_by) values ($1, $2, 'secret', 'ls_00000000', '{\"blog\": [\"read\"]}', $3)", [tenantId, `Key ${marker}`, owner.user_id]);
  // Billing (wallets and billing_accounts exist from the tenant trigger): ledger, add-on, subscription, invoice, coin order.
  await db.query("select app_private.credit($1, 100, 'grant', $2, 'fixture-grant')", [tenantId, `Grant ${marker}`]);
  const spend = (await db.query("select id from app_private.debit($1, 50, 'spend', 'fixture', 'fixture-spend')", [tenantId])).rows[0];
  await db.query("insert into app_public.tenant_addons (tenant_id, addon, wallet_entry_id) values ($1, 'seats_5', $2)", [tenantId, spend.id]);
  const sub = (await db.query("insert into app_public.plan_subscriptions (tenant_id, plan, status) values ($1, 'pro', 'active') returning id", [tenantId])).rows[0];
  await db.query("insert into app_public.invoices (tenant_id, subscription_id, amount_paise) values ($1, $2, 99900)", [tenantId, sub.id]);
  await db.query("insert into app_public.coin_orders (tenant_id, coin_pack, coins, amount_paise, currency) values ($1, 'coins_100', 100, 9900, 'INR')", [tenantId]);
  // Custom domain (verified, so it is also the row the partial unique index guards).
  await db.query("insert into app_public.custom_domains (tenant_id, hostname, status, verified_at) values ($1, $2, 'verified', now())", [tenantId, `${marker.toLowerCase().replace(/_/g, "-")}.example.com`]);
  await db.query("insert into app_public.files (tenant_id, name, size_bytes, uploaded_by) values ($1, $2, 0, $3)", [tenantId, `File ${marker}.txt`, owner.user_id]);
  await db.query("insert into app_public.storage_settings (tenant_id, max_file_bytes) values ($1, 1000)", [tenantId]);
  // Event bus: an endpoint, a delivery with one attempt, and an in-app notification.
  const endpoint = (await db.query("insert into app_public.webhook_endpoints (tenant_id, url, created_by) values ($1, $2, $3) returning id", [tenantId, `https://example.com/hook/${marker}`, owner.user_id])).rows[0];
  const eventId = (await db.query("select app_private.publish_event($1, 'blog.post.published', jsonb_build_object('postId', $2::text, 'title', $2::text)) as id", [tenantId, marker])).rows[0].id;
  const delivery = (await db.query("insert into app_public.webhook_deliveries (tenant_id, endpoint_id, event_id, event_type) values ($1, $2, $3, 'blog.post.published') returning id", [tenantId, endpoint.id, eventId])).rows[0];
  await db.query("insert into app_public.webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, is_success) values ($1, $2, 200, 5, true)", [tenantId, delivery.id]);
  await db.query("insert into app_public.notifications (tenant_id, user_id, event_id, event_type, title) values ($1, $2, $3, 'blog.post.published', $4)", [tenantId, member.user_id, eventId, `Note ${marker}`]);
  const { slug } = (await db.query("select slug from app_public.tenants where id = $1", [tenantId])).rows[0];
  const { id: ownerMembershipId } = (await db.query("select id from app_public.memberships where tenant_id = $1 and user_id = $2", [tenantId, owner.user_id])).rows[0];
  return { tenantId, slug, ownerId: owner.user_id, memberId: member.user_id, ownerMembershipId, roleId: role.id, invitationId: invitation.id, postId: post.id, marker };
}



const keyColumn = (table: string) => (table === "tenants" ? "id" : "tenant_id");

beforeAll(async () => {
  A = await seedWorkspace("A");
  B = await seedWorkspace("B");
  const { rows } = await getDb().superPool.query<{ relname: string }>(`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'app_public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by 1`);
  tenantTables = ["tenants", ...rows.map((r) => r.relname)];
});

describe.each([
  ["owner", () => A.ownerId],
  ["member", () => A.memberId],
])("as a workspace A %s, on workspace B's rows", (_label, userOfA) => {
  it("the fixture covers every tenant-owned table (superuser sees B's rows)", async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(["tenants", "memberships", "roles", "invitations", "tenant_settings", "posts", "tenant_services", "api_keys"]));
    for (const table of tenantTables) {
      const { rows } = await getDb().superPool.query(`select count(*)::int as n from app_public.${table} where ${keyColumn(table)} = $1`, [B.tenantId]);
      expect({ table, hasRowsOfB: rows[0].n > 0 }).toEqual({ table, hasRowsOfB: true });
    }
  });

  it("SELECT sees nothing of B, with or without a filter", async () => {
    const me = await identityOf(getDb(), userOfA(), A.tenantId);
    // Workspaces the user belongs to (A, and the personal one sign-up made): the only ones they may see at all.
    const { rows: mine } = await getDb().superPool.query("select array_agg(tenant_id) as ids from app_public.memberships where user_id = $1", [userOfA()]);
    expect(mine[0].ids).not.toContain(B.tenantId);
    await asRequestRole(getDb(), me, async (c) => {
      for (const table of tenantTables) {
        const key = keyColumn(table);
        const filtered = await c.query(`select count(*)::int as n from app_public.${table} where ${key} = $1`, [B.tenantId]);
        const foreign = await c.query(`select count(*)::int as n from app_public.${table} where ${key} <> all ($1::uuid[])`, [mine[0].ids]);
        expect({ table, filtered: filtered.rows[0].n, foreign: foreign.rows[0].n }).toEqual({ table, filtered: 0, foreign: 0 });
      }
      // Users are not tenant-owned, but B's people are invisible to A all the same.
      const people = await c.query("select count(*)::int as n from app_public.users where id = any ($1::uuid[])", [[B.ownerId, B.memberId]]);
      expect(people.rows[0].n).toBe(0);
    });
  });

  it("UPDATE and DELETE touch no row of B (or are refused outright)", async () => {
    const me = await identityOf(getDb(), userOfA(), A.tenantId);
    await asRequestRole(getDb(), me, async (c) => {
      for (const table of tenantTables) {
        const key = keyColumn(table);
        const { rows: cols } = await c.query<{ attname: string }>(
          `select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped
              and has_column_privilege('app_user', attrelid, attnum, 'UPDATE') order by attnum limit 1`,
          [`app_public.${table}`],
        );
        if (cols[0]) {
          const col = cols[0].attname;
          const update = await attempt(c, `update app_public.${table} set ${col} = ${col} where ${key} = $1`, [B.tenantId]);
          expect({ table, update }).toEqual({ table, update: { rowCount: 0 } });
        } else {
          expect({ table, update: await attempt(c, `update app_public.${table} set ${key} = ${key} where ${key} = $1`, [B.tenantId]) }).toEqual({ table, update: { error: "42501" } });
        }
        const del = await attempt(c, `delete from app_public.${table} where ${key} = $1`, [B.tenantId]);
        expect({ table, deleted: "rowCount" in del ? del.rowCount : 0, refused: "error" in del ? del.error : "42501" }).toEqual({ table, deleted: 0, refused: "42501" });
      }
    });
    // The rows are all still there (and the statements above were not vacuous).
    for (const table of tenantTables) {
      const { rows } = await getDb().superPool.query(`select count(*)::int as n from app_public.${table} where ${keyColumn(table)} = $1`, [B.tenantId]);
      expect({ table, n: rows[0].n > 0 }).toEqual({ table, n: true });
    }
  });

  it("INSERT cannot name B's workspace", async () => {
    const me = await identityOf(getDb(), userOfA(), A.tenantId);
    await asRequestRole(getDb(), me, async (c) => {
      for (const table of tenantTables.filter((t) => t !== "tenants")) {
        const res = await attempt(c, `insert into app_public.${table} (tenant_id) values ($1)`, [B.tenantId]);
        expect({ table, res }).toEqual({ table, res: { error: "42501" } });
      }
    });
  });

  it("team functions refuse B's ids with NTFND (or DNIED for a plain member)", async () => {
    const me = await identityOf(getDb(), userOfA(), A.tenantId);
    // The owner may manage members, so B's ids are simply not found; a plain member may be refused first.
    const expected = userOfA() === A.ownerId ? "NTFND" : expect.stringMatching(/^(NTFND|DNIED)$/);
    const { rows: bMembership } = await getDb().superPool.query("select id from app_public.memberships where tenant_id = $1 and user_id = $2", [B.tenantId, B.memberId]);
    await asRequestRole(getDb(), me, async (c) => {
      const calls: Array<[string, unknown[]]> = [
        ["select app_public.change_member_role($1, 'admin')", [bMembership[0].id]],
        ["select app_public.remove_member($1)", [bMembership[0].id]],
        ["select app_public.revoke_invitation($1)", [B.invitationId]],
        ["select app_public.invite_member('someone@example.com', null, $1)", [B.roleId]],
        ["select app_public.change_member_role($1, null, $2)", [A.ownerMembershipId, B.roleId]],
      ];
      for (const [sql, params] of calls) {
        expect({ sql, res: await attempt(c, sql, params) }).toEqual({ sql, res: { error: expected } });
      }
      // Deleting B by its slug is refused: A's active workspace has another slug.
      expect(await attempt(c, "select app_public.delete_tenant($1)", [B.slug])).toEqual({ error: expect.stringMatching(/^(INVLD|DNIED|NTFND)$/) });
    });
    const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.tenants where id = $1", [B.tenantId]);
    expect(rows[0].n).toBe(1);
  });
});

describe("leaky functions", () => {
  beforeAll(async () => {
    await getDb().superPool.query(`
      create schema if not exists leaky;
      create or replace function leaky.peek(text) returns boolean language plpgsql cost 0.0000001 as
        $$ begin raise notice 'peek:%', $1; return true; end $$;
      grant usage on schema leaky to app_user;
      grant execute on function leaky.peek(text) to app_user;`);
  });

  it.each([
    ["posts", "title"],
    ["roles", "name"],
    ["tenant_settings", "display_name"],
    ["tenants", "name"],
  ])("a cheap, non-leakproof function in WHERE on %s only ever sees A's rows", async (table, column) => {
    const me = await identityOf(getDb(), A.ownerId, A.tenantId);
    const seen: string[] = [];
    await asRequestRole(getDb(), me, async (c) => {
      const onNotice = (n: { message?: string }) => n.message?.startsWith("peek:") && seen.push(n.message);
      c.on("notice", onNotice);
      try {
        await c.query(`select * from app_public.${table} where leaky.peek(${column}::text)`);
      } finally {
        c.off("notice", onNotice);
      }
    });
    expect(seen.some((m) => m.includes(A.marker))).toBe(true);
    expect(seen.filter((m) => m.includes(B.marker))).toEqual([]);
  });
});

describe("composite foreign keys", () => {
  it("reject a row of A pointing at B's role, even for the owner role that bypasses policies", async () => {
    await asSuperuser(getDb(), async (c) => {
      const invitation = await attempt(c, "insert into app_public.invitations (tenant_id, email, custom_role_id) values ($1, 'x@example.com', $2)", [A.tenantId, B.roleId]);
      expect(invitation).toEqual({ error: "23503" });
      const membership = await attempt(c, "update app_public.memberships set role = null, custom_role_id = $2 where tenant_id = $1 and user_id = $3", [A.tenantId, B.roleId, A.memberId]);
      expect(membership).toEqual({ error: "23503" });
      const post = await attempt(c, "insert into app_public.posts (tenant_id, author_id, title) values ($1, $2, 'x')", [A.tenantId, B.ownerId]);
      expect(post).toEqual({ error: "23503" });
      // The same statements with A's own ids succeed, so the failures above are about the tenant.
      expect(await attempt(c, "insert into app_public.invitations (tenant_id, email, custom_role_id) values ($1, 'x@example.com', $2)", [A.tenantId, A.roleId])).toEqual({ rowCount: 1 });
      expect(await attempt(c, "insert into app_public.posts (tenant_id, author_id, title) values ($1, $2, 'x')", [A.tenantId, A.ownerId])).toEqual({ rowCount: 1 });
    });
  });
});

describe("writes in the caller's own workspace", () => {
  it("land in A whatever B's data looks like (per-tenant uniqueness, session default tenant_id)", async () => {
    const me = await identityOf(getDb(), A.ownerId, A.tenantId);
    await asRequestRole(getDb(), me, async (c) => {
      // B has an 'editor' role too, and A has one: a second one in A conflicts, a fresh key does not.
      expect(await attempt(c, "insert into app_public.roles (key, name) values ('editor', 'Again')")).toEqual({ error: "23505" });
      const { rows } = await c.query("insert into app_public.roles (key, name) values ('only_in_a', 'Only A') returning tenant_id");
      expect(rows[0].tenant_id).toBe(A.tenantId);
      const post = await c.query("insert into app_public.posts (title) values ('mine') returning tenant_id, author_id");
      expect(post.rows[0]).toEqual({ tenant_id: A.tenantId, author_id: A.ownerId });
    });
  });
});
