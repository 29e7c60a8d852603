import { bearer, signUp, type TestUser } from "../helpers/auth";
import { codeOf } from "../helpers/expect";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let mallory: TestUser;

beforeAll(async () => {
  server = await startTestServer(getDb());
  alice = await signUp(server, { name: "Alice", workspaceName: "Alice Inc" });
  bob = await signUp(server, { name: "Bob" });
  mallory = await signUp(server, { name: "Mallory", workspaceName: "Mallory Ltd" });
  // Bob also joins Alice's workspace as a member.
  await getDb().superPool.query("insert into app_public.memberships (tenant_id, user_id, role) values ($1, $2, 'member')", [alice.tenantId, bob.userId]);
});
afterAll(() => server?.close());

const ME = `{
  currentUser { rowId email name isVerified }
  currentTenant { rowId name slug }
  myMemberships { nodes { role tenant { name } } }
}`;

describe("identity over GraphQL", () => {
  it("answers mfaEnabled for the caller's own user only: a teammate's reads null", async () => {
    const res = await server.graphql(`{ currentUser { rowId mfaEnabled } memberships { nodes { user { rowId mfaEnabled } } } }`, undefined, bearer(alice.accessToken));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.currentUser).toEqual({ rowId: alice.userId, mfaEnabled: false });
    const users = res.body.data!.memberships.nodes.map((n: { user: { rowId: string; mfaEnabled: boolean | null } }) => n.user);
    expect(users).toEqual(expect.arrayContaining([{ rowId: alice.userId, mfaEnabled: false }, { rowId: bob.userId, mfaEnabled: null }]));
  });

  it("returns the caller, their active workspace and only their own memberships", async () => {
    const res = await server.graphql(ME, undefined, bearer(bob.accessToken));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      currentUser: { rowId: bob.userId, email: bob.email, name: "Bob", isVerified: false },
      currentTenant: { rowId: bob.tenantId, name: "Bob's workspace", slug: expect.any(String) },
      myMemberships: { nodes: expect.arrayContaining([{ role: "owner", tenant: { name: "Bob's workspace" } }, { role: "member", tenant: { name: "Alice Inc" } }]) },
    });
    expect(res.body.data!.myMemberships.nodes).toHaveLength(2);
  });

  it("returns nulls and nothing else to anonymous callers", async () => {
    const res = await server.graphql(`${ME.slice(0, -1)} users { totalCount } tenants { totalCount } memberships { totalCount } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      currentUser: null,
      currentTenant: null,
      myMemberships: { nodes: [] },
      users: { totalCount: 0 },
      tenants: { totalCount: 0 },
      memberships: { totalCount: 0 },
    });
  });

  it("shows users only themselves and members of their active workspace", async () => {
    const asAlice = await server.graphql("{ users { nodes { name } } }", undefined, bearer(alice.accessToken));
    expect(asAlice.body.data!.users.nodes.map((u: { name: string }) => u.name).sort()).toEqual(["Alice", "Bob"]);
    const asMallory = await server.graphql("{ users { nodes { name } } tenants { nodes { name } } }", undefined, bearer(mallory.accessToken));
    expect(asMallory.body.data).toEqual({ users: { nodes: [{ name: "Mallory" }] }, tenants: { nodes: [{ name: "Mallory Ltd" }] } });
  });

  it("lets users edit their own profile fields only", async () => {
    const mine = await server.graphql(
      `mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { name: "Alice A." } }) { user { name } } }`,
      { id: alice.userId },
      bearer(alice.accessToken),
    );
    expect(mine.body.data?.updateUser.user.name).toBe("Alice A.");
    const theirs = await server.graphql(
      `mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { name: "pwned" } }) { user { name } } }`,
      { id: bob.userId },
      bearer(alice.accessToken),
    );
    // RLS hides the row, so nothing matches: a coded error, not a silent null (server/src/graphql/missingRowErrors.ts).
    expect(codeOf(theirs)).toBe("NTFND");
    expect(theirs.body.data?.updateUser).toBeNull();
    const [row] = (await getDb().superPool.query("select name from app_public.users where id = $1", [bob.userId])).rows;
    expect(row.name).toBe("Bob");
    const email = await server.graphql(
      `mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { email: "x@example.com" } }) { user { email } } }`,
      { id: alice.userId },
      bearer(alice.accessToken),
    );
    expect(email.status).toBe(400); // not in the schema: email changes go through a verified flow
  });

  it("exposes no secret anywhere in the schema", async () => {
    const res = await server.graphql("{ __schema { types { name fields { name } inputFields { name } } } }");
    const names = res.body.data!.__schema.types.flatMap((t: { name: string; fields?: { name: string }[]; inputFields?: { name: string }[] }) => [
      t.name,
      ...(t.fields ?? []).map((f) => `${t.name}.${f.name}`),
      ...(t.inputFields ?? []).map((f) => `${t.name}.${f.name}`),
    ]);
    // The one deliberate exception: a new or rolled API key's plaintext, returned once by the mutation (never stored).
    // Likewise a webhook endpoint's signing secret, returned once by create/rotate; the rotate mutation is named for it.
    // And User.mfaEnabled: a status, not a secret, answered for the caller's own user only (tested below).
    const intended = new Set(["CreatedApiKey.secret", "CreatedWebhookEndpoint.secret", "User.mfaEnabled"]);
    expect(names.filter((n: string) => !intended.has(n) && !/^(Mutation\.rotateWebhookSecret|RotateWebhookSecret(Input|Payload)\b)/.test(n) && /password|secret|tokenHash|codeHash|recovery|refresh|mfa|identit|loginAttempt/i.test(n))).toEqual([]);
  });
});
