/**
 * Every GraphQL failure carries a registered `extensions.code`, over real
 * HTTP (and WebSocket) against a started server: syntax (SYNTX), validation
 * (GQVAL), variables (BADVR), operation selection and malformed requests
 * (BADRQ, TOOBG). GraphQL's own messages and locations are kept.
 */
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { GraphQLError } from "postgraphile/graphql";
import { makeMaskError } from "../../core/errors";
import { bearer, signUp, type TestUser } from "../helpers/auth";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";

let server!: TestServer;
// Before useTestDatabase, so the server (and its LISTEN connection) is closed before the database is dropped.
afterAll(async () => {
  if (server) await server.close();
});
const getDb = useTestDatabase();
let user: TestUser;

beforeAll(async () => {
  // Introspection off, so the WebSocket test can also show a hardening refusal (QLIMT) arriving coded.
  server = await startTestServer(getDb(), { GRAPHQL_INTROSPECTION: "false" });
  user = await signUp(server);
});

type Errors = Array<{ message: string; locations?: Array<{ line: number; column: number }>; extensions?: Record<string, unknown> }>;

/** Status, the single error's code and message, for one toEqual/toMatchObject. */
function outcome(res: { status: number; body: { errors?: Errors } }) {
  expect(res.body.errors).toHaveLength(1);
  const [error] = res.body.errors!;
  return { status: res.status, code: error.extensions?.code, message: error.message };
}

/** A raw request to /graphql, for bodies and methods the GraphQL helper cannot send. */
async function send(init: RequestInit, query = "") {
  const res = await fetch(`${server.url}/graphql${query}`, init);
  expect(res.headers.get("content-type")).toMatch(/json/);
  return { status: res.status, body: (await res.json()) as { errors?: Errors } };
}
const postJson = (body: string) => send({ method: "POST", headers: { "content-type": "application/json" }, body });

describe("GraphQL's own errors", () => {
  it("gives syntax errors SYNTX, keeping GraphQL's message and locations", async () => {
    const res = await server.graphql("{ currentUser { rowId ");
    expect(outcome(res)).toEqual({ status: 400, code: "SYNTX", message: "Syntax Error: Expected Name, found <EOF>." });
    expect(res.body.errors![0]).toMatchObject({ locations: [{ line: 1, column: 23 }] });
    // An empty document is a syntax error too.
    expect(outcome(await server.graphql(""))).toMatchObject({ status: 400, code: "SYNTX" });
  });

  it.each([
    ["an unknown field, with GraphQL's hint", "{ currentUsr { rowId } }", 'Cannot query field "currentUsr" on type "Query". Did you mean "currentUser"?'],
    ["an unknown argument", "{ currentUser(foo: 1) { rowId } }", 'Unknown argument "foo" on field "Query.currentUser".'],
    ["a literal of the wrong type", '{ addons(first: "ten") { totalCount } }', 'Int cannot represent non-integer value: "ten"'],
    ["a missing required argument", "{ apiKey { rowId } }", 'Field "apiKey" argument "rowId" of type "UUID!" is required, but it was not provided.'],
    ["an unknown fragment", "{ currentUser { ...Nope } }", 'Unknown fragment "Nope".'],
    ["a missing selection set", "{ currentUser }", 'Field "currentUser" of type "User" must have a selection of subfields. Did you mean "currentUser { ... }"?'],
    ["an unused variable", "query Q($id: UUID) { __typename }", 'Variable "$id" is never used in operation "Q".'],
  ])("gives validation errors GQVAL: %s", async (_kind, query, message) => {
    expect(outcome(await server.graphql(query))).toEqual({ status: 400, code: "GQVAL", message });
  });

  it("codes every error of a document with several validation errors", async () => {
    const res = await server.graphql("{ nope1 nope2 { x } }");
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["GQVAL", "GQVAL"]);
    expect(res.body.errors?.[0]).toMatchObject({ locations: [{ line: 1, column: 3 }] });
  });

  const submit = "mutation Submit($input: SubmitContactMessageInput!) { submitContactMessage(input: $input) { result } }";
  it.each([
    ["a missing required variable", submit, {}, 'Variable "$input" of required type "SubmitContactMessageInput!" was not provided.'],
    ["a variable of the wrong type", submit, { input: "hello" }, 'Variable "$input" got invalid value "hello"; Expected type "SubmitContactMessageInput" to be an object.'],
    [
      "an unknown input field in a variable",
      submit,
      { input: { name: "A", emial: "a@example.com", message: "hi" } },
      'Variable "$input" got invalid value { name: "A", emial: "a@example.com", message: "hi" }; Field "emial" is not defined by type "SubmitContactMessageInput". Did you mean "email"?',
    ],
    ["a scalar the server cannot parse", "query Key($id: UUID!) { apiKey(rowId: $id) { rowId } }", { id: "not-a-uuid" }, expect.stringMatching(/^Variable "\$id" got invalid value "not-a-uuid"; Invalid UUID/)],
  ])("gives bad variables BADVR: %s, and runs nothing", async (_kind, query, variables, message) => {
    const res = await server.graphql(query, variables);
    expect(outcome(res)).toEqual({ status: 400, code: "BADVR", message });
    expect(res.body.errors![0]).toMatchObject({ locations: [{ line: 1, column: expect.any(Number) }] });
    expect(res.body.data).toBeUndefined();
  });

  it("gives an operation that cannot be selected BADRQ", async () => {
    const two = "query A { __typename } query B { __typename }";
    expect(outcome(await server.graphql(two))).toEqual({ status: 400, code: "BADRQ", message: "Must provide operation name if query contains multiple operations." });
    const named = await postJson(JSON.stringify({ query: two, operationName: "C" }));
    expect(outcome(named)).toEqual({ status: 400, code: "BADRQ", message: 'Unknown operation named "C".' });
    // The same document runs once it names an operation that is there.
    expect((await postJson(JSON.stringify({ query: two, operationName: "B" }))).body).toEqual({ data: { __typename: "Query" } });
  });

  it("codes the same errors for legacy clients (Accept: application/json), which get 200 as GraphQL over HTTP says", async () => {
    const res = await server.graphql("{ currentUsr { rowId } }", undefined, { accept: "application/json" });
    expect(outcome(res)).toMatchObject({ status: 200, code: "GQVAL" });
    expect(outcome(await server.graphql("{", undefined, { accept: "application/json" }))).toMatchObject({ status: 200, code: "SYNTX" });
  });

  it("masks a GraphQL error that nothing coded (a server fault, e.g. a non-null field resolved to null) behind a reference", () => {
    const error = makeMaskError(() => {})(new GraphQLError("Cannot return null for non-nullable field User.name.", { path: ["currentUser", "name"] })) as GraphQLError;
    expect(error.extensions).toEqual({ code: "INTRN", errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(error.message).toBe(`An unexpected error occurred. Reference: ${error.extensions.errorId}`);
    expect(error.path).toEqual(["currentUser", "name"]);
  });

  it("leaves the hardening plugins' codes as they were (QLIMT here; DOCID in graphql_hardening.test.ts)", async () => {
    expect(outcome(await server.graphql("{ __schema { queryType { name } } }"))).toMatchObject({ status: 400, code: "QLIMT" });
  });
});

describe("malformed requests on POST /graphql", () => {
  it.each([
    ["invalid JSON", "{nope", "The request body is not valid JSON."],
    ["JSON that is not an object (null)", "null", "The request body is not valid JSON."],
    ["a JSON array", "[1]", "Invalid body; expected object"],
    ["no query", "{}", "query must be a string"],
    ["a query that is not a string", JSON.stringify({ query: { q: 1 } }), "query must be a string"],
    ["variables that are not an object", JSON.stringify({ query: "{ __typename }", variables: [1] }), "Invalid variables; expected JSON-encoded object"],
    ["variables as a string", JSON.stringify({ query: "{ __typename }", variables: "{}" }), "Invalid variables; expected JSON-encoded object"],
    ["an operationName that is not a string", JSON.stringify({ query: "{ __typename }", operationName: 1 }), "operationName, if given, must be a string"],
  ])("answers %s with 400 BADRQ", async (_kind, body, message) => {
    expect(outcome(await postJson(body))).toEqual({ status: 400, code: "BADRQ", message });
  });

  it("answers a content type other than JSON or application/graphql with 415 BADRQ, and no content type with 400", async () => {
    const text = await send({ method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ __typename }"}' });
    expect(outcome(text)).toEqual({ status: 415, code: "BADRQ", message: "Media type 'text/plain' is not allowed" });
    const form = await send({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7B__typename%7D" });
    expect(outcome(form)).toMatchObject({ status: 415, code: "BADRQ" });
    const none = await send({ method: "POST", body: new Uint8Array(Buffer.from('{"query":"{ __typename }"}')) });
    expect(outcome(none)).toEqual({ status: 400, code: "BADRQ", message: "Could not determine the Content-Type of the request" });
  });

  it("accepts application/graphql, and codes its syntax errors", async () => {
    const ok = await send({ method: "POST", headers: { "content-type": "application/graphql" }, body: "{ __typename }" });
    expect(ok).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
    const bad = await send({ method: "POST", headers: { "content-type": "application/graphql" }, body: "{ __typename" });
    expect(outcome(bad)).toMatchObject({ status: 400, code: "SYNTX" });
  });

  it("answers a body over BODY_LIMIT_BYTES with 413 TOOBG, whatever its content type", async () => {
    const big = `{ __typename } # ${"x".repeat(200_000)}`;
    const json = await postJson(JSON.stringify({ query: big }));
    expect(outcome(json)).toEqual({ status: 413, code: "TOOBG", message: "The request body is too large." });
    const graphql = await send({ method: "POST", headers: { "content-type": "application/graphql" }, body: big });
    expect(outcome(graphql)).toEqual({ status: 413, code: "TOOBG", message: "The request body is too large." });
  });

  it("answers GET (a mutation included) and other methods with 405 BADRQ: GraphQL is POST only here", async () => {
    const mutation = await send({ method: "GET" }, `?query=${encodeURIComponent("mutation { __typename }")}`);
    expect(outcome(mutation)).toEqual({ status: 405, code: "BADRQ", message: "Method not supported, please use POST" });
    expect(outcome(await send({ method: "GET" }, `?query=${encodeURIComponent("{ __typename }")}`))).toMatchObject({ status: 405, code: "BADRQ" });
    expect(outcome(await send({ method: "PUT", headers: { "content-type": "application/json" }, body: "{}" }))).toMatchObject({ status: 405, code: "BADRQ" });
  });

  it("answers an Accept header with no GraphQL media type with 406 BADRQ", async () => {
    const res = await send({ method: "POST", headers: { "content-type": "application/json", accept: "text/html" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(outcome(res)).toMatchObject({ status: 406, code: "BADRQ", message: expect.stringMatching(/add.*application\/json/) });
  });
});

describe("GraphQL over WebSocket", () => {
  /** The errors one operation ends with (an `error` message, or a `next` carrying errors). */
  async function wsErrors(query: string, variables?: Record<string, unknown>): Promise<Errors> {
    const client = createClient({ url: `${server.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: bearer(user.accessToken), retryAttempts: 0 });
    try {
      return await new Promise<Errors>((resolve, reject) => {
        client.subscribe<unknown>(
          { query, variables },
          {
            next: (r) => r.errors && resolve(r.errors as unknown as Errors),
            error: (e) => (Array.isArray(e) ? resolve(e as Errors) : reject(e instanceof Error ? e : new Error(JSON.stringify(e)))),
            complete: () => reject(new Error("completed without errors")),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }
  const codes = (errors: Errors) => errors.map((e) => e.extensions?.code);

  it("codes syntax, validation and variable errors like HTTP does", async () => {
    const syntax = await wsErrors("subscription { notificationAdded { rowId ");
    expect(codes(syntax)).toEqual(["SYNTX"]);
    expect(syntax[0].message).toMatch(/^Syntax Error/);
    const invalid = await wsErrors("subscription { notificationAdded { rowIdd } }");
    expect(codes(invalid)).toEqual(["GQVAL"]);
    expect(invalid[0].message).toMatch(/Did you mean "rowId"\?/);
    const variables = await wsErrors("subscription S($on: Boolean!) { notificationAdded { rowId @include(if: $on) } }", {});
    expect(codes(variables)).toEqual(["BADVR"]);
    expect(variables[0].message).toBe('Variable "$on" of required type "Boolean!" was not provided.');
  });

  it("keeps the hardening plugins' codes (they were masked as INTRN over WebSocket)", async () => {
    const refused = await wsErrors("subscription { __schema { queryType { name } } }");
    expect(codes(refused)).toEqual(["QLIMT"]);
    expect(refused[0].message).toMatch(/Introspection is disabled/);
  });
});
