/**
 * Property test for tenant isolation through the public GraphQL API: users of
 * three workspaces, whose data all carries a per-workspace marker string, run
 * a random sequence of queries and mutations, with ids drawn from *every*
 * workspace. No response body (data, errors, counts) may ever contain another
 * workspace's marker, and counts must equal what the caller's own workspace
 * holds. The seed is printed on failure; PROPERTY_SEED replays a run,
 * PROPERTY_STEPS makes it longer.
 */
import { randomBytes } from "node:crypto";
import { as, signUp, switchTenant, uniqueEmail } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type GraphQLResponse, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;

interface Actor {
  label: string;
  userId: string;
  email: string;
  token: string;
  tenant: number;
}

interface World {
  markers: string[];
  tenantIds: string[];
  slugs: string[];
  actors: Actor[];
  /** Ids from every workspace, so random operations often aim at foreign rows. */
  postIds: string[];
  nodeIds: string[];
  roleIds: string[];
  roleKeys: string[];
  membershipIds: string[];
  invitationIds: string[];
  emails: string[];
}

const TENANTS = 3;
const world: World = { markers: [], tenantIds: [], slugs: [], actors: [], postIds: [], nodeIds: [], roleIds: [], roleKeys: [], membershipIds: [], invitationIds: [], emails: [] };

/** mulberry32: small, fast, seedable. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)], int: (n: number) => Math.floor(next() * n) };
}

beforeAll(async () => {
  server = await startTestServer(getDb());
  const sql = getDb().superPool;
  for (let t = 0; t < TENANTS; t++) {
    const marker = `MK${t}Q${randomBytes(4).toString("hex")}`;
    world.markers.push(marker);
    const owner = await signUp(server, { email: uniqueEmail(`o-${marker.toLowerCase()}`), name: `Owner ${marker}`, workspaceName: `Space ${marker}` });
    world.tenantIds.push(owner.tenantId);
    world.slugs.push((await sql.query("select slug from app_public.tenants where id = $1", [owner.tenantId])).rows[0].slug);
    world.actors.push({ label: `owner${t}`, userId: owner.userId, email: owner.email, token: owner.accessToken, tenant: t });
    // A plain member whose personal workspace (made at sign-up) is named after their own marker too.
    const member = await signUp(server, { email: uniqueEmail(`m-${marker.toLowerCase()}`), name: `Member ${marker}`, workspaceName: `Home ${marker}` });
    await sql.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [owner.tenantId, member.userId]);
    world.actors.push({ label: `member${t}`, userId: member.userId, email: member.email, token: await switchTenant(server, member, owner.tenantId), tenant: t });
    world.emails.push(owner.email, member.email);
    const { rows } = await sql.query("select id from app_public.memberships where tenant_id = $1", [owner.tenantId]);
    world.membershipIds.push(...rows.map((r) => r.id));
    const role = await as(server, owner.accessToken)(`mutation($name: String!) { createRole(input: { role: { key: "auditor", name: $name, permissions: ["blog:posts.read"] } }) { role { id rowId key } } }`, { name: `Role ${marker}` });
    world.roleIds.push(role.body.data!.createRole.role.rowId);
    world.nodeIds.push(role.body.data!.createRole.role.id);
    world.roleKeys.push("auditor");
    const tenantNode = await as(server, owner.accessToken)("{ currentTenant { id tenantSetting { id } } }");
    world.nodeIds.push(tenantNode.body.data!.currentTenant.id, tenantNode.body.data!.currentTenant.tenantSetting.id);
  }
});
afterAll(() => server?.close());

type Op = (ctx: { actor: Actor; r: ReturnType<typeof rng>; marker: string; n: number }) => Promise<GraphQLResponse>;

const OPS: Record<string, Op> = {
  async createPost({ actor, marker, n }) {
    const res = await as(server, actor.token)(`mutation($t: String!) { createPost(input: { post: { title: $t, body: $t } }) { post { id rowId title } } }`, { t: `${marker} post ${n}` });
    const post = res.body.data?.createPost?.post;
    if (post) world.postIds.push(post.rowId), world.nodeIds.push(post.id);
    return res;
  },
  listPosts: ({ actor }) => as(server, actor.token)(`{ posts(first: 50) { totalCount nodes { rowId title body tenant { name } tenantAuthor { user { name email } } } } }`),
  getPost: ({ actor, r }) => as(server, actor.token)(`query($id: UUID!) { post(rowId: $id) { title body } }`, { id: r.pick(world.postIds) }),
  getPostByTenant: ({ actor, r }) =>
    as(server, actor.token)(`query($t: UUID!, $id: UUID!) { postByTenantIdAndRowId(tenantId: $t, rowId: $id) { title } }`, { t: r.pick(world.tenantIds), id: r.pick(world.postIds) }),
  node: ({ actor, r }) =>
    as(server, actor.token)(`query($id: ID!) { node(id: $id) { id ... on Post { title body } ... on Role { name } ... on Tenant { name slug } ... on TenantSetting { displayName } } }`, { id: r.pick(world.nodeIds) }),
  updatePost: ({ actor, r, marker }) =>
    as(server, actor.token)(`mutation($id: UUID!, $t: String!) { updatePost(input: { rowId: $id, patch: { title: $t } }) { post { title body } } }`, { id: r.pick(world.postIds), t: `${marker} edited` }),
  deletePost: ({ actor, r }) => as(server, actor.token)(`mutation($id: UUID!) { deletePost(input: { rowId: $id }) { post { title } } }`, { id: r.pick(world.postIds) }),
  updateSettings: ({ actor, r, marker }) =>
    as(server, actor.token)(`mutation($t: UUID!, $d: String!) { updateTenantSetting(input: { tenantId: $t, patch: { displayName: $d } }) { tenantSetting { displayName tenant { name } } } }`, {
      t: r.pick(world.tenantIds),
      d: `${marker} brand`,
    }),
  getSettings: ({ actor, r }) => as(server, actor.token)(`query($t: UUID!) { tenantSetting(tenantId: $t) { displayName tenant { name } } }`, { t: r.pick(world.tenantIds) }),
  createRole: ({ actor, r, marker }) =>
    as(server, actor.token)(`mutation($k: String!, $n: String!) { createRole(input: { role: { key: $k, name: $n } }) { role { key name } } }`, { k: r.pick([...world.roleKeys, "auditor", "viewer"]), n: `${marker} role` }),
  roleByKey: ({ actor, r }) => as(server, actor.token)(`query($t: UUID!) { roleByTenantIdAndKey(tenantId: $t, key: "auditor") { name permissions } }`, { t: r.pick(world.tenantIds) }),
  listRoles: ({ actor }) => as(server, actor.token)(`{ roles { totalCount nodes { key name tenant { name } } } }`),
  async invite({ actor, r, marker }) {
    const email = r.next() < 0.3 ? r.pick(world.emails) : `${marker.toLowerCase()}-${r.int(5)}@example.org`;
    const res = await as(server, actor.token)(`mutation($e: String!) { inviteMember(input: { email: $e }) { invitation { rowId email } } }`, { e: email });
    const inv = res.body.data?.inviteMember?.invitation;
    if (inv) world.invitationIds.push(inv.rowId);
    return res;
  },
  revokeInvitation: ({ actor, r }) =>
    world.invitationIds.length
      ? as(server, actor.token)(`mutation($id: UUID!) { revokeInvitation(input: { invitationId: $id }) { result { email } } }`, { id: r.pick(world.invitationIds) })
      : OPS.listInvitations({ actor, r, marker: "", n: 0 }),
  listInvitations: ({ actor }) => as(server, actor.token)(`{ invitations { totalCount nodes { email tenant { name } } } }`),
  changeRole: ({ actor, r }) =>
    as(server, actor.token)(`mutation($m: UUID!) { changeMemberRole(input: { membershipId: $m, role: "member" }) { result { role user { name } } } }`, { m: r.pick(world.membershipIds) }),
  listMembers: ({ actor }) => as(server, actor.token)(`{ memberships { totalCount nodes { role user { name email } tenant { name slug } } } }`),
  myMemberships: ({ actor }) => as(server, actor.token)(`{ myMemberships { nodes { tenant { name tenantSetting { displayName } } } } }`),
  listUsers: ({ actor }) => as(server, actor.token)(`{ users { totalCount nodes { name email } } }`),
  userByEmail: ({ actor, r }) => as(server, actor.token)(`query($e: String!) { userByEmail(email: $e) { name } }`, { e: r.pick(world.emails) }),
  listTenants: ({ actor }) => as(server, actor.token)(`{ tenants { totalCount nodes { name slug tenantSetting { displayName } posts { totalCount } } } }`),
  tenantBySlug: ({ actor, r }) => as(server, actor.token)(`query($s: String!) { tenantBySlug(slug: $s) { name posts { totalCount } } }`, { s: r.pick(world.slugs) }),
  tenantById: ({ actor, r }) => as(server, actor.token)(`query($t: UUID!) { tenant(rowId: $t) { name roles { nodes { name } } } }`, { t: r.pick(world.tenantIds) }),
  currentTenant: ({ actor }) => as(server, actor.token)(`{ currentTenant { name memberships { nodes { user { name } } } posts { totalCount } } }`),
};

it("never shows one workspace's data to another, whatever the sequence of operations", async () => {
  const seed = Number(process.env.PROPERTY_SEED ?? randomBytes(4).readUInt32LE());
  const steps = Number(process.env.PROPERTY_STEPS ?? 300);
  const r = rng(seed);
  const names = Object.keys(OPS);
  const ownMarkerSeen = new Set<string>();
  const tenantsThatWrote = new Set<number>();
  let foreignAimed = 0;
  for (let n = 0; n < steps; n++) {
    const actor = r.pick(world.actors);
    const op = r.pick(names);
    const marker = world.markers[actor.tenant];
    const res = await OPS[op]({ actor, r, marker, n });
    const text = JSON.stringify(res.body);
    const leaked = world.markers.filter((m, t) => t !== actor.tenant && text.includes(m));
    if (leaked.length || res.status >= 500) {
      throw new Error(`seed ${seed}, step ${n}: ${actor.label} ran ${op} and got ${res.status} ${text.slice(0, 500)} (leaked: ${leaked.join(", ") || "none"})`);
    }
    if (text.includes(marker)) ownMarkerSeen.add(`${actor.label}:${op}`);
    if (op === "createPost" && res.body.data?.createPost?.post) tenantsThatWrote.add(actor.tenant);
    if (/NTFND|null/.test(text)) foreignAimed++;

    // Counts are the caller's own workspace's, never a global figure.
    if (op === "listPosts" && res.body.data?.posts) {
      const { rows } = await getDb().superPool.query("select count(*)::int as n from app_public.posts where tenant_id = $1", [world.tenantIds[actor.tenant]]);
      expect({ seed, n, totalCount: res.body.data.posts.totalCount }).toEqual({ seed, n, totalCount: rows[0].n });
    }
  }
  // Not vacuous: users did see their own workspace's data, and many operations aimed at foreign ids.
  expect(ownMarkerSeen.size).toBeGreaterThan(10);
  expect(foreignAimed).toBeGreaterThan(steps / 10);
  // Several workspaces really wrote data during the run (later deletes may remove it again).
  expect(tenantsThatWrote.size).toBeGreaterThanOrEqual(2);
}, 120_000);

describe("unique violations", () => {
  it("answer NUNIQ without echoing the conflicting values, and are scoped to the workspace", async () => {
    const [a, , b] = world.actors;
    const key = `k${randomBytes(3).toString("hex")}`;
    const create = (token: string, name: string) =>
      as(server, token)(`mutation($k: String!, $n: String!) { createRole(input: { role: { key: $k, name: $n } }) { role { key tenantId } } }`, { k: key, n: name });
    // B creates the key first; A can still use it (uniqueness is per workspace), and learns nothing about B.
    expect((await create(b.token, `B ${world.markers[1]}`)).body.data?.createRole.role.key).toBe(key);
    expect((await create(a.token, "A first")).body.data?.createRole.role).toEqual({ key, tenantId: world.tenantIds[0] });
    const dup = await create(a.token, "A again");
    expect(dup.body.errors?.[0].extensions?.code).toBe("NUNIQ");
    const text = JSON.stringify(dup.body);
    expect(text).not.toContain(key);
    expect(text).not.toContain(world.tenantIds[0]);
    expect(text).not.toMatch(/Key \(|tenant_id|auditor/);
  });
});
