#!/usr/bin/env node
/**
 * Builds the console (console/dist) when any of its sources is newer than the
 * build, so `npm start` serves an up-to-date console with no extra command
 * (`prestart`). A fresh build takes a few seconds; an up-to-date one costs a
 * directory walk. Without Vite (an install with --omit=dev) it only warns:
 * production images build the console in the Dockerfile.
 *
 *   node console/scripts/ensure-built.mjs [--force]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const CONSOLE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.join(CONSOLE, "..");
const BUILT = path.join(CONSOLE, "dist", "index.html");
const SOURCES = [
  path.join(CONSOLE, "index.html"),
  path.join(CONSOLE, "vite.config.ts"),
  path.join(CONSOLE, "src"),
  path.join(CONSOLE, "scripts"),
  path.join(ROOT, "sdk", "client.ts"),
  path.join(ROOT, "sdk", "catalog.ts"),
  path.join(ROOT, "sdk", "generated"),
  path.join(ROOT, "package-lock.json"),
];

function newest(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export async function ensureConsoleBuilt({ force = false, log = console } = {}) {
  const built = newest(BUILT);
  if (!force && built && built >= Math.max(...SOURCES.map(newest))) return "fresh";
  let vite;
  try {
    vite = await import("vite");
  } catch {
    log.warn(built ? "console: sources changed but Vite is not installed; serving the existing build" : "console: not built and Vite is not installed (npm install, or build in the Dockerfile); GET / shows the API's home page");
    return "skipped";
  }
  const started = Date.now();
  // A production build whatever the caller's NODE_ENV (jest sets "test", which would make Vite bundle
  // React's development build: three times the size).
  process.env.NODE_ENV = "production";
  // Built beside dist and swapped in, so a server reading dist (or a second `npm start` building at the
  // same time, as parallel tests may) never sees a half-written build.
  const dist = path.join(CONSOLE, "dist");
  const tmp = `${dist}-tmp-${process.pid}`;
  const old = `${dist}-old-${process.pid}`;
  await vite.build({ configFile: path.join(CONSOLE, "vite.config.ts"), logLevel: "warn", build: { outDir: tmp, emptyOutDir: true } });
  // Precompressed copies, which the server sends to browsers that accept gzip (it compresses nothing itself).
  const assets = path.join(tmp, "_console");
  for (const name of fs.readdirSync(assets).filter((n) => /\.(js|css)$/.test(n))) {
    fs.writeFileSync(path.join(assets, `${name}.gz`), zlib.gzipSync(fs.readFileSync(path.join(assets, name)), { level: 9 }));
  }
  // Dated when it started reading the sources, so a source saved during the build is newer than it (and
  // the next start rebuilds) instead of being hidden by a build that did not see it.
  fs.utimesSync(path.join(tmp, "index.html"), started / 1000, started / 1000);
  try {
    fs.renameSync(dist, old);
  } catch {
    // no previous build
  }
  try {
    fs.renameSync(tmp, dist);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another build was swapped in first: it is as fresh
  }
  fs.rmSync(old, { recursive: true, force: true });
  log.info(`console: built in ${((Date.now() - started) / 1000).toFixed(1)} s (console/dist)`);
  return "built";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureConsoleBuilt({ force: process.argv.includes("--force") }).catch((e) => {
    console.error("console: build failed:", e?.message ?? e);
    process.exitCode = 1;
  });
}
