/**
 * `npm run schema:export`: writes the GraphQL schema PostGraphile builds from
 * the migrated database to schema.graphql (committed; the SDK is generated
 * from it and a test fails when it is stale).
 */
import "../lib/graphileEnv";
import fs from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "postgraphile/graphql";
import type { PostGraphileInstance } from "postgraphile";
import { makeServer } from "../app";
import { loadConfig } from "../config";
import { prepareDatabase } from "../db/prepare";
import { logger } from "../lib/logger";

export const SCHEMA_FILE = path.join(__dirname, "..", "..", "..", "schema.graphql");

export async function printedSchema(pgl: PostGraphileInstance): Promise<string> {
  return printSchema(lexicographicSortSchema(await pgl.getSchema())) + "\n";
}

async function main() {
  const config = { ...loadConfig(), seedOnStart: false };
  const db = await prepareDatabase(config);
  const srv = await makeServer(config, db.urls);
  try {
    fs.writeFileSync(SCHEMA_FILE, await printedSchema(srv.app.locals.pgl as PostGraphileInstance));
    logger.info(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  } finally {
    await srv.close();
    await db.embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    logger.fatal({ err }, "schema export failed");
    process.exit(1);
  });
}
