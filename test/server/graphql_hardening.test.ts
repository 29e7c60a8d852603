/**
 * GraphQL hardening over real HTTP: depth and alias caps and introspection
 * switch for operations that are not persisted, trusted documents (only the
 * codegen manifest's operations) when turned on, and statement_timeout per
 * request role.
 */
import fs from "node:fs";
import path from "node:path";
import { getIntrospectionQuery } from "graphql";
import { as, signUp } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { codeOf } from "../helpers/expect";

const getDb = useTestDatabase();
const MANIFEST = path.join(__dirname, "..", "..", "sdk", "generated", "persisted-documents.json");
const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<string, string>;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});


/** `{ currentUser { memberships { nodes { tenant { memberships { nodes { user { … } } } } } } } }` nested `levels` deep. */
function nested(levels: number): string {
  let inner = "rowId";
  for (let i = 0; i < levels; i++) inner = i % 2 ? `tenant { memberships { nodes { ${inner} } } }` : `user { ${inner} }`;
  return `{ currentUser { memberships { nodes { ${inner} } } } }`;
}

describe("operations that are not persisted (development and test default)", () => {
  it("are refused with 400 QLIMT beyond the depth cap, and run below it", async () => {
    server = await startTestServer(getDb(), { GRAPHQL_MAX_DEPTH: "6" });
    const ok = await server.graphql(nested(1));
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const deep = await server.graphql(nested(8));
    expect(deep.status).toBe(400);
    expect(codeOf(deep)).toBe("QLIMT");
    expect(deep.body.errors?.[0].message).toMatch(/levels deep; the limit is 6/);
  });

  it("let GraphiQL/Ruru's full introspection query through (its ofType chains are not data depth)", async () => {
    server = await startTestServer(getDb(), { GRAPHQL_MAX_DEPTH: "6" });
    const res = await server.graphql(getIntrospectionQuery());
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.__schema.queryType.name).toBe("Query");
  });

  it("count depth through fragments, so fragments cannot hide nesting", async () => {
    server = await startTestServer(getDb(), { GRAPHQL_MAX_DEPTH: "4" });
    const query = `query { currentUser { ...U } } fragment U on User { memberships { nodes { tenant { ...T } } } } fragment T on Tenant { memberships { nodes { rowId } } }`;
    expect(codeOf(await server.graphql(query))).toBe("QLIMT");
  });

  it("are refused beyond the alias cap (alias-based batching)", async () => {
    server = await startTestServer(getDb(), { GRAPHQL_MAX_ALIASES: "5" });
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: currentUser { rowId }`).join(" ")} }`;
    expect((await server.graphql(aliases(5))).body.errors).toBeUndefined();
    const many = await server.graphql(aliases(6));
    expect({ status: many.status, code: codeOf(many) }).toEqual({ status: 400, code: "QLIMT" });
  });

  it("allow introspection unless GRAPHQL_INTROSPECTION=false (then only __typename)", async () => {
    server = await startTestServer(getDb());
    expect((await server.graphql("{ __schema { queryType { name } } }")).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    await server.close();
    server = await startTestServer(getDb(), { GRAPHQL_INTROSPECTION: "false" });
    expect(codeOf(await server.graphql("{ __schema { queryType { name } } }"))).toBe("QLIMT");
    expect(codeOf(await server.graphql(`{ __type(name: "User") { name } }`))).toBe("QLIMT");
    expect((await server.graphql("{ __typename }")).body.data).toEqual({ __typename: "Query" });
  });
});

describe("trusted documents (production default)", () => {
  const [[hash, document]] = Object.entries(manifest).filter(([, doc]) => doc.includes("submitContactMessage"));

  async function post(body: unknown) {
    const res = await fetch(`${server!.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
  }

  it("run operations from the codegen manifest by id, and refuse any other document", async () => {
    server = await startTestServer(getDb(), { GRAPHQL_TRUSTED_DOCUMENTS: "true" });
    const variables = { name: "Trusted", email: "trusted@example.com", message: "sent by document id" };
    const byId = await post({ documentId: hash, variables });
    expect(byId).toEqual({ status: 200, body: { data: { submitContactMessage: { result: true } } } });
    const { rows } = await getDb().superPool.query("select count(*)::int as n from app_private.contact_messages where message = $1", [variables.message]);
    expect(rows[0].n).toBe(1);

    // The same text sent as a query is not a document id: refused, and nothing is written.
    const asText = await post({ query: document, variables: { ...variables, message: "as text" } });
    expect({ status: asText.status, code: asText.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: "DOCID" });
    const unknown = await post({ documentId: "0".repeat(64), variables });
    expect({ status: unknown.status, code: unknown.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: "DOCID" });
    // Apollo's automatic-persisted-query shape works too.
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { ...variables, message: "apollo" } })).status).toBe(200);
    const again = await getDb().superPool.query("select count(*)::int as n from app_private.contact_messages where message = 'as text'");
    expect(again.rows[0].n).toBe(0);
  });

  it("refuse to start when the manifest is missing", async () => {
    await expect(startTestServer(getDb(), { GRAPHQL_TRUSTED_DOCUMENTS: "true", GRAPHQL_PERSISTED_DOCUMENTS_FILE: "/nonexistent/manifest.json" })).rejects.toThrow(
      /cannot be read \(run npm run codegen\)/,
    );
  });
});

describe("statement_timeout", () => {
  beforeAll(async () => {
    // A test-only function that reports the setting the request's transaction runs with.
    await getDb().superPool.query(`
      create or replace function app_public.current_statement_timeout() returns text as $$ select current_setting('statement_timeout') $$ language sql stable;
      grant execute on function app_public.current_statement_timeout() to app_anonymous, app_user;`);
  });

  it("is set per request role for every GraphQL request", async () => {
    server = await startTestServer(getDb(), { STATEMENT_TIMEOUT_MS_ANONYMOUS: "1500", STATEMENT_TIMEOUT_MS_USER: "7000" });
    expect((await server.graphql("{ currentStatementTimeout }")).body.data).toEqual({ currentStatementTimeout: "1500ms" });
    const user = await signUp(server);
    expect((await as(server, user.accessToken)("{ currentStatementTimeout }")).body.data).toEqual({ currentStatementTimeout: "7s" });
  });
});
