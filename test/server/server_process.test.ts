import { useTestDatabase } from "../helpers/db";
import { spawnServerProcess, type ServerProcess } from "../helpers/serverProcess";

const getDb = useTestDatabase();
let proc: ServerProcess;

beforeAll(async () => {
  proc = await spawnServerProcess(getDb().urls, { NODE_ENV: "development" });
});
afterAll(async () => {
  await proc?.stop();
});

describe("the server as `npm start` runs it (external DATABASE_URL)", () => {
  it("prints where Postgres and the server listen", () => {
    expect(proc.output()).toMatch(/Postgres: external Postgres at 127\.0\.0\.1:\d+\//);
    expect(proc.output()).toContain(`GraphQL ${proc.url}/graphql`);
  });

  it("serves Ruru at /graphiql in development, wired to /graphql", async () => {
    const res = await fetch(`${proc.url}/graphiql`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Ruru/);
    expect(html).toContain("/graphql");
  });

  it("answers GraphQL as the anonymous role", async () => {
    const res = await fetch(`${proc.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation { submitContactMessage(input: {name: \"P\", email: \"p@example.com\", message: \"from a process\"}) { result } }" }),
    });
    expect(await res.json()).toEqual({ data: { submitContactMessage: { result: true } } });
  });

  it("shuts down gracefully on SIGTERM with exit code 0", async () => {
    const other = await spawnServerProcess(getDb().urls, { NODE_ENV: "production" });
    expect((await fetch(`${other.url}/graphiql`)).status).toBe(404);
    expect(await other.stop()).toBe(0);
    expect(other.output()).toMatch(/SIGTERM: shutting down/);
  });
});
