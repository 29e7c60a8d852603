/**
 * A nested GraphQL query, workspace -> members -> user (50 members), as a
 * signed-in owner through the full stack, vs the same data through raw `pg`
 * (one join) in the same transaction shape as the request role, behind a bare
 * node:http server. Also records the `id desc` tie-breaker advice: v5 appends
 * the primary key to every ordering, so list indexes should end with `id`
 * (the plan for `order by created_at desc, id desc` is a backward scan of
 * (tenant_id, created_at, id); see bench/results/nested-explain.txt).
 * A third side, bare PostGraphile with the same presets and the owner's role
 * settings (bench/barePostGraphile.ts), shows what our own layers cost.
 * Goals: ≥ 0.7× the raw join, ≥ 0.9× bare PostGraphile.
 */
import fs from "node:fs";
import path from "node:path";
import { pgSettingsFor } from "../../core/tenancy";
import { signUp } from "../../test/helpers/auth";
import { identityOf } from "../../test/helpers/db";
import { startTestServer } from "../../test/helpers/server";
import { barePostGraphile } from "../barePostGraphile";
import { applySettings, compareSides, load, rawPgServer, sidesRatio, type BenchEnv, type BenchResult } from "../lib";

const ROUNDS = Number(process.env.BENCH_GRAPHQL_ROUNDS || 3);

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
  const bare = await barePostGraphile(db, settings);

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

    const body = JSON.stringify({ query });
    const bareCheck = await (await fetch(bare.url, { method: "POST", body, headers: { "content-type": "application/json" } })).json();
    if (JSON.stringify(bareCheck) !== JSON.stringify(check.body)) throw new Error(`nestedQuery: bare PostGraphile answers differently: ${JSON.stringify(bareCheck).slice(0, 300)}`);
    const post = (url: string, h: Record<string, string>) => (durationSeconds?: number) =>
      load({ url, method: "POST", body, headers: { "content-type": "application/json", ...h }, env, durationSeconds });
    const sides = await compareSides(
      ROUNDS,
      [
        { name: "ours", run: post(`${server.url}/graphql`, headers) },
        { name: "bare", run: post(bare.url, {}) },
        { name: "raw", run: (durationSeconds) => load({ url: rawUrl, env, durationSeconds }) },
      ],
      "nestedQuery",
    );
    const scenario = `GraphQL nested workspace -> ${MEMBERS} members -> user`;
    return [
      sidesRatio(sides, "ours", "raw", {
        scenario: `${scenario} vs raw pg join, same tx shape`,
        baselineName: "raw pg join over node:http",
        goal: 0.7,
        notes: `id desc tie-breaker: ${backward ? "backward scan of posts_tenant_id_idx (tenant_id, created_at, id)" : "NO backward index scan, see nested-explain.txt"}`,
      }),
      sidesRatio(sides, "ours", "bare", { scenario: `${scenario}: ours vs bare PostGraphile`, baselineName: "bare PostGraphile, same role settings", goal: 0.9 }),
      sidesRatio(sides, "bare", "raw", { scenario: `${scenario}: bare PostGraphile vs raw pg join (the engine's own cost)`, baselineName: "raw pg join over node:http", reference: true }),
    ];
  } finally {
    await Promise.all([server.close(), raw.close(), bare.close()]);
  }
}
