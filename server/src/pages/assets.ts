/**
 * The pages' scripts and stylesheet (server/src/pages/static), served under
 * /_pages/<build>/<file>. <build> is a hash of every file, so one HTML answer
 * and the modules it imports (relative imports keep the prefix) always come
 * from the same build and can be cached for a year; a request for another
 * build (an old page during a rolling deploy) gets today's file, revalidated.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";

export const ASSET_PREFIX = "/_pages";
const STATIC_DIR = path.join(__dirname, "static");
const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export interface Assets {
  build: string;
  url(file: string): string;
  get(file: string): Asset | undefined;
}

/** Reads the folder once (a few kilobytes); only names found here can ever be served, so no path reaches the disk. */
export function loadAssets(dir: string = STATIC_DIR): Assets {
  const files = new Map<string, Asset>();
  const all = createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(dir, name));
    const hash = createHash("sha256").update(body).digest("base64url");
    files.set(name, { body, type, etag: `"${hash.slice(0, 27)}"` });
    all.update(name).update("\0").update(hash);
  }
  const build = all.digest("hex").slice(0, 12);
  return {
    build,
    url: (file) => {
      if (!files.has(file)) throw new Error(`pages: no static file ${file}`);
      return `${ASSET_PREFIX}/${build}/${file}`;
    },
    get: (file) => files.get(file),
  };
}

/** GET /_pages/:build/:file. `current` is called per request so development can pick up edited files. */
export function serveAssets(current: () => Assets) {
  return (req: Request, res: Response, next: NextFunction) => {
    const assets = current();
    const asset = assets.get(req.params.file);
    if (!asset) return next();
    res.set({
      "content-type": asset.type,
      etag: asset.etag,
      "x-content-type-options": "nosniff",
      "cache-control": req.params.build === assets.build ? "public, max-age=31536000, immutable" : "no-cache",
    });
    if (req.fresh) return void res.status(304).end();
    res.send(asset.body);
  };
}
