/**
 * Documentation that cannot drift: every environment variable the server,
 * worker or their libraries read is in the README's configuration table.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

it("documents every environment variable the code reads in the README configuration table", () => {
  const read = new Set<string>();
  for (const file of [...sourceFiles(path.join(ROOT, "server", "src")), ...sourceFiles(path.join(ROOT, "functions", "src"))]) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)) read.add(m[1]);
  }
  expect(read.size).toBeGreaterThan(30);
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  // First cell of each table row, e.g. "`JWT_ISSUER` / `JWT_AUDIENCE`".
  const firstCells = [...readme.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]);
  const tableRows = new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_<>]+)`/g)].map((m) => m[1])));
  const undocumented = [...read].filter((name) => !tableRows.has(name)).sort();
  expect(undocumented).toEqual([]);
});
