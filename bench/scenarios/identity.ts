/**
 * Identity:
 *  - login throughput (POST /auth/login over HTTP, autocannon) vs raw argon2id
 *    verifications/s at the same concurrency (goal >= 0.85x);
 *  - refresh rotations/s (each client chains its returned token, so every
 *    request is a real rotation) vs jose RS256 signs/s (goal >= 0.5x);
 *  - access-token verification: full jose verify vs a jti-cache hit.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { verify as argon2Verify } from "@node-rs/argon2";
import { hashPassword } from "../../server/src/identity/passwords";
import type { AuthDeps } from "../../server/src/identity/sessions";
import { GOOD_PASSWORD, signUp } from "../../test/helpers/auth";
import { startTestServer } from "../../test/helpers/server";
import { closedLoop, load, ratioResult, type BenchEnv, type BenchResult } from "../lib";

const ROOT = path.join(__dirname, "..", "..");

/** The refresh client runs in its own process so its HTTP work does not share the server's event loop. */
async function refreshLoop(url: string, seconds: number, tokens: string[]): Promise<number> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "bench", "clients", "refreshLoop.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d));
  // The same 1 s warm-up every other side of the bench gets (JIT, pool connections, prepared statements).
  child.stdin.end(JSON.stringify({ url, seconds, warmupSeconds: 1, tokens }));
  await new Promise((resolve) => child.once("exit", resolve));
  const { rate, errors } = JSON.parse(out) as { rate: number; errors: number };
  if (errors) throw new Error(`refresh bench: ${errors} refreshes failed`);
  return rate;
}

export async function identity(env: BenchEnv): Promise<BenchResult[]> {
  const db = await env.newDatabase();
  const server = await startTestServer(db);
  const results: BenchResult[] = [];
  try {
    const user = await signUp(server);
    const hash = await hashPassword(GOOD_PASSWORD);
    await closedLoop(env.connections, 1, () => argon2Verify(hash, GOOD_PASSWORD)); // warm-up
    const rawVerify = await closedLoop(env.connections, env.durationSeconds, () => argon2Verify(hash, GOOD_PASSWORD));
    const loginLoad = await load({
      url: `${server.url}/auth/login`,
      method: "POST",
      body: JSON.stringify({ email: user.email, password: GOOD_PASSWORD, tokenTransport: "body" }),
      headers: { "content-type": "application/json" },
      env,
    });
    if (loginLoad.non2xx || loginLoad.errors) throw new Error(`login bench had ${loginLoad.non2xx} non-2xx responses`);
    results.push(
      ratioResult({ scenario: "identity: POST /auth/login", metric: "req/s", value: loginLoad.requestsPerSecond, baselineName: "raw argon2id verify", baseline: rawVerify, higherIsBetter: true, goal: 0.85 }),
    );

    const deps = server.srv.app.locals.authDeps as AuthDeps;
    const sessions = await Promise.all(Array.from({ length: env.connections }, () => signUp(server)));
    const tokens = sessions.map((s) => s.refreshToken);
    const claims = { sub: user.userId, tid: user.tenantId, role: "owner", perms: ["blog:posts.read"], svc: [], sid: null, amr: ["pwd"], aal: "aal1" as const };
    await closedLoop(env.connections, 1, () => deps.tokens.sign(claims));
    const signRate = await closedLoop(env.connections, env.durationSeconds, () => deps.tokens.sign(claims));
    const refreshRate = await refreshLoop(server.url, env.durationSeconds, tokens);
    results.push(
      ratioResult({ scenario: "identity: POST /auth/refresh (real rotations)", metric: "rotations/s", value: refreshRate, baselineName: "jose RS256 sign", baseline: signRate, higherIsBetter: true, goal: 0.5 }),
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
      ratioResult({ scenario: "identity: access-token verify, jti cache hit vs full jose verify", metric: "µs/token", value: cachedUs, baselineName: "full RS256 verify", baseline: verifyUs, higherIsBetter: false }),
    );
  } finally {
    await server.close();
  }
  return results;
}
