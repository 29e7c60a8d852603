/**
 * POST /storage/v1/files/:id/url — a download URL for one file, body `{ expiresIn?, download?, transform? }` (JSON,
 * optional). The file is looked up under the caller's request role, so RLS decides: a member needs
 * storage:files.read in the file's workspace, and a publishable `pk_` key sees only its own workspace's
 * public files (db/migrations/committed/000014-storage-downloads-and-upload-slots-oidc-and-github-sign-in-d.sql (its `2-storage-downloads.sql` section)). Another workspace's file, a private file
 * for a `pk_` key, a pending upload and a deleted file are all 404 NTFND.
 *
 * A private file gets a signed URL valid for expiresIn seconds (default 300, at most 7 days); a public
 * file gets its stable URL (expiresAt null). `path` is the same URL relative to this server.
 *
 * With `transform` ({ width?, height?, fit?, format?, quality? }, variants.ts) the URL is an image
 * variant's: for a private file signed over the transform too (RenderSigner), for a public file its
 * stable render URL with the transform snapped as the public path snaps it. The answer's `transform` is
 * what will be rendered. A file that is not a JPEG, PNG, WebP, AVIF or GIF image is 415 IMTYP.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { AppError } from "../../../core/errors";
import type { ServerContext } from "../context";
import { DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS, UUID, publicPath, publicRenderPath, type DownloadSigner, type RenderSigner } from "./downloadUrls";
import { asRequestRole } from "./requestTx";
import { canonicalQuery, checkSigned, INPUT_TYPES, parseTransform, snapPublic, type Transform } from "./variants";

export const downloadUrlBody = express.json({ limit: 1024 });

export function downloadUrl(ctx: ServerContext, signer: DownloadSigner, renderSigner: RenderSigner) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      res.set("Cache-Control", "no-store");
      const identity = req.auth;
      if (!identity) throw new AppError("LOGIN", "Sign in (or send an API key) to get a download URL.");
      const body = (req.body ?? {}) as { expiresIn?: unknown; download?: unknown; transform?: unknown };
      const expiresIn = body.expiresIn ?? DEFAULT_TTL_SECONDS;
      if (!Number.isInteger(expiresIn) || (expiresIn as number) < 1 || (expiresIn as number) > MAX_TTL_SECONDS) {
        throw new AppError("INVLD", `expiresIn is a whole number of seconds from 1 to ${MAX_TTL_SECONDS}.`);
      }
      if (body.download !== undefined && typeof body.download !== "boolean") throw new AppError("INVLD", "download is true or false.");
      // Checked before the lookup, like the other fields: bad parameters are IMARG whatever the file.
      let transform: Transform | undefined = body.transform === undefined ? undefined : parseTransform(body.transform);
      const id = req.params.id;
      const file = UUID.test(id)
        ? await asRequestRole(ctx.authPgPool, req, identity, async (c) =>
          (await c.query<{ tenant_id: string; visibility: string; content_type: string }>(
            "select tenant_id, visibility, content_type from app_public.files where id = $1 and status = 'ready'", [id])).rows[0])
        : undefined;
      if (!file) throw new AppError("NTFND", "There is no ready file with that id in this workspace.");
      if (transform && !INPUT_TYPES[file.content_type]) throw new AppError("IMTYP", "Only JPEG, PNG, WebP, AVIF and GIF images have image variants.");
      const suffix = body.download ? "download=1" : "";
      let path: string;
      let expiresAt: string | null = null;
      const maxDimension = ctx.config.storage.imageMaxDimension;
      if (transform && file.visibility === "public") {
        transform = snapPublic(transform, maxDimension);
        path = publicRenderPath(file.tenant_id, id, canonicalQuery(transform)) + (suffix ? `&${suffix}` : "");
      } else if (transform) {
        checkSigned(transform, maxDimension);
        const exp = Math.floor(Date.now() / 1000) + (expiresIn as number);
        path = renderSigner.signedPath(file.tenant_id, id, exp, canonicalQuery(transform)) + (suffix ? `&${suffix}` : "");
        expiresAt = new Date(exp * 1000).toISOString();
      } else if (file.visibility === "public") {
        path = publicPath(file.tenant_id, id) + (suffix ? `?${suffix}` : "");
      } else {
        const exp = Math.floor(Date.now() / 1000) + (expiresIn as number);
        path = signer.signedPath(file.tenant_id, id, exp) + (suffix ? `&${suffix}` : "");
        expiresAt = new Date(exp * 1000).toISOString();
      }
      res.json({
        url: `${ctx.config.publicUrl.replace(/\/$/, "")}${path}`, path, expiresAt, visibility: file.visibility, ...(transform ? { transform } : {}),
      });
    })().catch(next);
  };
}
