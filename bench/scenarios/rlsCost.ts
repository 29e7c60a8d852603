/**
 * Authorization core: what row-level security costs. A 1M-row posts table
 * across 1000 workspaces; one workspace's first page (50 rows, ordered by
 * created_at, id) read
 *  - in SQL as app_user, tenant filtered by RLS alone, vs the same SQL as the
 *    owner (trivial `using (true)` policy) with an explicit `where tenant_id = $1`,
 *    same transaction shape (begin; set_config…; select; commit), same pool size;
 *  - through GraphQL over HTTP: `posts` (RLS) vs an identical copy of the table
 *    without RLS, filtered with `condition: { tenantId }`.
 * Goal for both: >= 0.95x. The EXPLAIN of the RLS query is kept so the tenant
 * index and the helpers-as-InitPlans can be checked (bench/results/rls-explain.txt).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgSettingsFor } from "../../core/tenancy";
import { signUp } from "../../test/helpers/auth";
import { identityOf } from "../../test/helpers/db";
import { startTestServer } from "../../test/helpers/server";
import { alternate, applySettings, closedLoop, load, median, ratioResult, type BenchEnv, type BenchResult, type LoadResult } from "../lib";

const TENANTS = Number(process.env.BENCH_RLS_TENANTS || 1000);
const POSTS_PER_TENANT = Number(process.env.BENCH_RLS_POSTS_PER_TENANT || 1000);
const PAGE = 50;
/** Each side is measured this many times, alternating which goes first; the medians are compared. */
const ROUNDS = Number(process.env.BENCH_RLS_ROUNDS || 3);

export async function rlsCost(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  // A signed-up owner gives us a real workspace and token; the other 999 workspaces are bulk-created.
  const setupServer = await startTestServer(db);
  const user = await signUp(setupServer, { workspaceName: "Bench Workspace" });
  await setupServer.close();

  const t0 = performance.now();
  await db.superPool.query(
    `insert into app_public.tenants (name, slug) select 'Bench ' || g, 'bench-' || g from generate_series(2, $1) g`,
    [TENANTS],
  );
  // Bulk load with triggers off (no per-row timestamps/publish events needed for bench data).
  const loader = await db.superPool.connect();
  try {
    await loader.query("set session_replication_role = replica");
    await loader.query(
      `insert into app_public.posts (tenant_id, title, body, status, created_at)
       select t.id, 'Post ' || g || ' of ' || t.slug, repeat('lorem ipsum ', 20), 'draft', now() - g * interval '1 minute'
         from app_public.tenants t cross join generate_series(1, $1) g`,
      [POSTS_PER_TENANT],
    );
    await loader.query("reset session_replication_role");
    // The GraphQL baseline: the same rows and indexes in a table without RLS.
    await loader.query(`
      create table app_public.bench_posts_plain as select id, tenant_id, title, body, status, created_at from app_public.posts;
      alter table app_public.bench_posts_plain add primary key (id);
      create index on app_public.bench_posts_plain (tenant_id, created_at, id);
      grant select on app_public.bench_posts_plain to app_user;
    `);
    await loader.query("vacuum analyze app_public.posts");
    await loader.query("vacuum analyze app_public.bench_posts_plain");
  } finally {
    loader.release();
  }
  const { rows: countRows } = await db.superPool.query("select count(*)::int as n, count(distinct tenant_id)::int as t from app_public.posts");
  console.error(`bench: rlsCost loaded ${countRows[0].n} posts in ${countRows[0].t} workspaces in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The user side gets exactly the server's settings (pgSettingsFor); the owner side the same claims without the
  // role switch (application_name stands in for it, so both set as many settings in one round trip); only RLS differs.
  const userSettings = pgSettingsFor(await identityOf(db, user.userId, user.tenantId));
  const { role: _role, ...claimSettings } = userSettings;
  const ownerSettings = { ...claimSettings, application_name: "bench" };
  const RLS_SQL = `select id, title, created_at from app_public.posts order by created_at, id limit ${PAGE}`;
  const OWNER_SQL = `select id, title, created_at from app_public.posts where tenant_id = $1 order by created_at, id limit ${PAGE}`;

  const rlsPool = new pg.Pool({ connectionString: db.urls.auth, max: env.connections });
  const ownerPool = new pg.Pool({ connectionString: db.urls.owner, max: env.connections });
  const asUser = async () => {
    const c = await rlsPool.connect();
    try {
      await c.query("begin");
      await applySettings(c, userSettings);
      const { rows } = await c.query(RLS_SQL);
      await c.query("commit");
      return rows;
    } finally {
      c.release();
    }
  };
  const asOwner = async () => {
    const c = await ownerPool.connect();
    try {
      await c.query("begin");
      await applySettings(c, ownerSettings);
      const { rows } = await c.query(OWNER_SQL, [user.tenantId]);
      await c.query("commit");
      return rows;
    } finally {
      c.release();
    }
  };

  const results: BenchResult[] = [];
  const server = await startTestServer(db); // after the plain table exists, so GraphQL exposes it
  try {
    // Same answer both ways, or the comparison means nothing.
    const [a, b] = [await asUser(), await asOwner()];
    if (a.length !== PAGE || JSON.stringify(a) !== JSON.stringify(b)) throw new Error("rlsCost: RLS and owner queries disagree");

    // EXPLAIN as the request role: the tenant index and the helpers as InitPlans.
    const c = await rlsPool.connect();
    let plan = "";
    try {
      await c.query("begin");
      await applySettings(c, userSettings);
      plan = (await c.query(`explain (analyze, costs off, timing off, summary off) ${RLS_SQL}`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      await c.query("rollback");
    } finally {
      c.release();
    }
    const out = path.join(__dirname, "..", "results", "rls-explain.txt");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${RLS_SQL}\n\n${plan}\n`);
    const initPlans = (plan.match(/InitPlan/g) ?? []).length;
    const usesIndex = /Index Scan using posts_tenant_id_idx/.test(plan);
    console.error(`bench: rlsCost EXPLAIN (as app_user):\n${plan}`);
    if (!usesIndex || initPlans === 0) throw new Error("rlsCost: the RLS plan does not use the tenant index with InitPlans; see rls-explain.txt");

    await closedLoop(env.connections, 1, asUser);
    await closedLoop(env.connections, 1, asOwner);
    const [rlsRate, ownerRate] = await alternate(ROUNDS, () => closedLoop(env.connections, env.durationSeconds, asUser), () => closedLoop(env.connections, env.durationSeconds, asOwner));
    results.push(
      ratioResult({
        scenario: `authz: SQL page of ${PAGE} from 1M posts / ${TENANTS} workspaces, RLS vs owner + explicit where`,
        metric: "queries/s",
        value: rlsRate,
        baselineName: "owner, where tenant_id = $1",
        baseline: ownerRate,
        higherIsBetter: true,
        goal: 0.95,
        notes: `plan: ${initPlans} InitPlans, posts_tenant_id_idx ${usesIndex ? "used" : "NOT used"}`,
      }),
    );

    const fields = "nodes { rowId title createdAt }";
    const rlsQuery = `{ posts(first: ${PAGE}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { ${fields} } }`;
    const plainQuery = `{ benchPostsPlains(condition: { tenantId: "${user.tenantId}" }, first: ${PAGE}, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { ${fields} } }`;
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const [gr, gp] = [await server.graphql(rlsQuery, {}, headers), await server.graphql(plainQuery, {}, headers)];
    if (gr.body.data?.posts?.nodes?.length !== PAGE || JSON.stringify(gr.body.data.posts.nodes) !== JSON.stringify(gp.body.data?.benchPostsPlains?.nodes)) {
      throw new Error(`rlsCost: GraphQL queries disagree: ${JSON.stringify(gr.body).slice(0, 300)} / ${JSON.stringify(gp.body).slice(0, 300)}`);
    }
    const post = (query: string) =>
      load({ url: `${server.url}/graphql`, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env });
    const runs: { rls: LoadResult[]; plain: LoadResult[] } = { rls: [], plain: [] };
    const [rlsRps, plainRps] = await alternate(
      ROUNDS,
      async () => (runs.rls.push(await post(rlsQuery)), runs.rls.at(-1)!.requestsPerSecond),
      async () => (runs.plain.push(await post(plainQuery)), runs.plain.at(-1)!.requestsPerSecond),
    );
    if ([...runs.rls, ...runs.plain].some((r) => r.non2xx || r.errors)) throw new Error("rlsCost: GraphQL bench requests failed");
    const gqlRls = { requestsPerSecond: rlsRps, p99Ms: median(runs.rls.map((r) => r.p99Ms)) };
    const gqlPlain = { requestsPerSecond: plainRps, p99Ms: median(runs.plain.map((r) => r.p99Ms)) };
    results.push(
      ratioResult({
        scenario: `authz: GraphQL posts page of ${PAGE} (RLS) vs same rows in a table without RLS + condition`,
        metric: "req/s",
        value: gqlRls.requestsPerSecond,
        baselineName: "no-RLS copy, condition: { tenantId }",
        baseline: gqlPlain.requestsPerSecond,
        higherIsBetter: true,
        goal: 0.95,
        notes: `p99 ${gqlRls.p99Ms} ms vs ${gqlPlain.p99Ms} ms`,
      }),
    );
  } finally {
    await server.close();
    await Promise.all([rlsPool.end(), ownerPool.end()]);
  }
  return results;
}
