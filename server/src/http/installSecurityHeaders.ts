import type { Express, NextFunction, Request, Response } from "express";
import helmet from "helmet";
import type { Config } from "../../../core/config";

/**
 * Security headers on every response, from `helmet`: `X-Content-Type-Options:
 * nosniff`, `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'` (nothing
 * of ours may be framed), `Referrer-Policy: no-referrer` (email-link pages
 * carry tokens in the URL), HSTS for a year in production only (a development
 * server on http://127.0.0.1 must stay reachable), and a Content-Security-
 * Policy that allows only our own origin: no inline scripts, no third-party
 * hosts, no plugins; with `upgrade-insecure-requests` in production when
 * PUBLIC_URL is https.
 *
 * GraphiQL (Ruru, development only) ships inline bootstrap scripts and
 * styles and runs Monaco in module workers, so /graphiql and its static files
 * get the same policy plus 'unsafe-inline' for scripts and styles, `blob:`
 * workers and WebSocket connections to ourselves. Nothing else is relaxed.
 *
 * Every header here is static (no nonces), so helmet runs once per policy at
 * start-up, on a recording response, and each request only copies the list it
 * produced (bench/README.md: helmet's dozen chained middlewares were a
 * measurable share of every GraphQL request).
 */
const GRAPHIQL_PATHS = /^\/(graphiql|ruru-static)(\/|$)/;

const BASE_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
};

type HeaderList = ReadonlyArray<readonly [string, string]>;

/** The headers `helmet(...)` sets, recorded once; throws if helmet ever stops finishing synchronously. */
function recordHeaders(middleware: ReturnType<typeof helmet>): HeaderList {
  const headers: Array<[string, string]> = [];
  const recorder = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => {} };
  let done = false;
  middleware({} as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error("helmet did not finish synchronously; its headers cannot be precomputed");
  return headers;
}

function headersFor(config: Config, directives: Record<string, string[]>): HeaderList {
  const production = config.env === "production";
  // Only where we are served over https: on a plain-http deployment (a LAN address) it would break our own pages.
  const upgrade = production && config.publicUrl.startsWith("https:");
  return recordHeaders(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: upgrade ? { ...directives, "upgrade-insecure-requests": [] } : directives,
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: production ? { maxAge: 365 * 86400, includeSubDomains: true } : false,
    xPoweredBy: false,
  }));
}

/** Takes the config itself: it runs before installDatabasePools creates the context. */
export default function installSecurityHeaders(app: Express, config: Config): void {
  const strict = headersFor(config, BASE_DIRECTIVES);
  const graphiql = headersFor(config, {
    ...BASE_DIRECTIVES,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'", "ws:", "wss:"],
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of GRAPHIQL_PATHS.test(req.path) ? graphiql : strict) res.setHeader(name, value);
    next();
  });
}
