/**
 * Jest runs against a real Postgres: test/setup/globalSetup.ts starts a
 * throwaway embedded cluster with a migrated template database, and each test
 * file clones its own database from it (test/helpers/db.ts).
 *
 * jose and graphile-worker ship ESM only; ts-jest transpiles them (and our
 * TypeScript) to CommonJS. Type checking is `npm run typecheck`, not ts-jest.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.[tj]s$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(jose|graphile-worker|openid-client|oauth4webapi|oauth2-mock-server|@noble|@scure)/)"],
  globalSetup: "<rootDir>/test/setup/globalSetup.ts",
  globalTeardown: "<rootDir>/test/setup/globalTeardown.ts",
  testTimeout: 60_000,
  maxWorkers: 2,
};
