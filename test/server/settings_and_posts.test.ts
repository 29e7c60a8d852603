import { as, signUp, switchTenant, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
let server: TestServer;
let owner: TestUser;
let writer: TestUser & { token: string };
let reader: TestUser & { token: string };

async function join(role: string, customRoleId?: string) {
  const user = await signUp(server);
  await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role, custom_role_id) values ($1, $2, $3, $4)", [
    owner.tenantId,
    user.userId,
    customRoleId ? null : role,
    customRoleId ?? null,
  ]);
  return { ...user, token: await switchTenant(server, user, owner.tenantId) };
}

beforeAll(async () => {
  server = await startTestServer(getDb());
  owner = await signUp(server, { workspaceName: "Settings Co" });
  writer = await join("member");
  const [readOnly] = (
    await getDb().superPool.query("insert into app_public.roles (tenant_id, key, name, permissions) values ($1, 'reader', 'Reader', '{blog:posts.read}') returning id", [owner.tenantId])
  ).rows;
  reader = await join("", readOnly.id);
});
afterAll(() => server?.close());

const UPDATE_SETTINGS = `mutation($id: UUID!, $patch: TenantSettingPatch!) { updateTenantSetting(input: { tenantId: $id, patch: $patch }) { tenantSetting { timezone locale primaryColor weekStart preferences displayName } } }`;

describe("tenant settings", () => {
  it("are created with the workspace and readable by every member", async () => {
    const res = await as(server, reader.token)("{ currentTenant { tenantSetting { timezone locale weekStart } } }");
    expect(res.body.data?.currentTenant.tenantSetting).toEqual({ timezone: "UTC", locale: "en-US", weekStart: 1 });
  });

  it("are writable with tenant:settings.update and validate every field", async () => {
    const ok = await as(server, owner.accessToken)(UPDATE_SETTINGS, {
      id: owner.tenantId,
      patch: { timezone: "Asia/Kolkata", locale: "en-IN", primaryColor: "#12AB34", weekStart: 0, preferences: { theme: "dark" }, displayName: "Settings!" },
    });
    expect(ok.body.data?.updateTenantSetting.tenantSetting).toEqual({
      timezone: "Asia/Kolkata", locale: "en-IN", primaryColor: "#12AB34", weekStart: 0, preferences: { theme: "dark" }, displayName: "Settings!",
    });
    for (const [patch, pattern] of [
      [{ timezone: "Mars/Olympus" }, /time zone/],
      [{ locale: "not a locale!" }, /./],
      [{ primaryColor: "red" }, /./],
      [{ weekStart: 7 }, /./],
      [{ preferences: { big: "x".repeat(20_000) } }, /./],
      [{ preferences: [1, 2, 3] }, /./],
    ] as const) {
      const res = await as(server, owner.accessToken)(UPDATE_SETTINGS, { id: owner.tenantId, patch });
      expect({ patch, code: codeOf(res) }).toEqual({ patch, code: "INVLD" });
      expect(res.body.errors?.[0].message).toMatch(pattern);
    }
    const [row] = (await getDb().superPool.query("select timezone, primary_color from app_public.tenant_settings where tenant_id = $1", [owner.tenantId])).rows;
    expect(row).toEqual({ timezone: "Asia/Kolkata", primary_color: "#12AB34" });
  });

  it("cannot be changed without tenant:settings.update", async () => {
    const res = await as(server, writer.token)(UPDATE_SETTINGS, { id: owner.tenantId, patch: { timezone: "Europe/Berlin" } });
    // An update that RLS filters out is a coded error, not a silent null (server/src/graphql/missingRowErrors.ts).
    expect(codeOf(res)).toBe("NTFND");
    expect(res.body.data?.updateTenantSetting).toBeNull();
    const [row] = (await getDb().superPool.query("select timezone from app_public.tenant_settings where tenant_id = $1", [owner.tenantId])).rows;
    expect(row.timezone).not.toBe("Europe/Berlin");
  });
});

describe("blog posts", () => {
  const CREATE = `mutation($title: String!, $status: String) { createPost(input: { post: { title: $title, status: $status } }) { post { rowId status authorId publishedAt } } }`;
  const UPDATE = `mutation($id: UUID!, $patch: PostPatch!) { updatePost(input: { rowId: $id, patch: $patch }) { post { title status publishedAt } } }`;

  it("lets writers draft, edit their own drafts, and not publish", async () => {
    const draft = await as(server, writer.token)(CREATE, { title: "My draft" });
    expect(draft.body.data?.createPost.post).toMatchObject({ status: "draft", authorId: writer.userId, publishedAt: null });
    const id = draft.body.data!.createPost.post.rowId;
    expect((await as(server, writer.token)(UPDATE, { id, patch: { title: "Edited" } })).body.data?.updatePost.post.title).toBe("Edited");
    expect(codeOf(await as(server, writer.token)(CREATE, { title: "Straight out", status: "published" }))).toBe("DNIED");
    expect(codeOf(await as(server, writer.token)(UPDATE, { id, patch: { status: "published" } }))).toBe("DNIED");
  });

  it("lets publishers publish (stamping published_at and emitting an event) and edit anyone's post", async () => {
    const draft = await as(server, writer.token)(CREATE, { title: "Please publish" });
    const id = draft.body.data!.createPost.post.rowId;
    const published = await as(server, owner.accessToken)(UPDATE, { id, patch: { status: "published" } });
    expect(published.body.data?.updatePost.post).toMatchObject({ status: "published", publishedAt: expect.any(String) });
    const events = (await getDb().superPool.query("select payload->>'postId' as id from app_private.events where type = 'blog.post.published'")).rows;
    expect(events).toContainEqual({ id });
    // The author can no longer edit it once published.
    const sneaky = await as(server, writer.token)(UPDATE, { id, patch: { title: "sneaky" } });
    expect(codeOf(sneaky)).toBe("NTFND");
    expect(sneaky.body.data?.updatePost).toBeNull();
    const [row] = (await getDb().superPool.query("select title from app_public.posts where id = $1", [id])).rows;
    expect(row.title).toBe("Please publish");
  });

  it("lets readers read and nothing else", async () => {
    const list = await as(server, reader.token)("{ posts { totalCount } }");
    expect(list.body.data?.posts.totalCount).toBeGreaterThan(0);
    expect(codeOf(await as(server, reader.token)(CREATE, { title: "nope" }))).toBe("DNIED");
  });

  it("rejects an author who is not a member of the workspace (composite foreign key)", async () => {
    const outsider = await signUp(server);
    await expect(
      getDb().ownerPool.query("insert into app_public.posts (tenant_id, author_id, title) values ($1, $2, 'x')", [owner.tenantId, outsider.userId]),
    ).rejects.toMatchObject({ code: "23503" });
  });
});
