/**
 * Identity, each against the same work done bare (bench/sameWork.ts: bare
 * node:http, the same statements, the same argon2id verify and jose sign), in
 * the same run, alternating rounds:
 *  - login: POST /auth/login (autocannon) vs the same-work endpoint (goal ≥ 0.9×);
 *  - refresh: real rotations/s (each client chains the token it got back) vs
 *    the same-work endpoint on the same chains (goal ≥ 0.8×).
 * Reference figures (the goals of the previous issue, against bare CPU
 * primitives, which that figures showed cannot be met on shared
 * cores): login vs raw argon2id verifies/s, refresh vs jose RS256 signs/s,
 * and access-token verify with a jti-cache hit vs a full jose verify.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { verify as argon2Verify } from "@node-rs/argon2";
import { hashPassword } from "../../server/src/identity/passwords";
import type { AuthDeps } from "../../server/src/identity/sessions";
import { GOOD_PASSWORD, signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { closedLoop, compareSides, load, median, ratioResult, sidesRatio, type BenchEnv, type BenchResult, type LoadResult } from "../lib";
import { sameWorkIdentity } from "../sameWork";

const ROOT = path.join(__dirname, "..", "..");
const ROUNDS = Number(process.env.BENCH_IDENTITY_ROUNDS || 3);

/** The refresh client runs in its own process so its HTTP work does not share the server's event loop. */
async function refreshLoop(url: string, seconds: number, tokens: string[]): Promise<{ rate: number; tokens: string[] }> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "bench", "clients", "refreshLoop.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  // The same 1 s warm-up every other side of the bench gets (JIT, pool connections, prepared statements).
  child.stdin.end(JSON.stringify({ url, seconds, warmupSeconds: 1, tokens }));
  await new Promise((resolve) => child.once("exit", resolve));
  const result = JSON.parse(out) as { rate: number; errors: number; tokens: string[] };
  if (result.errors) throw new Error(`refresh bench: ${result.errors} refreshes failed at ${url}`);
  return result;
}

export async function identity(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const server = await startTestServer(db);
  const deps = server.srv.app.locals.authDeps as AuthDeps;
  const bare = await sameWorkIdentity(db, deps);
  const results: BenchResult[] = [];
  try {
    const user = await signUp(server);
    const loginBody = JSON.stringify({ email: user.email, password: GOOD_PASSWORD, tokenTransport: "body" });
    const login = (url: string) => (durationSeconds?: number) => load({ url, method: "POST", body: loginBody, headers: { "content-type": "application/json" }, env, durationSeconds });
    const logins = await compareSides(ROUNDS, [{ name: "ours", run: login(`${server.url}/auth/login`) }, { name: "bare", run: login(`${bare.url}/auth/login`) }], "identity login");
    results.push(sidesRatio(logins, "ours", "bare", { scenario: "identity: POST /auth/login vs the same work on bare node:http", baselineName: "same-work bare endpoint", goal: 0.9 }));

    const hash = await hashPassword(GOOD_PASSWORD);
    await closedLoop(env.connections, 1, () => argon2Verify(hash, GOOD_PASSWORD)); // warm-up
    const rawVerify = await closedLoop(env.connections, env.durationSeconds, () => argon2Verify(hash, GOOD_PASSWORD));
    results.push(
      ratioResult({ scenario: "identity: POST /auth/login vs raw argon2id verify (previous goal 0.85×)", metric: "req/s", value: logins.ours.rps, baselineName: "raw argon2id verify", baseline: rawVerify, higherIsBetter: true, reference: true }),
    );

    // Refresh: both sides rotate the same chains in turn (each round goes on from the tokens the last one returned).
    const sessions = await Promise.all(Array.from({ length: env.connections }, () => signUp(server)));
    let chains = sessions.map((s) => s.refreshToken);
    const refresh = (url: string) => async (seconds?: number): Promise<LoadResult> => {
      const r = await refreshLoop(url, seconds ?? env.durationSeconds, chains);
      chains = r.tokens;
      return { requestsPerSecond: r.rate, p99Ms: 0, errors: 0, non2xx: 0, timeouts: 0, total: Math.round(r.rate * (seconds ?? env.durationSeconds)) };
    };
    const refreshes = await compareSides(ROUNDS, [{ name: "ours", run: refresh(server.url) }, { name: "bare", run: refresh(bare.url) }], "identity refresh");
    results.push(
      sidesRatio(refreshes, "ours", "bare", { scenario: "identity: POST /auth/refresh (real rotations) vs the same work on bare node:http", baselineName: "same-work bare endpoint", goal: 0.8, notes: "rotations/s" }),
    );
    const claims = { sub: user.userId, tid: user.tenantId, role: "owner", perms: ["blog:posts.read"], svc: [], sid: null, amr: ["pwd"], aal: "aal1" as const };
    await closedLoop(env.connections, 1, () => deps.tokens.sign(claims));
    const signRate = await closedLoop(env.connections, env.durationSeconds, () => deps.tokens.sign(claims));
    results.push(
      ratioResult({ scenario: "identity: POST /auth/refresh vs jose RS256 sign (previous goal 0.5×)", metric: "rotations/s", value: refreshes.ours.rps, baselineName: "jose RS256 sign", baseline: signRate, higherIsBetter: true, reference: true }),
    );

    const N = 2000;
    const fresh = await Promise.all(Array.from({ length: N }, () => deps.tokens.sign(claims)));
    let t0 = performance.now();
    for (const t of fresh) await deps.tokens.verify(t);
    const verifyUs = ((performance.now() - t0) * 1000) / N;
    t0 = performance.now();
    for (const t of fresh) await deps.tokens.verify(t);
    const cachedUs = ((performance.now() - t0) * 1000) / N;
    results.push(
      ratioResult({ scenario: "identity: access-token verify, cache hit (exact token) vs full jose verify", metric: "µs/token", value: cachedUs, baselineName: "full RS256 verify", baseline: verifyUs, higherIsBetter: false, reference: true, notes: `median of ${N}: ${median([cachedUs]).toFixed(1)} µs` }),
    );
  } finally {
    await Promise.all([server.close(), bare.close()]);
  }
  return results;
}
