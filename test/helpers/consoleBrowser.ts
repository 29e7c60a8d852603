/**
 * What every console browser test (test/browser/console*.test.ts) sets up: a
 * test database, a local SMTP server, the built console served by a
 * development server process with trusted documents on (production's GraphQL
 * mode), APP_URL pointing at it (runJobs sends the emails from the test
 * process, so their links must name the spawned server), and headless
 * Chromium tabs that record what a page must never do: load anything from
 * another origin, raise a CSP violation or a script error. Each test ends by
 * closing its browsers and expecting no such problem.
 *
 * `useConsoleBrowser()` registers the jest hooks, so call it once at the top
 * level of a test file.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { GOOD_PASSWORD } from "./auth";
import { launchBrowser } from "./browser";
import { useTestDatabase, type TestDatabase } from "./db";
import { spawnServerProcess, type ServerProcess } from "./serverProcess";
import { mailedLink, useTestSmtp, type TestSmtp } from "./smtp";

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(__dirname, "..", "browser", "artifacts");

export interface ConsoleBrowserOptions {
  /**
   * Extra environment for the server process (on top of warn logging, trusted documents and a lifted auth rate limit);
   * a function is called in beforeAll, after the test file's own earlier beforeAll hooks (a provider it started, say).
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Other origins the pages may load from (a sign-in provider the browser is sent to); called when a tab opens. */
  allowedOrigins?: () => string[];
  /** Screenshot names start with this; without it, with the current test's name. */
  artifactPrefix?: string;
}

export interface ConsoleBrowser {
  /** The spawned server's origin (valid once beforeAll has run). */
  readonly url: string;
  getDb(): TestDatabase;
  getSmtp(): TestSmtp;
  /**
   * A tab in a new browser. A second person gets a second browser, not a second context: @sparticuz/chromium
   * runs single-process, where contexts share cookies set by fetch() and closing one kills the browser
   * (see pages.test.ts).
   */
  newPage(): Promise<Page>;
  /** Runs one step of a journey; when it fails, every open tab is photographed before the error is rethrown. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  post(urlPath: string, body: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** A persisted operation by name, sent by documentId only, with a bearer token or API key. */
  gql(operation: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: any }>;
  /** Signs in through the API; resolves to the access token (the sign-in must succeed). */
  signIn(email: string, tenantId?: string, password?: string): Promise<string>;
  /** Signs in through the console's form, arriving at `next`. */
  signInUi(page: Page, email: string, next: string): Promise<void>;
  /** The newest link to `/<path>?token=` in mail delivered to `email` (quoted-printable decoded). */
  linkFromMail(email: string, linkPath: string): string;
  /** The token of the newest invitation mailed to `email`. */
  invitationToken(email: string): string;
}

/** Resolves once a locator's first match with this text is on the page. */
export const shows = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();

export function useConsoleBrowser(options: ConsoleBrowserOptions = {}): ConsoleBrowser {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "sdk", "generated", "persisted-documents.json"), "utf8")) as Record<string, string>;
  const getDb = useTestDatabase();
  const getSmtp = useTestSmtp();
  let proc: ServerProcess | undefined;
  const savedAppUrl = process.env.APP_URL;

  beforeAll(async () => {
    // What `npm start` does first (prestart): build the console if its sources are newer than the build.
    execFileSync(process.execPath, [path.join(ROOT, "console", "scripts", "ensure-built.mjs")], { cwd: ROOT, stdio: "pipe" });
    proc = await spawnServerProcess(getDb().urls, { LOG_LEVEL: "warn", GRAPHQL_TRUSTED_DOCUMENTS: "true", RATE_LIMIT_AUTH_PER_MINUTE: "100000", ...(typeof options.env === "function" ? options.env() : options.env) });
    process.env.APP_URL = proc.url;
  }, 180_000);
  afterAll(async () => {
    if (savedAppUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = savedAppUrl;
    await proc?.stop();
  });

  let browsers: Browser[] = [];
  let pages: Page[] = [];
  let problems: string[] = [];
  beforeEach(() => {
    browsers = [];
    pages = [];
    problems = [];
  });
  afterEach(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    expect(problems).toEqual([]);
  });

  const origin = () => {
    if (!proc) throw new Error("the console's server is not running (useConsoleBrowser's beforeAll has not run)");
    return proc.url;
  };

  const post: ConsoleBrowser["post"] = async (urlPath, body, token) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const res = await fetch(`${origin()}${urlPath}`, { method: "POST", headers, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  return {
    get url() {
      return origin();
    },
    getDb,
    getSmtp,

    async newPage() {
      const browser = await launchBrowser();
      browsers.push(browser);
      const page = await browser.newPage();
      pages.push(page);
      page.setDefaultTimeout(15_000);
      const allowed = [origin(), ...(options.allowedOrigins?.() ?? [])].map((o) => `${o}/`);
      page.on("request", (r) => {
        if (!allowed.some((o) => r.url().startsWith(o)) && !/^(data|blob):/.test(r.url())) problems.push(`offsite request ${r.url()}`);
      });
      page.on("console", (m) => /Content[- ]Security[- ]Policy|Refused to/i.test(m.text()) && problems.push(`CSP: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
      return page;
    },

    async step(name, run) {
      try {
        return await run();
      } catch (e) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const prefix = options.artifactPrefix ?? expect.getState().currentTestName?.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
        const stamp = `${prefix}-${name.replace(/[^a-z0-9]+/gi, "-")}`;
        await Promise.all(pages.map((p, i) => p.screenshot({ path: path.join(ARTIFACTS, `${stamp}-${i}.png`), fullPage: true }).catch(() => undefined)));
        throw new Error(`step "${name}" failed (screenshots in test/browser/artifacts/${stamp}-*.png): ${(e as Error).message}`);
      }
    },

    post,

    async gql(operation, variables, token) {
      const id = Object.keys(manifest).find((k) => new RegExp(`(^|} )(query|mutation) ${operation}\\b`).test(manifest[k]));
      return post("/graphql", { documentId: id, variables }, token);
    },

    async signIn(email, tenantId, password = GOOD_PASSWORD) {
      const res = await post("/auth/login", { email, password, tokenTransport: "body", tenantId });
      expect(res.status).toBe(200);
      return res.body.accessToken as string;
    },

    async signInUi(page, email, next) {
      await page.goto(`${origin()}/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${origin()}${next}`);
    },

    linkFromMail(email, linkPath) {
      return mailedLink(getSmtp(), email, linkPath);
    },

    invitationToken(email) {
      const raw = getSmtp().received.filter((m) => m.to.includes(email.toLowerCase())).map((m) => m.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=")).reverse();
      const token = raw.map((t) => t.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/)?.[1]).find(Boolean);
      if (!token) throw new Error(`no invitation mailed to ${email}`);
      return token;
    },
  };
}
