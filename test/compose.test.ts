/**
 * The compose stack cannot be started here (no Docker engine), so check what
 * can be checked: the file is valid for docker-compose, and every command the
 * Dockerfile and compose services run is an npm script the README documents.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

function which(bin: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** `["npm", "run", "x"]` / `["npm", "start"]` -> script names. */
function npmScripts(text: string): string[] {
  return [...text.matchAll(/\[\s*"npm",\s*"(?:run",\s*")?([\w:-]+)"/g)].map((m) => m[1]);
}

const compose = which("docker-compose");
(compose ? it : it.skip)("docker-compose.yml is valid (docker-compose config)", () => {
  const out = execFileSync(compose!, ["-f", "docker-compose.yml", "config", "-q"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
  expect(out).toBe("");
});
if (!compose) console.warn("docker-compose is not installed (Debian package docker-compose): compose validation skipped");

it("runs only npm scripts that exist and that the README documents", () => {
  const used = [...npmScripts(read("Dockerfile")), ...npmScripts(read("docker-compose.yml"))];
  expect(new Set(used)).toEqual(new Set(["start", "db:migrate", "worker"]));
  const readme = read("README.md");
  for (const name of used) {
    expect(scripts[name]).toBeDefined();
    expect(readme).toContain(name === "start" ? "npm start" : `npm run ${name}`);
  }
});

it("builds on Node 22 like engines requires, with Postgres 16+ in compose", () => {
  expect(read("Dockerfile")).toMatch(/^FROM node:22/m);
  expect((JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node).toMatch(/>=\s*22/);
  const pgImage = read("docker-compose.yml").match(/image:\s*postgres:(\d+)/);
  expect(Number(pgImage?.[1])).toBeGreaterThanOrEqual(16);
});
