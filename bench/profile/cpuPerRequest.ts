/**
 * `tsx bench/profile/cpuPerRequest.ts`: Node CPU time per GraphQL request (process.cpuUsage around a fixed
 * number of autocannon requests; the load generator is another process), for our server and bare
 * PostGraphile on the same database, alternating. CPU per request hardly moves when the machine is busy,
 * unlike req/s, so it shows what each layer costs where throughput figures drown in noise.
 * PROFILE_VARIANTS adds servers with other settings: `norl:RATE_LIMIT_ENABLED=false,nometrics:…`.
 */
import "../benchEnv";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { pgSettingsFor } from "../../core/tenancy";
import { signUp } from "../../test/helpers/auth";
import { identityOf } from "../../test/helpers/db";
import { startTestServer } from "../../test/helpers/server";
import { barePostGraphile } from "../barePostGraphile";
import { BENCH_LIST_QUERY, createBenchItems, median, startBenchEnv } from "../lib";

const run = promisify(execFile);
const AUTOCANNON = path.join(__dirname, "..", "..", "node_modules", ".bin", "autocannon");

/**
 * CPU time (µs) of the Postgres backends serving `database` (their process title names it), so other
 * Postgres instances on a shared machine (other people's test runs) are not counted.
 */
let database = "";
function postgresCpuTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (comm !== "postgres" || !fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(` ${database} `)) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(pid, Number(f[11]) + Number(f[12])); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/** µs of CPU the backends used between two snapshots; a backend that exited in between is not counted (an undercount, never negative). */
function postgresCpuSince(before: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, t] of postgresCpuTicks()) ticks += t - (before.get(pid) ?? 0);
  return (ticks * 1e6) / 100; // USER_HZ
}

async function cpuPer(url: string, body: string, headers: Record<string, string>, n: number): Promise<{ node: number; pg: number }> {
  const args = ["-j", "-c", "10", "-a", String(n), "-m", "POST", "-b", body, "-H", "content-type=application/json"];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  const before = process.cpuUsage();
  const pgBefore = postgresCpuTicks();
  const { stdout } = await run(AUTOCANNON, [...args, url], { maxBuffer: 1 << 26 });
  const used = process.cpuUsage(before);
  const pgUsed = postgresCpuSince(pgBefore);
  const r = JSON.parse(stdout) as { non2xx: number; errors: number };
  if (r.non2xx || r.errors) throw new Error(`requests failed at ${url}`);
  return { node: (used.user + used.system) / n, pg: pgUsed / n };
}

async function main() {
  const which = process.argv[2] ?? "list";
  const n = Number(process.env.PROFILE_REQUESTS || 2000);
  const env = await startBenchEnv();
  try {
    const db = await env.newDatabase();
    database = new URL(db.urls.auth).pathname.slice(1);
    await createBenchItems(db);
    const variants: Array<[string, Record<string, string>]> = [["ours", {}]];
    for (const v of (process.env.PROFILE_VARIANTS ?? "").split(",").filter(Boolean)) {
      const [name, ...kv] = v.split(":");
      variants.push([name, Object.fromEntries(kv.join(":").split(";").map((p) => p.split("=") as [string, string]))]);
    }
    const servers = await Promise.all(variants.map(async ([name, e]) => [name, await startTestServer(db, e)] as const));
    let query = BENCH_LIST_QUERY;
    let headers: Record<string, string> = {};
    let settings = pgSettingsFor(undefined);
    if (which === "nested") {
      const owner = await signUp(servers[0][1], { workspaceName: "CPU" });
      headers = { authorization: `Bearer ${owner.accessToken}` };
      settings = pgSettingsFor(await identityOf(db, owner.userId, owner.tenantId));
      await db.superPool.query(
        `with u as (insert into app_public.users (email, name) select 'm-' || g || '@bench.example', 'M ' || g from generate_series(1, 49) g returning id)
         insert into app_public.memberships (tenant_id, user_id, role) select $1, id, 'member' from u`,
        [owner.tenantId],
      );
      query = `{ currentTenant { name memberships(first: 50, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId role user { name email } } } } }`;
    } else if (which === "authList") {
      const owner = await signUp(servers[0][1], { workspaceName: "CPU" });
      headers = { authorization: `Bearer ${owner.accessToken}` };
      settings = pgSettingsFor(await identityOf(db, owner.userId, owner.tenantId));
      await db.superPool.query(
        `insert into app_public.posts (tenant_id, author_id, title, body, status) select $1, $2, 'Post ' || g, repeat('lorem ipsum ', 20), 'published' from generate_series(1, 200) g`,
        [owner.tenantId, owner.userId],
      );
      query = `{ posts(first: 50, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId title createdAt } } }`;
    }
    const bare = await barePostGraphile(db, settings);
    const sides: Array<[string, string]> = [...servers.map(([name, s]) => [name, `${s.url}/graphql`] as [string, string]), ["bare", bare.url]];
    // PROFILE_BARE_SETTINGS=1: bare PostGraphile again, with the settings our context() adds on top of the role's.
    const bareOurs = process.env.PROFILE_BARE_SETTINGS
      ? await barePostGraphile(db, {
          ...settings,
          "app.request_id": "0b5f8a59-3c3e-4d51-9a55-2a1c2b0f6e8d",
          "app.client_ip": "127.0.0.1",
          statement_timeout: "5000ms",
          "webhooks.allowed_hosts": "",
          "custom_domains.reserved": "",
          "workspaces.max_per_user": "10",
        })
      : undefined;
    if (bareOurs) sides.push(["bare+settings", bareOurs.url]);
    const body = JSON.stringify({ query });
    for (const [, url] of sides) await cpuPer(url, body, headers, 4000); // warm-up (JIT settles slowly)
    const us: Record<string, Array<{ node: number; pg: number }>> = Object.fromEntries(sides.map(([k]) => [k, []]));
    const rounds = Number(process.env.PROFILE_ROUNDS || 5);
    for (let round = 0; round < rounds; round++) for (const [name, url] of sides) us[name].push(await cpuPer(url, body, headers, n));
    const total = (xs: Array<{ node: number; pg: number }>) => median(xs.map((x) => x.node + x.pg));
    for (const [name, xs] of Object.entries(us)) {
      console.log(
        `${name.padEnd(12)} node ${median(xs.map((x) => x.node)).toFixed(0).padStart(5)} µs (rounds ${xs.map((x) => x.node.toFixed(0)).join(", ")}), postgres ${median(xs.map((x) => x.pg)).toFixed(0).padStart(5)} µs, ` +
          `total ${total(xs).toFixed(0)} µs CPU/request: ${(total(us.bare) / total(xs)).toFixed(2)}× bare`,
      );
    }
    await Promise.all([bare.close(), bareOurs?.close(), ...servers.map(([, s]) => s.close())]);
  } finally {
    await env.pg.destroy();
  }
}
void main();
