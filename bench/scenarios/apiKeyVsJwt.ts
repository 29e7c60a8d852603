/**
 * API keys: GraphQL throughput of one posts page (50 of 200 posts) with a
 * secret API key (`x-api-key`) vs the same page with a JWT access token, in
 * the same run, alternating rounds. Goal: >= 0.9x. The key path adds an
 * in-memory cache hit (SHA-256 + LRU lookup) per request and, in SQL, one
 * primary-key lookup per statement (app_hidden.current_api_key_type(), an
 * InitPlan) that makes revocation immediate for data access.
 *
 * The JWT side is also the authenticated-list scenario against bare
 * PostGraphile (same presets, the same user's role settings, no token to
 * verify: bench/barePostGraphile.ts). Goals: key ≥ 0.9× JWT, JWT ≥ 0.9× bare.
 */
import { as, signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { pgSettingsFor } from "../../core/tenancy";
import { identityOf } from "../../test/helpers/db";
import { barePostGraphile } from "../barePostGraphile";
import { compareSides, load, sidesRatio, type BenchEnv, type BenchResult } from "../lib";

const POSTS = Number(process.env.BENCH_APIKEY_POSTS || 200);
const PAGE = 50;
const ROUNDS = Number(process.env.BENCH_APIKEY_ROUNDS || 3);

export async function apiKeyVsJwt(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const server = await startTestServer(db);
  let bare: Awaited<ReturnType<typeof barePostGraphile>> | undefined;
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

    bare = await barePostGraphile(db, pgSettingsFor(await identityOf(db, user.userId, user.tenantId)));
    const bareCheck = (await (await fetch(bare.url, { method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json" } })).json()) as { data?: unknown };
    if (JSON.stringify(bareCheck.data) !== JSON.stringify(j.body.data)) throw new Error(`apiKeyVsJwt: bare PostGraphile answers differently: ${JSON.stringify(bareCheck).slice(0, 300)}`);

    const post = (url: string, headers: Record<string, string>) => (durationSeconds?: number) =>
      load({ url, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env, durationSeconds });
    const sides = await compareSides(
      ROUNDS,
      [
        { name: "key", run: post(`${server.url}/graphql`, keyHeaders) },
        { name: "jwt", run: post(`${server.url}/graphql`, jwtHeaders) },
        { name: "bare", run: post(bare.url, {}) },
      ],
      "apiKeyVsJwt",
    );
    return [
      sidesRatio(sides, "key", "jwt", { scenario: `API key: GraphQL posts page of ${PAGE}, secret key (x-api-key) vs JWT`, baselineName: "JWT bearer", goal: 0.9 }),
      sidesRatio(sides, "jwt", "bare", { scenario: `GraphQL authenticated list (posts page of ${PAGE}, JWT): ours vs bare PostGraphile`, baselineName: "bare PostGraphile, same role settings", goal: 0.9 }),
    ];
  } finally {
    await Promise.all([server.close(), bare?.close()]);
  }
}
