import type { Express, NextFunction, Request, Response } from "express";
import type { PoolClient } from "pg";
import { getContext } from "../context";
import { pgSettingsFor } from "../../../core/tenancy";
import { AppError } from "../../../core/errors";

/**
 * GET /audit/export.csv?from=&to= — the caller's workspace audit log as CSV,
 * oldest first, streamed in keyset pages. It runs on the authenticator pool
 * under the caller's own request role and claims (pgSettingsFor, like
 * GraphQL), in one REPEATABLE READ transaction: RLS (`audit:read`, active
 * workspace) decides which rows exist, never this code, and the export is a
 * consistent snapshot. `from` is inclusive, `to` exclusive (ISO 8601).
 */
const COLUMNS = ["seq", "occurred_at", "action", "event", "table_name", "record_id", "actor_user_id", "actor_api_key_id", "request_id", "ip", "diff", "prev_hash", "hash"] as const;
const PAGE = 1000;

/** RFC 4180 quoting, plus a leading ' on cells a spreadsheet would run as a formula (=, +, -, @). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function timeParam(req: Request, name: string): string | null {
  const raw = req.query[name];
  if (raw === undefined || raw === "") return null;
  if (typeof raw !== "string" || raw.length > 64 || Number.isNaN(Date.parse(raw))) {
    throw new AppError("INVLD", `${name} must be an ISO 8601 date or date-time, e.g. 2025-01-31T00:00:00Z.`);
  }
  return new Date(raw).toISOString();
}

const write = (res: Response, chunk: string) =>
  res.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => res.once("drain", resolve));

export default function installAudit(app: Express): void {
  const ctx = getContext(app);
  app.get("/audit/export.csv", (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const identity = req.auth;
      if (!identity) throw new AppError("LOGIN", "Sign in to export the audit log (send a Bearer access token).");
      if (!identity.tenantId || !identity.permissions.includes("audit:read")) {
        throw new AppError("DNIED", "You need the audit:read permission in this workspace to export its audit log.");
      }
      const from = timeParam(req, "from");
      const to = timeParam(req, "to");
      const client: PoolClient = await ctx.authPgPool.connect();
      let aborted = false;
      res.once("close", () => (aborted = !res.writableFinished));
      try {
        await client.query("begin isolation level repeatable read read only");
        await client.query("select set_config(k, v, true) from json_each_text($1::json) as s(k, v)", [
          JSON.stringify(pgSettingsFor(identity, req.id, req.ip)),
        ]);
        res.status(200);
        res.set({
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="audit-${identity.tenantId}.csv"`,
          "cache-control": "no-store",
        });
        await write(res, `${COLUMNS.join(",")}\r\n`);
        let after = 0;
        while (!aborted) {
          const { rows } = await client.query<Record<(typeof COLUMNS)[number], unknown>>(
            `select seq, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at, action, event,
                    table_name, record_id, actor_user_id, actor_api_key_id, request_id, host(ip) as ip, diff,
                    encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash
               from app_public.audit_log
              where tenant_id = app_hidden.current_tenant_id() and seq > $1
                and ($2::timestamptz is null or occurred_at >= $2) and ($3::timestamptz is null or occurred_at < $3)
              order by seq limit ${PAGE}`,
            [after, from, to],
          );
          if (rows.length === 0) break;
          await write(res, rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(",") + "\r\n").join(""));
          after = Number(rows[rows.length - 1].seq);
          if (rows.length < PAGE) break;
        }
        await client.query("commit");
        res.end();
      } catch (e) {
        await client.query("rollback").catch(() => {});
        if (!res.headersSent) throw e;
        req.log.error({ err: e }, "audit export failed mid-stream");
        res.destroy();
      } finally {
        client.release();
      }
    })().catch(next);
  });
}
