/**
 * What installers share. Each installer adds its part and registers its own
 * shutdown action; `getContext(app)` is the typed way to read it back.
 */
import type { Express } from "express";
import type { Pool } from "pg";
import type { Config } from "../../core/config";
import type { DatabaseUrls } from "../../core/db/urls";
import type { DatabaseHealth } from "../../core/db/health";
import type { Metrics } from "./http/installMetrics";

export interface ServerContext {
  config: Config;
  urls: DatabaseUrls;
  /** Owner pool: trusted server-side work outside request transactions (never for request data). */
  rootPgPool: Pool;
  /** Authenticator pool: every request's transaction runs here under a request role. */
  authPgPool: Pool;
  health: DatabaseHealth;
  /** Prometheus registry and the counters other installers feed (set by installMetrics). */
  metrics?: Metrics;
  /** Run in reverse order of registration on shutdown. */
  shutdownActions: Array<() => Promise<void> | void>;
  /**
   * Run when shutdown starts, before waiting for connections to end: long-lived connections that are never
   * HTTP-idle (WebSockets) close here, or the server would wait for them until the shutdown timeout and beyond.
   */
  drainActions?: Array<() => void>;
}

export function getContext(app: Express): ServerContext {
  const ctx = app.locals.ctx as ServerContext | undefined;
  if (!ctx) throw new Error("Server context requested before installDatabasePools ran");
  return ctx;
}
