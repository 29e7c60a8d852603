/**
 * `npm run bench`: every scenario in one go on a throwaway embedded Postgres;
 * prints a table of ratios against in-run baselines and writes
 * bench/results/latest.json. BENCH_DURATION (s) and BENCH_CONNECTIONS tune load;
 * BENCH_ONLY=name1,name2 runs a subset.
 */
import "./benchEnv"; // first: sets GRAPHILE_ENV before grafast loads
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { printTable, startBenchEnv, type BenchEnv, type BenchResult } from "./lib";
import { apiKeyVsJwt } from "./scenarios/apiKeyVsJwt";
import { coldStart } from "./scenarios/coldStart";
import { graphqlVsRawPg } from "./scenarios/graphqlVsRawPg";
import { identity } from "./scenarios/identity";
import { rateLimit } from "./scenarios/rateLimit";
import { nestedQuery } from "./scenarios/nestedQuery";
import { rlsCost } from "./scenarios/rlsCost";
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
  coldStart: () => coldStart(),
};

async function main() {
  const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
  const env = await startBenchEnv();
  const results: BenchResult[] = [];
  try {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      if (only && !only.includes(name)) continue;
      console.error(`bench: ${name}…`);
      results.push(...(await scenario(env)));
    }
  } finally {
    await env.pg.destroy();
  }
  printTable(results);
  const out = path.join(__dirname, "results", "latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
  console.error(`bench: results written to ${path.relative(process.cwd(), out)}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
