import type { Express } from "express";
import { getContext } from "../context";
import { ASSET_PREFIX, loadAssets, serveAssets, type Assets } from "./assets";
import { installConsole } from "./console";
import { devHome, home } from "./home";
import { layout, sendPage } from "./html";
import { PAGES } from "./pages";

/**
 * The console (console.ts: GET / for browsers, /team, /login…, /_console/*),
 * GET / for API clients, /dev (development: links to everything), and the
 * pages that links in our emails open (server/src/pages): with
 * the default APP_URL (this server) they must land somewhere that works.
 * GET only, on exact paths that no other installer uses, so nothing under
 * /graphql, /graphiql, /auth, /svc, /internal or /webhooks is shadowed; a
 * team with its own frontend points APP_URL there instead and implements
 * docs/email-links.md. Mounted after the gateway and before PostGraphile.
 *
 * Scripts and styles are files, never inline, for the strict CSP. Production
 * reads them once; development re-reads them per request, so an edited file
 * shows on reload.
 */
export default function installPages(app: Express): void {
  const { config } = getContext(app);
  const loaded = loadAssets();
  const assets: () => Assets = config.isDev ? () => loadAssets() : () => loaded;

  app.get(`${ASSET_PREFIX}/:build([0-9a-f]{12})/:file`, serveAssets(assets));
  installConsole(app, { reread: config.isDev, emailPages: config.emailLinkPages === "console" }); // before PAGES: it may answer their paths
  if (config.isDev) app.get("/dev", devHome(config, assets));
  app.get("/", home(config, assets));
  for (const page of PAGES) {
    // Rendered per request in development (edited files get a new build id), once otherwise.
    const rendered = layout(loaded, page);
    app.get(page.path, (_req, res) => sendPage(res, config.isDev ? layout(assets(), page) : rendered));
  }
}
