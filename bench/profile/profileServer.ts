/**
 * `npm run bench:profile -- [list|nested|authList]`: our server (or, with PROFILE_SIDE=bare, bare
 * PostGraphile) under autocannon load, profiled by V8's CPU profiler (what `node --cpu-prof` runs, started
 * through node:inspector so the profile covers the loaded window only, not start-up and schema build).
 * autocannon runs in its own process, so the profile is the request path, not the load generator. Writes
 * the .cpuprofile to bench/results/profiles/ and prints the top self-time costs (bench/profile/summarise.ts).
 */
import "../benchEnv";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { pgSettingsFor } from "../../core/tenancy";
import { signUp } from "../../test/helpers/auth";
import { identityOf } from "../../test/helpers/db";
import { startTestServer } from "../../test/helpers/server";
import { barePostGraphile } from "../barePostGraphile";
import { summarise } from "./summarise";
import { BENCH_LIST_QUERY, createBenchItems, load, startBenchEnv } from "../lib";

const OUT = path.join(__dirname, "..", "results", "profiles");

async function main() {
  const which = process.argv[2] ?? "list";
  const side = process.env.PROFILE_SIDE ?? "ours";
  const env = await startBenchEnv();
  try {
    const db = await env.newDatabase();
    await createBenchItems(db);
    // PROFILE_ENV="RATE_LIMIT_ENABLED=false;…" profiles our server with other settings.
    const server = await startTestServer(db, Object.fromEntries((process.env.PROFILE_ENV ?? "").split(";").filter(Boolean).map((kv) => kv.split("=") as [string, string])));
    let query = BENCH_LIST_QUERY;
    let headers: Record<string, string> = {};
    let settings = pgSettingsFor(undefined);
    if (which !== "list") {
      const owner = await signUp(server, { workspaceName: "Profile" });
      headers = { authorization: `Bearer ${owner.accessToken}` };
      settings = pgSettingsFor(await identityOf(db, owner.userId, owner.tenantId));
      if (which === "nested") {
        await db.superPool.query(
          `with u as (insert into app_public.users (email, name) select 'm-' || g || '@bench.example', 'M ' || g from generate_series(1, 49) g returning id)
           insert into app_public.memberships (tenant_id, user_id, role) select $1, id, 'member' from u`,
          [owner.tenantId],
        );
        query = `{ currentTenant { name memberships(first: 50, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId role user { name email } } } } }`;
      } else {
        await db.superPool.query(
          `insert into app_public.posts (tenant_id, author_id, title, body, status) select $1, $2, 'Post ' || g, repeat('lorem ipsum ', 20), 'published' from generate_series(1, 200) g`,
          [owner.tenantId, owner.userId],
        );
        query = `{ posts(first: 50, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId title createdAt } } }`;
      }
    }
    const bare = side === "bare" ? await barePostGraphile(db, settings) : undefined;
    const url = bare ? bare.url : `${server.url}/graphql`;
    // Unprofiled warm-up (JIT, plan caches), then the profiled window.
    await load({ url, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env, durationSeconds: 3 });
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    const r = await load({ url, method: "POST", body: JSON.stringify({ query }), headers: { "content-type": "application/json", ...headers }, env, durationSeconds: Number(process.env.PROFILE_SECONDS || 10) });
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `${side}-${which}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(summarise(file, Number(process.env.PROFILE_TOP || 30), r.total));
    console.error(`profile: ${side} ${which}: ${r.requestsPerSecond.toFixed(0)} req/s, ${r.non2xx} non-2xx, ${r.errors} errors`);
    await bare?.close();
    await server.close();
  } finally {
    await env.pg.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
