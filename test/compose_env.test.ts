/**
 * Every compose service that runs our code is passed every environment variable that code reads, and
 * .env.example documents exactly what compose interpolates.
 *
 * The reads are found statically. From each service's entry point (the .ts file of its npm script) we follow
 * relative imports, plus the declared dynamic loads (the worker's task folder), and collect `env.NAME`,
 * `env["NAME"]` and `process.env.NAME`. core/config.ts reads each setting it declares by name
 * (`env[setting.name]`), so its reads are taken from the declarations themselves (imported, exact), and
 * count for every process that loads the config. Reads inside node_modules (pg's PG*, graphile-worker's own) are not ours and are not counted;
 * the library settings the stack exposes are LIBRARY_SETTINGS.
 *
 * The rule, for each service that runs our code:
 *   1. its `environment` has every variable its code reads, except NOT_PASSED (never set in a container)
 *      and WITHHELD (secrets and server-only knobs the service's code provably does not use);
 *   2. it has nothing its code does not read (a misspelt name would otherwise be ignored in silence);
 *   3. a variable passed under its own name is `${NAME:?…}` (required) or `${NAME:-}` (optional: unset and
 *      empty both mean the code's default). `${NAME:-x}` with x non-empty only for a read with `??`, where
 *      empty differs from unset, and x is then the code's fallback. No secret has a default anywhere;
 *   4. .env.example lists exactly the variables compose interpolates (compose is the only reader of .env),
 *      each under its own comment, with secrets left empty.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { parse } from "yaml";
import { SECTIONS } from "../core/config";
import { settingsOf } from "../core/config/declare";

const ROOT = path.join(__dirname, "..");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
const CONFIG = "core/config.ts";
/** What loadConfig reads: every declared setting (not the variables it documents for other readers). */
const DECLARED = SECTIONS.flatMap((s) => settingsOf(s.settings));
/** Names of secrets: never a default in compose, always empty in .env.example. */
const SECRET = /(PASSWORD|SECRET|_KEY|TOKEN)$|^(SMTP|REDIS)_URL$/;

/** Files that load modules by computed path, and what they load. */
const DYNAMIC_LOADS: Record<string, string> = {
  "functions/src/worker.ts": "functions/src/tasks", // loadTaskList(): one task per file, file name = identifier
};

/** Files that enumerate the environment, and the names they look for. */
const FAMILIES: Record<string, RegExp> = {
  // Besides its declared settings, read by name (DECLARED): GATEWAY_ROUTE_<NAME>=url adds one gateway route;
  // compose passes the same routes as GATEWAY_ROUTES (JSON).
  [CONFIG]: /^GATEWAY_ROUTE_[A-Z0-9_]+$/,
};

/** Read by our code, never set in a container. */
const NOT_PASSED: Record<string, string> = {
  LOGICSPIKE_DATA_DIR: "embedded Postgres data and dev keys; containers use the postgres service and JWT_PRIVATE_KEY",
  EMBEDDED_PG_PORT: "embedded Postgres only; compose runs a real Postgres (DATABASE_URL)",
  SEED_ON_START: "applies db/seed.sql, development data; off under NODE_ENV=production and must stay off",
  DATABASE_NAME: "DATABASE_URL spells the database name, and wins; a second spelling could only disagree",
  DATABASE_AUTHENTICATOR: "AUTH_DATABASE_URL spells the role name, and wins",
  DATABASE_AUTHENTICATOR_PASSWORD: "AUTH_DATABASE_URL carries the password (compose builds it from this .env value)",
  GRAPHILE_ENV: "derived from NODE_ENV (server/src/graphql/graphileEnv.ts); set apart it could put Grafast in development mode",
  GRAPHQL_PERSISTED_DOCUMENTS_FILE: "a path inside the image; the default is the manifest built into it with the SDK",
  GOOGLE_ISSUER: "tests only (a local OIDC server); in production another issuer could vouch for Google identities",
  RAZORPAY_API_URL: "tests only (a fake Razorpay); in production it would send the API key elsewhere",
  SLACK_WEBHOOK_ORIGIN: "tests only (a local Slack stand-in); in production it would redirect notifications",
};

/**
 * Not passed to the services in `from`. With `uses`, the test proves those services never use the value:
 * no file they reach besides config.ts reads the variable or mentions the config field.
 */
const WITHHELD: Array<{ name: string; from: string[]; uses?: RegExp; reason: string }> = [
  { name: "ROOT_DATABASE_URL", from: ["server", "worker"], reason: "superuser: only the one-shot migrate job sets up roles and the database" },
  ...(
    [
      ["HOST", /\bconfig\.host\b/],
      ["PORT", /\bconfig\.port\b/], // its other use, the PUBLIC_URL fallback, does not apply: compose requires PUBLIC_URL
      ["MIGRATE_ON_START", /\bmigrateOnStart\b/],
      ["WORKER_IN_PROCESS", /\bworkerInProcess\b/],
    ] as const
  ).map(([name, uses]) => ({ name, from: ["worker", "migrate"], uses, reason: "shapes the HTTP server process only" })),
  { name: "STORAGE_DIR", from: ["migrate"], uses: /\blocalDir\b/, reason: "the files volume's mount point, set in the services that store and delete files" },
  ...(
    [
      ["JWT_PRIVATE_KEY", /\bjwt\.privateKey\b/],
      ["REFRESH_TOKEN_SECRET", /\brefresh\.secret\b/],
      ["GOOGLE_CLIENT_SECRET", /\bclientSecret\b/],
      ["GITHUB_CLIENT_SECRET", /\bgithub\.clientSecret\b/],
      ["OIDC_PROVIDERS", /\boidc\.providers\b/], // its entries may carry a client_secret
      ["GATEWAY_KEY", /\bgateway\.key\b/],
      ["METRICS_TOKEN", /\bmetricsToken\b/],
      ["REDIS_URL", /\bredisUrl\b/],
    ] as const
  ).map(([name, uses]) => ({ name, from: ["worker", "migrate"], uses, reason: "a secret only the server uses" })),
  ...(
    [
      ["SMTP_URL", /\bsmtpUrl\b/],
      ["RAZORPAY_KEY_SECRET", /\brazorpayKeySecret\b/],
      ["RAZORPAY_WEBHOOK_SECRET", /\brazorpayWebhookSecret\b/],
      ["S3_SECRET_ACCESS_KEY", /\bs3SecretAccessKey\b/],
    ] as const
  ).map(([name, uses]) => ({ name, from: ["migrate"], uses, reason: "a secret of the server and the worker's tasks" })),
];
const withheld = (service: string, name: string) => WITHHELD.some((w) => w.name === name && w.from.includes(service));

/** Settings read by a library rather than our code, passed to the services that run it. */
const LIBRARY_SETTINGS: Record<string, string[]> = {
  DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE: ["server"], // @dataplan/pg; 0 behind pgbouncer (docs/scaling.md)
};

interface Scan {
  imports: string[];
  reads: Set<string>;
  /** Fallback text of `env.NAME ?? fallback` reads. */
  nullish: Map<string, string>;
  dynamicLoads: string[];
  enumerations: string[];
}

const scans = new Map<string, Scan>();
function scan(file: string): Scan {
  const cached = scans.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const s: Scan = { imports: [], reads: new Set(), nullish: new Map(), dynamicLoads: [], enumerations: [] };
  const isEnv = (e: ts.Node) => (ts.isIdentifier(e) && e.text === "env") || (ts.isPropertyAccessExpression(e) && e.name.text === "env");
  const addRead = (node: ts.Expression, name: string) => {
    s.reads.add(name);
    const p = node.parent;
    if (ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
      s.nullish.set(name, ts.isStringLiteralLike(p.right) ? p.right.text : `<not a literal: ${p.right.getText()}>`);
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) {
      // Type-only imports load nothing at run time.
      const clause = ts.isImportDeclaration(n) ? n.importClause : undefined;
      const typeOnly = ts.isExportDeclaration(n)
        ? n.isTypeOnly
        : !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) s.imports.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === "require"))) {
      const arg = n.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) s.imports.push(arg.text);
      else s.dynamicLoads.push(n.getText());
    } else if (ts.isPropertyAccessExpression(n) && isEnv(n.expression) && /^[A-Z][A-Z0-9_]*$/.test(n.name.text)) {
      addRead(n, n.name.text);
    } else if (ts.isElementAccessExpression(n) && isEnv(n.expression)) {
      if (ts.isStringLiteralLike(n.argumentExpression)) addRead(n, n.argumentExpression.text);
      else s.enumerations.push(n.getText());
    } else if (ts.isCallExpression(n) && /^Object\.(keys|entries|values)$/.test(n.expression.getText()) && n.arguments.some(isEnv)) {
      s.enumerations.push(n.getText());
    } else if (ts.isVariableDeclaration(n) && n.initializer && isEnv(n.initializer) && ts.isObjectBindingPattern(n.name)) {
      // const { NAME } = process.env
      for (const e of n.name.elements) {
        const key = e.propertyName ?? e.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) s.reads.add(key.text);
        else s.enumerations.push(e.getText());
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  if (file === CONFIG) {
    for (const setting of DECLARED) {
      s.reads.add(setting.name);
      // Empty is a value of its own, as with `env.NAME ?? fallback`: the text an unset variable reads as.
      if (setting.unsetText !== undefined) s.nullish.set(setting.name, setting.unsetText);
    }
  }
  scans.set(file, s);
  return s;
}

function resolveImport(from: string, spec: string): string | "leaf" {
  const base = path.resolve(ROOT, path.dirname(from), spec.replace(/\.js$/, ""));
  if (/\.json$/.test(spec)) return "leaf";
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(ROOT, candidate);
  }
  throw new Error(`${from}: cannot resolve import ${JSON.stringify(spec)}`);
}

/** Every file of ours that a process started at `entry` can run. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const s = scan(file);
    for (const spec of s.imports) {
      const target = spec.startsWith(".") ? resolveImport(file, spec) : "leaf";
      if (target !== "leaf") todo.push(target);
    }
    const dir = DYNAMIC_LOADS[file];
    if (s.dynamicLoads.length > 0 && dir) {
      for (const f of fs.readdirSync(path.join(ROOT, dir))) if (/\.ts$/.test(f) && !f.endsWith(".d.ts")) todo.push(path.join(dir, f));
    }
  }
  return [...seen].sort();
}

/** Variable -> the first reachable file that reads it. */
function readsOf(files: string[]): Map<string, string> {
  const reads = new Map<string, string>();
  for (const f of files) for (const name of scan(f).reads) if (!reads.has(name)) reads.set(name, f);
  return reads;
}

// ---- docker-compose.yml ----------------------------------------------------------------------------

interface Service {
  build?: unknown;
  command?: string[];
  environment?: Record<string, unknown> | string[];
}
const composeText = read("docker-compose.yml");
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
const dockerCmd = JSON.parse(/^CMD\s+(\[.*\])\s*$/m.exec(read("Dockerfile"))?.[1] ?? "null") as string[] | null;

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env) ? env.map((e) => [e.split("=")[0], e.slice(e.indexOf("=") + 1)]) : Object.entries(env);
  return Object.fromEntries(entries.map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
}

/** Services built from our Dockerfile, with the .ts file their npm script runs. */
const ours = Object.entries(compose.services)
  .filter(([, s]) => s.build !== undefined)
  .map(([name, s]) => {
    const command = s.command ?? dockerCmd ?? [];
    const script = command[0] === "npm" ? (command[1] === "run" ? command[2] : command[1]) : undefined;
    const entry = script ? scripts[script]?.split(/\s+/).find((t) => t.endsWith(".ts")) : undefined;
    if (!entry) throw new Error(`compose service ${name}: cannot find the .ts entry point of ${JSON.stringify(command)}`);
    const files = reachable(entry);
    return { name, entry, files, reads: readsOf(files), env: environmentOf(s) };
  });
const allFiles = [...new Set(ours.flatMap((s) => s.files))];

/** Every string in the file (keys included), so comments are not mistaken for interpolations. */
function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}
/** `${VAR}`, `${VAR:-default}`, `${VAR:?message}` …, as compose reads them. */
const interpolations = strings(parse(composeText)).flatMap((text) =>
  [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g)].map((m) => ({ name: m[1], op: m[2] ?? "", arg: m[3] ?? "" })),
);
const interpolated = new Set(interpolations.map((i) => i.name));

it("finds the services that run our code, and their entry points", () => {
  expect(Object.fromEntries(ours.map((s) => [s.name, s.entry]))).toEqual({
    migrate: "server/src/cli/db.ts",
    server: "server/src/index.ts",
    worker: "functions/src/cli.ts",
  });
  // The scan sees through loadConfig(env): the worker reads what config.ts reads, and its tasks' own reads.
  const worker = ours.find((s) => s.name === "worker")!;
  expect([...worker.reads.keys()]).toEqual(expect.arrayContaining(["APP_URL", "CORS_ORIGINS", "SMTP_URL", "CONTACT_INBOX"]));
  expect(worker.files).toContain("functions/src/tasks/contact_messages__notify.ts");
});

it("knows every computed module load and every enumeration of the environment", () => {
  const undeclared = allFiles.flatMap((f) => [
    ...scan(f).dynamicLoads.filter(() => !DYNAMIC_LOADS[f]).map((d) => `${f}: loads ${d}; declare what in DYNAMIC_LOADS`),
    ...scan(f).enumerations.filter(() => !FAMILIES[f]).map((e) => `${f}: reads ${e}; declare the names in FAMILIES`),
  ]);
  expect(undeclared).toEqual([]);
  const stale = [
    ...Object.keys(DYNAMIC_LOADS).filter((f) => scan(f).dynamicLoads.length === 0),
    ...Object.keys(FAMILIES).filter((f) => scan(f).enumerations.length === 0),
  ];
  expect(stale).toEqual([]);
});

describe.each(ours.map((s) => [s.name, s] as const))("compose service %s", (service, s) => {
  it("is passed every variable its code reads, but for NOT_PASSED and WITHHELD", () => {
    const missing = [...s.reads]
      .filter(([name]) => !(name in s.env) && !NOT_PASSED[name] && !withheld(service, name))
      .map(([name, file]) => `${service} is not passed ${name} (read in ${file}): add \`${name}: \${${name}:-}\` and a .env.example line, or a NOT_PASSED/WITHHELD entry with its reason`);
    const library = Object.entries(LIBRARY_SETTINGS)
      .filter(([name, services]) => services.includes(service) && !(name in s.env))
      .map(([name]) => `${service} is not passed ${name} (LIBRARY_SETTINGS)`);
    expect([...missing, ...library]).toEqual([]);
  });

  it("is passed nothing its code does not read, and nothing NOT_PASSED or WITHHELD", () => {
    const unread = Object.keys(s.env).filter(
      (name) => !s.reads.has(name) && !LIBRARY_SETTINGS[name]?.includes(service) && !Object.values(FAMILIES).some((p) => p.test(name)),
    );
    expect(unread.map((name) => `${service}: ${name} is passed but never read`)).toEqual([]);
    const forbidden = Object.keys(s.env).filter((name) => NOT_PASSED[name] || withheld(service, name));
    const why = (name: string) => NOT_PASSED[name] ?? WITHHELD.find((w) => w.name === name && w.from.includes(service))!.reason;
    expect(forbidden.map((name) => `${service}: ${name} must not be passed (${why(name)})`)).toEqual([]);
  });

  it("does not use what is withheld from it", () => {
    const used = WITHHELD.filter((w) => w.uses && w.from.includes(service)).flatMap((w) =>
      s.files
        .filter((f) => f !== CONFIG && (scan(f).reads.has(w.name) || w.uses!.test(read(f))))
        .map((f) => `${service} uses ${w.name} in ${f}: pass it to ${service} and drop ${service} from its WITHHELD entry`),
    );
    expect(used).toEqual([]);
  });
});

it("passes settings as ${NAME:?…} or ${NAME:-}, keeps `??` fallbacks, and gives no secret a default", () => {
  const problems: string[] = [];
  const forms = new Map<string, string>();
  for (const i of interpolations) {
    const form = `${i.op}${i.arg}`;
    if (i.op !== ":-" && i.op !== ":?") problems.push(`\${${i.name}${form}}: use \${${i.name}:-} (optional) or \${${i.name}:?message} (required)`);
    if (forms.has(i.name) && forms.get(i.name) !== form) problems.push(`${i.name} is interpolated two ways: ${forms.get(i.name)} and ${form}`);
    forms.set(i.name, form);
    if (i.op === ":-" && i.arg !== "" && SECRET.test(i.name)) problems.push(`${i.name} is a secret with a default (${i.arg})`);
  }
  const nullish = new Map(allFiles.flatMap((f) => [...scan(f).nullish]));
  for (const s of ours) {
    for (const [name, value] of Object.entries(s.env)) {
      if (!value.includes(`\${${name}`)) continue; // a literal, or a value built from other variables
      const m = new RegExp(`^\\$\\{${name}(:-|:\\?)([^}]*)\\}$`).exec(value);
      const fallback = nullish.get(name) ?? "";
      if (!m) problems.push(`${s.name}: ${name}: ${value} should be \${${name}:-} or \${${name}:?message}`);
      else if (m[1] === ":-" && m[2] !== fallback) {
        problems.push(`${s.name}: ${name}: default ${JSON.stringify(m[2])}, expected ${JSON.stringify(fallback)} (${fallback ? "the code's ?? fallback" : "the code owns defaults"})`);
      }
    }
  }
  expect([...new Set(problems)]).toEqual([]);
});

it(".env.example lists exactly what compose interpolates, each under its own comment, secrets empty", () => {
  const lines = read(".env.example").split("\n");
  const listed = new Map<string, string>();
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) return;
    if (listed.has(m[1])) problems.push(`${m[1]} is listed twice`);
    listed.set(m[1], m[2]);
    if (!/^# \S/.test(lines[i - 1] ?? "")) problems.push(`${m[1]}: put a one-line comment above it (what it is, how to generate it)`);
    if (SECRET.test(m[1]) && m[2] !== "") problems.push(`${m[1]}: leave secrets empty in the template`);
    const compose = interpolations.find((x) => x.name === m[1] && x.op === ":-" && x.arg !== "");
    if (compose && m[2] !== "" && m[2] !== compose.arg) problems.push(`${m[1]}=${m[2]} but compose defaults it to ${compose.arg}`);
  });
  for (const name of interpolated) if (!listed.has(name)) problems.push(`${name}: interpolated by docker-compose.yml, missing from .env.example`);
  for (const name of listed.keys()) if (!interpolated.has(name)) problems.push(`${name}: in .env.example, but docker-compose.yml never uses it (compose is the only reader of .env)`);
  expect([...new Set(problems)]).toEqual([]);
});
