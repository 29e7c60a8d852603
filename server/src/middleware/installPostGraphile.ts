import type { Server } from "node:http";
import type { Express } from "express";
import { postgraphile, type PostGraphileInstance } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import { getContext } from "../context";
import { makePreset } from "../graphile.config";

/** Mounts /graphql (and /graphiql in development). Releases PostGraphile and each pg service on shutdown. */
export default async function installPostGraphile(app: Express, server: Server): Promise<PostGraphileInstance> {
  const ctx = getContext(app);
  const preset = makePreset(ctx);
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await serv.addTo(app, server);
  ctx.shutdownActions.push(async () => {
    // Releases the grafserv instance too.
    await pgl.release();
    // Each pg service's own resources (its subscriber); the pools themselves are ended by installDatabasePools.
    for (const service of preset.pgServices ?? []) await service.release?.();
  });
  app.locals.pgl = pgl;
  return pgl;
}
