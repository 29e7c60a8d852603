/**
 * A real headless Chromium for browser tests, from the project's own install:
 * `@sparticuz/chromium` (a devDependency) ships the binary, playwright-core
 * drives it. CHROMIUM_PATH points at another build (e.g. Debian's
 * /usr/bin/chromium) when set. Never skipped: a missing browser fails the test.
 *
 * `@sparticuz/chromium`'s default flags include `--disable-web-security`, which
 * turns off CORS and the same-origin policy; those are exactly what browser
 * tests here check, so that flag (and its relatives) is dropped.
 */
import { execFileSync } from "node:child_process";
import { chromium, type Browser } from "playwright-core";

const UNSAFE_FLAGS = /^--(disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|disable-features=.*IsolateOrigins)/;

/** The closed network here refuses Chromium's background connections; these keep it quiet (and fast). */
const QUIET_FLAGS = [
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--disable-gpu",
];

let resolved: { executablePath: string; args: string[] } | undefined;

/**
 * `@sparticuz/chromium` is ESM-only (it finds its archive via import.meta), which jest's CommonJS transform
 * cannot load; one child process unpacks the binary (cached in the temp folder) and reports path and flags.
 */
function sparticuz(): { executablePath: string; args: string[] } {
  const script = `import("@sparticuz/chromium").then(async ({ default: c }) => process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))`;
  return (resolved ??= JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: __dirname, encoding: "utf8" })));
}

export async function launchBrowser(): Promise<Browser> {
  const bundled = sparticuz();
  const executablePath = process.env.CHROMIUM_PATH || bundled.executablePath;
  const args = [...bundled.args.filter((flag) => !UNSAFE_FLAGS.test(flag)), ...QUIET_FLAGS];
  return chromium.launch({ executablePath, args, headless: true });
}
