/**
 * Personal data export. POST /auth/account/export queues a worker job
 * (user__export_data) that builds a JSON archive of everything the platform
 * keeps about the user and emails a link, GET /auth/account/export/<token>,
 * which answers the archive as a download until the link expires.
 *
 * The request needs recent authentication, exactly as account deletion does
 * (the current password, and a TOTP or recovery code when MFA is on): an
 * archive of someone's whole account is worth as much to a thief as the
 * account. The link goes to the account's address, so a stolen access token
 * alone gets nothing. The state changes are app_private functions (one
 * pending export per user, the daily limit, the expiry), SQL in
 * db/migrations/committed/000014-storage-downloads-and-upload-slots-oidc-and-github-sign-in-d.sql (its `4-data-export.sql` section).
 *
 * Tokens are 64 lowercase hex characters because they travel in the path:
 * every /auth path is lower-cased before routing (http/requestPath.ts).
 */
import type { Response } from "express";
import { AppError } from "../../../../core/errors";
import { auditContext } from "../../audit/auditContext";
import { defineRoute, type AuthRoute } from "../route";
import { sha256 } from "../sessions";
import { checkRecentAuthentication, recentAuthBody } from "./recentAuth";

const TOKEN = /^[0-9a-f]{64}$/;

const requestExport = defineRoute({
  method: "post",
  path: "/auth/account/export",
  auth: "user",
  schema: recentAuthBody,
  async handler({ req, res, body, deps, identity }) {
    const userId = identity.userId!;
    await checkRecentAuthentication(deps, req, res, userId, body);
    const { requestId, ip } = auditContext(req);
    try {
      const { rows } = await deps.pool.query<{ export_id: string; export_requested_at: Date; is_new: boolean }>(
        "select * from app_private.request_data_export($1, $2, $3, $4)",
        [userId, deps.config.dataExport.maxPerDay, requestId, ip],
      );
      const [row] = rows;
      res.status(202);
      return {
        status: "export_pending",
        exportId: row.export_id,
        requestedAt: row.export_requested_at,
        alreadyPending: !row.is_new,
        message: row.is_new
          ? "We are preparing your data. You will get an email with a download link when it is ready."
          : "Your data export is already being prepared; you will get one email with a download link.",
      };
    } catch (e) {
      const err = e as { code?: string; detail?: string };
      if (err.code === "RATLM" && err.detail) res.setHeader("retry-after", err.detail);
      throw e;
    }
  },
});

function sendArchive(res: Response, archive: string, readyAt: Date): void {
  const body = Buffer.from(archive, "utf8");
  const day = readyAt.toISOString().slice(0, 10);
  res.status(200).set({
    "content-type": "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="logicspike-data-export-${day}.json"`,
    "content-length": String(body.length),
    // Personal data: never kept by a shared cache or the browser's.
    "cache-control": "no-store",
  });
  res.end(body);
}

/** GET /auth/account/export/<token>: no sign-in (the emailed link is the credential); DXUNK unknown, DXEXP expired. */
const downloadExport = defineRoute({
  method: "get",
  path: "/auth/account/export/:token",
  async handler({ req, res, deps }) {
    const token = String(req.params.token ?? "");
    if (!TOKEN.test(token)) throw new AppError("DXUNK", "This data export link is not valid. Use the link from your newest export email, or request a new export.");
    const { requestId, ip } = auditContext(req);
    const { rows } = await deps.pool.query<{ archive: string; ready_at: Date }>(
      "select archive, ready_at from app_private.data_export_download($1, $2, $3)",
      [sha256(token), requestId, ip],
    );
    sendArchive(res, rows[0].archive, rows[0].ready_at);
    return undefined;
  },
});

export const dataExportRoutes: AuthRoute[] = [requestExport, downloadExport] as AuthRoute[];
