/**
 * `tsx bench/profile/countQueries.ts`: how many Postgres queries (and which) one anonymous GraphQL list
 * request costs on our server and on bare PostGraphile: pg.Client#query is counted for 100 requests each.
 */
import "../benchEnv";
import pg from "pg";
import { pgSettingsFor } from "../../core/tenancy";
import { startTestServer } from "../../test/helpers/server";
import { barePostGraphile } from "../barePostGraphile";
import { BENCH_LIST_QUERY, createBenchItems, startBenchEnv } from "../lib";

async function main() {
  const env = await startBenchEnv();
  const counts = new Map<string, number>();
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const a = args[0] as string | { text?: string; name?: string };
    const text = typeof a === "string" ? a : (a?.text ?? a?.name ?? "?");
    const key = text.replace(/\s+/g, " ").slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return (query as (...x: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    const db = await env.newDatabase();
    await createBenchItems(db);
    const server = await startTestServer(db);
    const bare = await barePostGraphile(db, pgSettingsFor(undefined));
    const body = JSON.stringify({ query: BENCH_LIST_QUERY });
    for (const [name, url] of [["ours", `${server.url}/graphql`], ["bare", bare.url]]) {
      for (let i = 0; i < 5; i++) await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
      counts.clear();
      for (let i = 0; i < 100; i++) await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
      console.log(`${name}: queries per request`);
      for (const [k, v] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${(v / 100).toFixed(2)}  ${k}`);
    }
    await bare.close();
    await server.close();
  } finally {
    await env.pg.destroy();
  }
}
void main();
