/**
 * Documentation that cannot drift: every environment variable the server,
 * worker or their shared base layer read is in the configuration table of
 * docs/configuration.md.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
/** Where our code lives; a folder that does not exist (yet, or any more) is skipped. */
const CODE_DIRS = ["core", "server/src", "functions/src"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

it("documents every environment variable the code reads in the docs/configuration.md table", () => {
  const dirs = CODE_DIRS.map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d));
  const read = new Set<string>();
  for (const file of dirs.flatMap(sourceFiles)) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)) read.add(m[1]);
  }
  expect(read.size).toBeGreaterThan(30);
  const doc = fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8");
  // First cell of each table row, e.g. "`JWT_ISSUER` / `JWT_AUDIENCE`".
  const firstCells = [...doc.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]);
  const tableRows = new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_<>]+)`/g)].map((m) => m[1])));
  const undocumented = [...read].filter((name) => !tableRows.has(name)).sort();
  expect(undocumented).toEqual([]);
});
