/**
 * The compose stack cannot be started here (no Docker engine), so check what
 * can be checked: the file is valid for docker-compose with the settings of
 * .env.example, refuses to start without the secrets, and every command the
 * Dockerfile and compose services run is an npm script the README documents.
 * test/compose_env.test.ts checks which variables reach which service.
 *
 * docker-compose (v1, Debian package docker-compose) is required, not optional:
 * a skipped validation would let a broken compose file through. .ci/run installs it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const ROOT = path.join(__dirname, "..");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

/** The settings compose requires (`${VAR:?…}`), with stand-in values. */
const composeLines = read("docker-compose.yml").split("\n").filter((l) => !/^\s*#/.test(l));
const REQUIRED = Object.fromEntries(
  [...new Set(composeLines.flatMap((l) => [...l.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1])))].map((name) => [name, `test-${name.toLowerCase()}`]),
);

function dockerCompose(): string {
  const found = spawnSync("sh", ["-c", "command -v docker-compose"], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error("docker-compose is not installed: install docker-compose (apt-get install docker-compose); .ci/run does this in CI");
  return found;
}

/** `docker-compose config` with .env.example as the .env file and nothing else from this shell's environment. */
function composeConfig(env: Record<string, string>) {
  return spawnSync(dockerCompose(), ["--env-file", ".env.example", "-f", "docker-compose.yml", "config"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
  });
}

/** `npm run x` / `npm start` -> script names. */
function npmScripts(text: string): string[] {
  return [...text.matchAll(/\[\s*"npm",\s*"(?:run",\s*")?([\w:-]+)"/g)].map((m) => m[1]);
}

it("docker-compose.yml is valid with .env.example once the required secrets are set (docker-compose config)", () => {
  expect(Object.keys(REQUIRED)).toEqual(expect.arrayContaining(["POSTGRES_PASSWORD", "JWT_PRIVATE_KEY", "REFRESH_TOKEN_SECRET"]));
  const out = composeConfig(REQUIRED);
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  // docker-compose's own reading of the file (anchors and merge keys) gives the environments compose_env.test.ts checks.
  const resolved = parse(out.stdout) as { services: Record<string, { environment?: Record<string, unknown> }> };
  const ours = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, { environment?: Record<string, unknown> }> };
  for (const [name, service] of Object.entries(ours.services)) {
    expect([name, Object.keys(resolved.services[name].environment ?? {}).sort()]).toEqual([name, Object.keys(service.environment ?? {}).sort()]);
  }
});

it("refuses to start while a required secret is empty, naming it", () => {
  for (const name of ["POSTGRES_PASSWORD", "JWT_PRIVATE_KEY"]) {
    const out = composeConfig({ ...REQUIRED, [name]: "" });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain(`set ${name} in .env`);
  }
});

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

it("keeps .env files out of git and out of the image, except the template", () => {
  for (const file of [".gitignore", ".dockerignore"]) {
    const lines = read(file).split("\n").map((l) => l.trim());
    expect([file, lines]).toEqual([file, expect.arrayContaining([".env", ".env.*", "!.env.example"])]);
  }
  const ignored = (f: string) => spawnSync("git", ["check-ignore", "-q", "--no-index", f], { cwd: ROOT }).status === 0;
  expect([".env", ".env.production", ".env.local"].filter((f) => !ignored(f))).toEqual([]);
  expect(ignored(".env.example")).toBe(false);
});
