/**
 * The console (console/, React + Vite), served from its build in
 * console/dist: `npm start` builds it first when its sources are newer
 * (console/scripts/ensure-built.mjs), the Dockerfile at image build.
 *
 *  - /_console/<name>-<hash>.(js|css): the hashed assets, immutable for a year
 *    (a new build has new names), gzip-compressed at build time (the .gz
 *    beside each) for browsers that accept it; an unknown name falls
 *    through to the 404.
 *  - the console's own routes (console/src/routes.ts, exact paths only, so no
 *    catch-all can shadow /graphql, /auth, /svc or the email-link pages):
 *    index.html, `no-cache` so a new build is picked up on the next visit.
 *    GET / is the console only for browsers (Accept: text/html); API clients
 *    asking for JSON still get home()'s description of the server.
 *
 * The build has no inline script or style, so the server's strict CSP
 * applies unchanged. Without a build (a checkout that never ran `npm
 * start`), these routes fall through and GET / is the old home page.
 */
import fs from "node:fs";
import path from "node:path";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { CONSOLE_ASSET_PREFIX, CONSOLE_EMAIL_ROUTES, CONSOLE_ROUTES } from "../../../console/src/routes";
import { PAGE_CSP } from "./html";

export const CONSOLE_DIST = path.join(__dirname, "..", "..", "..", "console", "dist");

function readIndex(dist: string): Buffer | null {
  try {
    return fs.readFileSync(path.join(dist, "index.html"));
  } catch {
    return null;
  }
}

/**
 * `reread`: development reads index.html per request, so a rebuild shows on reload without a restart.
 * `emailPages` (EMAIL_LINK_PAGES=console): the console also answers the email links' paths, `no-store`.
 */
export function installConsole(app: Express, { reread, dist = CONSOLE_DIST, emailPages = false }: { reread: boolean; dist?: string; emailPages?: boolean }): void {
  const atStart = readIndex(dist);
  const index = reread ? () => readIndex(dist) : () => atStart;

  const assets = path.join(dist, CONSOLE_ASSET_PREFIX.slice(1));
  app.get(`${CONSOLE_ASSET_PREFIX}/:file`, (req: Request, res: Response, next: NextFunction) => {
    if (!/^[\w-]+\.(js|css)$/.test(req.params.file)) return next(); // only names a build makes: no path reaches the disk
    const gz = path.join(assets, `${req.params.file}.gz`);
    res.vary("accept-encoding");
    if (!req.acceptsEncodings("gzip") || !fs.existsSync(gz)) return next();
    res.set({
      "content-type": req.params.file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      "content-encoding": "gzip",
    });
    res.sendFile(gz, { immutable: true, maxAge: "1y" });
  });
  app.use(
    CONSOLE_ASSET_PREFIX,
    express.static(assets, { immutable: true, maxAge: "1y", index: false, redirect: false, dotfiles: "ignore" }),
  );

  const paths = Object.values(CONSOLE_ROUTES);
  app.get(paths, (req: Request, res: Response, next: NextFunction) => {
    const body = index();
    if (!body) return next();
    if (req.path === CONSOLE_ROUTES.home) {
      res.vary("accept");
      if (req.accepts(["html", "json"]) !== "html") return next();
    }
    res.set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "referrer-policy": "no-referrer" });
    if (!res.getHeader("content-security-policy")) res.set("content-security-policy", PAGE_CSP);
    res.send(body);
  });
  if (!emailPages) return;
  app.get(Object.values(CONSOLE_EMAIL_ROUTES), (_req: Request, res: Response, next: NextFunction) => {
    const body = index();
    if (!body) return next(); // no build: the minimal pages answer
    // Links carry tokens: never cached, never sent on as a referrer (docs/email-links.md).
    res.set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" });
    if (!res.getHeader("content-security-policy")) res.set("content-security-policy", PAGE_CSP);
    res.send(body);
  });
}
