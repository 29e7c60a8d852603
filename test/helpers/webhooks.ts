/**
 * Webhook test plumbing: a real local receiver (node:http) whose behaviour each
 * test sets, committed endpoints created the way GraphQL does (as the request
 * role, through create_webhook_endpoint), and a job loop that runs retries as
 * they fall due.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { VerifiedIdentity } from "../../core/tenancy";
import { becomeRequestRole, type TestDatabase } from "./db";
import { runJobs } from "./jobs";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  behaviour: Behaviour;
  close(): Promise<void>;
}

export const answer200: Behaviour = (_req, res) => res.end("ok");

export async function startReceiver(port = 0): Promise<Receiver> {
  const r = { received: [] as Received[], behaviour: answer200 } as Receiver;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      r.received.push({ path: req.url ?? "", headers: req.headers, body });
      r.behaviour(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/hook`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}

export interface Workspace {
  userId: string;
  tenantId: string;
  identity: VerifiedIdentity;
}

export async function newWorkspace(db: TestDatabase, label = "wh"): Promise<Workspace> {
  const email = `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const { rows } = await db.superPool.query("select user_id, tenant_id from app_private.register_user($1, 'Hook Owner', null, 'Hooks')", [email]);
  const { user_id: userId, tenant_id: tenantId } = rows[0];
  // Dispatch the sign-up's own events now, so endpoints created next see only what the test publishes.
  await runJobs(db);
  const claims = (await db.superPool.query("select permissions, services from app_private.token_claims($1, $2)", [userId, tenantId])).rows[0];
  return { userId, tenantId, identity: { role: "app_user", userId, tenantId, permissions: claims.permissions, services: claims.services } };
}

/** Runs SQL as the request role and commits (the worker must see the result). */
export async function asRoleCommitted<T>(db: TestDatabase, identity: VerifiedIdentity, fn: (c: import("pg").PoolClient) => Promise<T>, allowedHosts = "127.0.0.1"): Promise<T> {
  const c = await db.authPool.connect();
  try {
    await c.query("begin");
    await becomeRequestRole(c, identity);
    await c.query("select set_config('webhooks.allowed_hosts', $1, true)", [allowedHosts]);
    const out = await fn(c);
    await c.query("commit");
    return out;
  } catch (e) {
    await c.query("rollback");
    throw e;
  } finally {
    c.release();
  }
}

export async function createEndpoint(db: TestDatabase, ws: Workspace, url: string, eventTypes: string[] = [], allowedHosts = "127.0.0.1") {
  return asRoleCommitted(db, ws.identity, async (c) => {
    const { rows } = await c.query("select (r).webhook_endpoint.id as id, (r).secret as secret from app_public.create_webhook_endpoint($1, $2) r", [url, eventTypes]);
    return rows[0] as { id: string; secret: string };
  }, allowedHosts);
}

export async function publish(db: TestDatabase, tenantId: string | null, type: string, payload: Record<string, unknown>): Promise<string> {
  const { rows } = await db.ownerPool.query("select app_private.publish_event($1, $2, $3) as id", [tenantId, type, payload]);
  return rows[0].id;
}

/** Runs jobs repeatedly (retries fall due on the shortened schedule) until `done` holds or the deadline passes. */
export async function drain(db: TestDatabase, done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runJobs(db);
    if (await done()) return;
    if (Date.now() > deadline) throw new Error("drain: condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function deliveriesOf(db: TestDatabase, endpointId: string) {
  const { rows } = await db.ownerPool.query(
    "select id, event_id, status, attempt_count, last_status_code, last_error from app_public.webhook_deliveries where endpoint_id = $1 order by created_at, id",
    [endpointId],
  );
  return rows as Array<{ id: string; event_id: string; status: string; attempt_count: number; last_status_code: number | null; last_error: string | null }>;
}
