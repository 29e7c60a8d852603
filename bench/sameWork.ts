/**
 * The identity scenarios' baselines: bare node:http endpoints that do the same
 * work as our routes and nothing else, so the ratio is what our HTTP layer,
 * validation, rate limiting and error handling cost on top:
 *  - login: read the JSON body; `app_private.login_lookup` (the same
 *    statement); the same argon2id verify (server/src/identity/passwords.ts);
 *    `app_private.sign_in` with the same arguments as server/src/identity/
 *    sessions.ts (keep them in step), which creates the refresh family and
 *    writes the `auth.login` audit row in one transaction (one statement); the
 *    same jose RS256 sign (the server's own TokenService);
 *  - refresh: the same successor derivation, the same
 *    `app_private.rotate_refresh_token` statement, the same sign.
 * Owner pool of the same size as the server's (core/db/pool, max 20).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makePgPool } from "../core/db/pool";
import { verifyPassword } from "../server/src/identity/passwords";
import { refreshSuccessor } from "../server/src/identity/keys";
import { randomToken, sha256, type AuthDeps } from "../server/src/identity/sessions";
import type { TestDatabase } from "../test/helpers/db";

export interface SameWorkServer {
  url: string;
  close(): Promise<void>;
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
}

export async function sameWorkIdentity(db: Pick<TestDatabase, "urls">, deps: AuthDeps): Promise<SameWorkServer> {
  const pool = makePgPool(db.urls.owner, "same-work");
  const { config, tokens } = deps;
  const sign = (userId: string, sid: string, row: { tenant_id: string | null; role: string | null; permissions: string[]; services: string[] }, amr: string[], aal: "aal1" | "aal2") =>
    tokens.sign({ sub: userId, tid: row.tenant_id, role: row.role, perms: row.permissions, svc: row.services, sid, amr, aal });

  let reported: unknown;
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readJson(req);
      let answer: Record<string, unknown>;
      if (req.url === "/auth/login") {
        const key = `email:${body.email.toLowerCase()}`;
        const { rows } = await pool.query({ name: "auth.login_lookup", text: "select * from app_private.login_lookup($1, $2)", values: [body.email, key] });
        if (!(await verifyPassword(rows[0].password_hash, body.password)) || !rows[0].user_id) throw new Error("bad credentials");
        const refreshToken = randomToken();
        const s = await pool.query({
          name: "auth.sign_in",
          text: "select * from app_private.sign_in($1, $2, $3, $4, $5, make_interval(secs => $6), $7, $8, $9)",
          values: [rows[0].user_id, null, sha256(refreshToken), ["pwd"], "aal1", config.refresh.absoluteTtlSeconds, null, "127.0.0.1", req.headers["user-agent"]?.slice(0, 512) ?? null],
        });
        answer = { accessToken: await sign(rows[0].user_id, s.rows[0].family_id, s.rows[0], ["pwd"], "aal1"), refreshToken };
      } else {
        const successor = refreshSuccessor(tokens.keys.refreshSecret, body.refreshToken);
        const { rows } = await pool.query({
          name: "auth.rotate_refresh_token",
          text: "select * from app_private.rotate_refresh_token($1, $2, make_interval(secs => $3), make_interval(secs => $4))",
          values: [sha256(body.refreshToken), sha256(successor), config.refresh.graceSeconds, config.refresh.idleTtlSeconds],
        });
        const r = rows[0];
        if (r.outcome !== "rotated" && r.outcome !== "grace") throw new Error(`refresh ${r.outcome}`);
        answer = { accessToken: await sign(r.user_id, r.family_id, r, r.amr ?? [], r.aal ?? "aal1"), refreshToken: successor };
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer));
    } catch (e) {
      if (!reported) console.error("bench: same-work endpoint failed:", (reported = e));
      res.statusCode = 400;
      res.end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await pool.end();
    },
  };
}
