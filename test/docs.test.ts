/**
 * Documentation that cannot drift: docs/configuration.md is what the declarations in core/config.ts generate
 * (`npm run docs:config`), and every environment variable the server, worker or their shared base layer read
 * is declared there, the ones read outside loadConfig (core/logger.ts, graphileEnv.ts, libraries) included.
 */
import fs from "node:fs";
import path from "node:path";
import { SECTIONS } from "../core/config";
import { settingsOf } from "../core/config/declare";
import { renderConfigurationDoc } from "../core/config/docs";

const ROOT = path.join(__dirname, "..");
/** Where our code lives; a folder that does not exist (yet, or any more) is skipped. */
const CODE_DIRS = ["core", "server/src", "functions/src"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every variable name core/config.ts declares: settings, their families (GATEWAY_ROUTE_<NAME>), and those read elsewhere. */
const declared = SECTIONS.flatMap((s) => [
  ...settingsOf(s.settings).flatMap((setting) => [setting.name, ...(setting.family ? [setting.family.name] : [])]),
  ...s.readElsewhere.map((e) => e.name),
]);

it("docs/configuration.md is what core/config.ts's declarations generate", () => {
  const committed = fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8").split("\n");
  const generated = renderConfigurationDoc().split("\n");
  const lines = Array.from({ length: Math.max(committed.length, generated.length) }, (_, i) => i);
  const at = lines.find((i) => committed[i] !== generated[i]);
  expect(
    at === undefined ? "up to date" : `stale from line ${at + 1} (${JSON.stringify(committed[at])}, generated ${JSON.stringify(generated[at])}): run \`npm run docs:config\``,
  ).toBe("up to date");
});

it("declares each environment variable once", () => {
  expect(declared.filter((name, i) => declared.indexOf(name) !== i)).toEqual([]);
});

it("declares in core/config.ts every environment variable the code reads", () => {
  const dirs = CODE_DIRS.map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d));
  const read = new Set<string>();
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\benv(?:\.([A-Z][A-Z0-9_]{2,})\b|\[["'`]([A-Z][A-Z0-9_]{2,})["'`]\])/g)) read.add(m[1] ?? m[2]);
  }
  // Besides loadConfig's own reads (by name, from the declarations): the logger's, before the config exists, and GRAPHILE_ENV.
  expect([...read]).toEqual(expect.arrayContaining(["LOG_LEVEL", "LOG_FORMAT", "GRAPHILE_ENV"]));
  expect([...read].filter((name) => !declared.includes(name)).sort()).toEqual([]);
});
