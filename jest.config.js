/**
 * Jest runs against a real Postgres: test/setup/globalSetup.ts starts a
 * throwaway embedded cluster with a migrated template database, and each test
 * file clones its own database from it (test/helpers/db.ts).
 *
 * jose and graphile-worker ship ESM only; ts-jest transpiles them (and our
 * TypeScript) to CommonJS. Type checking is `npm run typecheck`, not ts-jest.
 */
/**
 * The console's build is brought up to date once, here, before any test runs: the browser test serves it,
 * and tests that run `npm start` (whose prestart builds a stale console) must not spend their start-up
 * deadline building it, or race each other doing so. A fresh build costs a directory walk.
 */
require("node:child_process").execFileSync(process.execPath, [require("node:path").join(__dirname, "console", "scripts", "ensure-built.mjs")], { stdio: "inherit" });

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // .mjs too: srvx (under @tus/server) ships only .mjs files.
    "^.+\\.m?[tj]s$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(jose|graphile-worker|openid-client|oauth4webapi|oauth2-mock-server|@noble|@scure|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@tus|srvx)/)"],
  globalSetup: "<rootDir>/test/setup/globalSetup.ts",
  globalTeardown: "<rootDir>/test/setup/globalTeardown.ts",
  testTimeout: 60_000,
  maxWorkers: 2,
};
