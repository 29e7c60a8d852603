/**
 * API keys: GraphQL throughput of one posts page (50 of 200 posts) with a
 * secret API key (`x-api-key`) vs the same page with a JWT access token, in
 * the same run, alternating rounds. Goal: >= 0.9x. The key path adds an
 * in-memory cache hit (SHA-256 + LRU lookup) per request and, in SQL, one
 * primary-key lookup per statement (app_hidden.current_api_key_type(), an
 * InitPlan) that makes revocation immediate for data access.
 */
import { as, signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { alternate, load, median, ratioResult, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const POSTS = Number(process.env.BENCH_APIKEY_POSTS || 200);
const PAGE = 50;
const ROUNDS = Number(process.env.BENCH_APIKEY_ROUNDS || 3);

export async function apiKeyVsJwt(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const server = await startTestServer(db);
  try {
    const user = await signUp(server, { workspaceName: "Bench Keys" });
    await db.superPool.query(
      `insert into app_public.posts (tenant_id, author_id, title, body, status)
       select $1, $2, 'Post ' || g, repeat('lorem ipsum ', 20), 'published' from generate_series(1, $3) g`,
      [user.tenantId, user.userId, POSTS],
    );
    await db.superPool.query("vacuum analyze app_public.posts");
    const created = await as(server, user.accessToken)(
      `mutation { createApiKey(input: { name: "bench", scopes: { blog: ["read"] }, expiresIn: "never" }) { result { secret } } }`,
    );
    const secret = created.body.data?.createApiKey?.result?.secret as string | undefined;
    if (!secret) throw new Error(`apiKeyVsJwt: could not create a key: ${JSON.stringify(created.body).slice(0, 300)}`);

    const query = `{ posts(first: ${PAGE}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId title createdAt } } }`;
    const keyHeaders = { "x-api-key": secret };
    const jwtHeaders = { authorization: `Bearer ${user.accessToken}` };
    const [k, j] = [await server.graphql(query, {}, keyHeaders), await server.graphql(query, {}, jwtHeaders)];
    if (k.body.data?.posts?.nodes?.length !== PAGE || JSON.stringify(k.body.data) !== JSON.stringify(j.body.data)) {
      throw new Error(`apiKeyVsJwt: key and JWT answers differ: ${JSON.stringify(k.body).slice(0, 300)} / ${JSON.stringify(j.body).slice(0, 300)}`);
    }

    const post = (headers: Record<string, string>) =>
      load({ url: `${server.url}/graphql`, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env });
    const runs: { key: LoadResult[]; jwt: LoadResult[] } = { key: [], jwt: [] };
    const [keyRps, jwtRps] = await alternate(
      ROUNDS,
      async () => (runs.key.push(await post(keyHeaders)), runs.key.at(-1)!.requestsPerSecond),
      async () => (runs.jwt.push(await post(jwtHeaders)), runs.jwt.at(-1)!.requestsPerSecond),
    );
    if ([...runs.key, ...runs.jwt].some((r) => r.non2xx || r.errors)) throw new Error("apiKeyVsJwt: bench requests failed (non-2xx or errors)");
    return [
      ratioResult({
        scenario: `API key: GraphQL posts page of ${PAGE}, secret key (x-api-key) vs JWT`,
        metric: "req/s",
        value: keyRps,
        baselineName: "JWT bearer",
        baseline: jwtRps,
        higherIsBetter: true,
        goal: 0.9,
        notes: `p99 ${median(runs.key.map((r) => r.p99Ms))} ms vs ${median(runs.jwt.map((r) => r.p99Ms))} ms`,
      }),
    ];
  } finally {
    await server.close();
  }
}
