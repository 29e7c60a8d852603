/**
 * The engine under our GraphQL path, alone: PostGraphile v5 with the presets
 * server/src/graphile.config.ts uses (amber + simplify-inflection), on the
 * same database and the same kind of authenticator pool (core/db/pool, max
 * 20, as installDatabasePools makes it), the same role settings for the
 * request (pgSettingsFor of the same identity), Express 4 + grafserv's
 * Express adaptor, and nothing else: no middleware, no plugins of ours. The
 * difference between this side and our server is what our own layers cost.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/express/v4";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgPool } from "../core/db/pool";
import type { TestDatabase } from "../test/helpers/db";

export interface BareServer {
  /** The GraphQL endpoint (…/graphql). */
  url: string;
  close(): Promise<void>;
}

export async function barePostGraphile(db: Pick<TestDatabase, "urls">, pgSettings: Record<string, string>): Promise<BareServer> {
  const pool = makePgPool(db.urls.auth, "bare-auth");
  const ownerPool = makePgPool(db.urls.owner, "bare-owner");
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    pgServices: [makePgService({ pool, superuserPool: ownerPool, schemas: ["app_public"] })],
    grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false, websockets: false },
    grafast: { context: () => ({ pgSettings }) },
  };
  const app = express();
  const server = http.createServer(app);
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await serv.addTo(app, server, false);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await pgl.release();
      await Promise.allSettled([pool.end(), ownerPool.end()]);
    },
  };
}
