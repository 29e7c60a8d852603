/**
 * A nested GraphQL query, workspace -> members -> user (50 members), as a
 * signed-in owner through the full stack, vs the same data through raw `pg`
 * (one join) in the same transaction shape as the request role, behind a bare
 * node:http server. Also records the `id desc` tie-breaker advice: v5 appends
 * the primary key to every ordering, so list indexes should end with `id`
 * (the plan for `order by created_at desc, id desc` is a backward scan of
 * (tenant_id, created_at, id); see bench/results/nested-explain.txt).
 */
import fs from "node:fs";
import path from "node:path";
import { pgSettingsFor } from "../../core/tenancy";
import { signUp } from "../../test/helpers/auth";
import { identityOf } from "../../test/helpers/db";
import { startTestServer } from "../../test/helpers/server";
import { alternate, applySettings, load, ratioResult, rawPgServer, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const MEMBERS = 50;

export async function nestedQuery(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const server = await startTestServer(db);
  const owner = await signUp(server, { workspaceName: "Nested bench" });
  await db.superPool.query(
    `with u as (
       insert into app_public.users (email, name) select 'member-' || g || '@bench.example', 'Member ' || g from generate_series(1, $2::int - 1) g returning id
     )
     insert into app_public.memberships (tenant_id, user_id, role) select $1, id, 'member' from u`,
    [owner.tenantId, MEMBERS],
  );

  const sql = `select m.id, m.role, json_build_object('name', u.name, 'email', u.email) as "user"
                 from app_public.memberships m join app_public.users u on u.id = m.user_id
                where m.tenant_id = app_hidden.current_tenant_id()
                order by m.created_at, m.id limit ${MEMBERS}`;
  const settings = pgSettingsFor(await identityOf(db, owner.userId, owner.tenantId));
  const raw = await rawPgServer(db.authPool, settings, async (client) => ({
    data: { currentTenant: { memberships: { nodes: (await client.query(sql)).rows } } },
  }));
  const rawUrl = raw.url;

  try {
    const query = `{ currentTenant { name memberships(first: ${MEMBERS}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId role user { name email } } } } }`;
    const headers = { authorization: `Bearer ${owner.accessToken}` };
    const check = await server.graphql(query, {}, headers);
    if (check.body.data?.currentTenant?.memberships?.nodes?.length !== MEMBERS) throw new Error(`nestedQuery: bench query is broken: ${JSON.stringify(check.body).slice(0, 300)}`);

    // The tie-breaker advice, recorded from a real plan as the request role (with enough rows to matter).
    await db.superPool.query(
      `insert into app_public.posts (tenant_id, author_id, title, created_at)
       select $1, $2, 'Post ' || g, now() - (g % 500) * interval '1 minute' from generate_series(1, 5000) g`,
      [owner.tenantId, owner.userId],
    );
    await db.superPool.query("analyze app_public.posts");
    const c = await db.authPool.connect();
    let plan = "";
    try {
      await c.query("begin");
      await applySettings(c, settings);
      plan = (await c.query("explain (costs off) select id from app_public.posts order by created_at desc, id desc limit 20")).rows.map((r) => r["QUERY PLAN"]).join("\n");
      await c.query("rollback");
    } finally {
      c.release();
    }
    const out = path.join(__dirname, "..", "results", "nested-explain.txt");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `-- PostGraphile v5 orders posts(orderBy: CREATED_AT_DESC) as: order by created_at desc, id desc\n${plan}\n`);
    const backward = /Index (Only )?Scan Backward using posts_tenant_id_idx/.test(plan);

    const runs: { gql: LoadResult[]; raw: LoadResult[] } = { gql: [], raw: [] };
    const [gqlRps, rawRps] = await alternate(
      3,
      async () => (runs.gql.push(await load({ url: `${server.url}/graphql`, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env })), runs.gql.at(-1)!.requestsPerSecond),
      async () => (runs.raw.push(await load({ url: rawUrl, env })), runs.raw.at(-1)!.requestsPerSecond),
    );
    if ([...runs.gql, ...runs.raw].some((r) => r.non2xx || r.errors)) throw new Error("nestedQuery: bench requests failed");
    return [
      ratioResult({
        scenario: `GraphQL nested workspace -> ${MEMBERS} members -> user vs raw pg join, same tx shape`,
        metric: "req/s",
        value: gqlRps,
        baselineName: "raw pg join over node:http",
        baseline: rawRps,
        higherIsBetter: true,
        notes: `id desc tie-breaker: ${backward ? "backward scan of posts_tenant_id_idx (tenant_id, created_at, id)" : "NO backward index scan, see nested-explain.txt"}`,
      }),
    ];
  } finally {
    await server.close();
    await raw.close();
  }
}
