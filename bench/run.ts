/**
 * `npm run bench`: every scenario in one go on a throwaway embedded Postgres;
 * prints a table of ratios against in-run baselines and writes
 * bench/results/latest.json and a chart of every ratio against its goal,
 * bench/results/latest.svg. BENCH_DURATION (s) and BENCH_CONNECTIONS tune load;
 * BENCH_ONLY=name1,name2 (or `npm run bench -- name1 name2`) runs a subset.
 */
import "./benchEnv"; // first: sets GRAPHILE_ENV before grafast loads
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chartSvg } from "./chart";
import { printTable, startBenchEnv, type BenchEnv, type BenchResult } from "./lib";
import { apiKeyVsJwt } from "./scenarios/apiKeyVsJwt";
import { coldStart } from "./scenarios/coldStart";
import { graphqlVsRawPg } from "./scenarios/graphqlVsRawPg";
import { identity } from "./scenarios/identity";
import { limiterStores } from "./scenarios/limiterStores";
import { metering } from "./scenarios/metering";
import { rateLimit } from "./scenarios/rateLimit";
import { nestedQuery } from "./scenarios/nestedQuery";
import { pgbouncer } from "./scenarios/pgbouncer";
import { rlsCost } from "./scenarios/rlsCost";
import { storageTransfer } from "./scenarios/storageTransfer";
import { webhookDelivery } from "./scenarios/webhookDelivery";
import { walletDebits } from "./scenarios/walletDebits";

const SCENARIOS: Record<string, (env: BenchEnv) => Promise<BenchResult[]>> = {
  graphqlVsRawPg,
  identity,
  rlsCost,
  nestedQuery,
  apiKeyVsJwt,
  rateLimit,
  webhookDelivery,
  walletDebits,
  pgbouncer,
  limiterStores,
  metering,
  storageTransfer,
  coldStart: () => coldStart(),
};

async function main() {
  const named = [...(process.env.BENCH_ONLY?.split(",") ?? []), ...process.argv.slice(2)].filter(Boolean);
  const only = named.length ? named : undefined;
  const unknown = named.filter((n) => !(n in SCENARIOS));
  if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(", ")}; known: ${Object.keys(SCENARIOS).join(", ")}`);
  const env = await startBenchEnv();
  const results: BenchResult[] = [];
  const failed: Array<{ scenario: string; error: string }> = [];
  try {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      if (only && !only.includes(name)) continue;
      console.error(`bench: ${name}…`);
      // One broken scenario is reported and fails the run, but does not lose the others' figures.
      try {
        results.push(...(await scenario(env)));
      } catch (err) {
        console.error(`bench: ${name} FAILED:`, err);
        failed.push({ scenario: name, error: err instanceof Error ? err.message : String(err) });
      }
    }
  } finally {
    await env.pg.destroy();
  }
  printTable(results);
  const out = path.join(__dirname, "results", "latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine, results, failed }, null, 2));
  const svg = path.join(__dirname, "results", "latest.svg");
  fs.writeFileSync(svg, chartSvg(results, `npm run bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${machine.cpus} CPUs, Node ${machine.node}`));
  console.error(`bench: results written to ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), svg)}`);
  if (failed.length) console.error(`bench: ${failed.length} scenario(s) failed: ${failed.map((f) => f.scenario).join(", ")}`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
