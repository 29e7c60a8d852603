/**
 * schema.graphql and the generated SDK are committed; these fail when either
 * no longer matches what the database and sdk/operations produce.
 * Fix with: npm run schema:export && npm run codegen
 */
import fs from "node:fs";
import path from "node:path";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import type { PostGraphileInstance } from "postgraphile";
import { CATALOG_FILE, SERVICE_KIT_CATALOG_FILE, printedCatalog, printedSchema, SCHEMA_FILE } from "../server/src/cli/exportSchema";
import { useTestDatabase } from "./helpers/db";
import { startTestServer } from "./helpers/server";

const ROOT = path.join(__dirname, "..");
const getDb = useTestDatabase();

it("schema.graphql matches the schema built from the migrated database", async () => {
  const server = await startTestServer(getDb());
  try {
    const live = await printedSchema(server.srv.app.locals.pgl as PostGraphileInstance);
    expect({ file: "schema.graphql (run `npm run schema:export`)", content: fs.readFileSync(SCHEMA_FILE, "utf8") }).toEqual({
      file: "schema.graphql (run `npm run schema:export`)",
      content: live,
    });
  } finally {
    await server.close();
  }
});

it("sdk/catalog.ts and the service kit's copy list exactly the permission strings, event types and meters of the database catalog", async () => {
  const live = await printedCatalog(getDb().ownerPool);
  for (const [name, file] of [["sdk/catalog.ts", CATALOG_FILE], ["packages/service-kit/src/catalog.ts", SERVICE_KIT_CATALOG_FILE]]) {
    const hint = `${name} (run \`npm run schema:export\`)`;
    expect({ file: hint, content: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "" }).toEqual({ file: hint, content: live });
  }
  expect(live).toContain('"blog:posts.publish"');
  expect(live).toContain('"member.invited"');
  expect(live).toContain('"storage.bytes"');
});

it("sdk/generated matches codegen over schema.graphql and sdk/operations", async () => {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, "codegen.yml") });
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Array<{ filename: string; content: string }>;
  expect(outputs.length).toBeGreaterThan(0);
  for (const { filename, content } of outputs) {
    const file = path.isAbsolute(filename) ? filename : path.join(ROOT, filename);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "(missing)";
    expect({ file: path.relative(ROOT, file), stale: committed !== content }).toEqual({ file: path.relative(ROOT, file), stale: false });
  }
});
