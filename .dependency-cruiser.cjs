/**
 * The layering `npm test` enforces (npm run lint:deps):
 *   core/       configuration, logger, pools, transactions, database lifecycle, coded errors, the tenancy
 *               contract, shared billing logic: imports nothing of ours;
 *   server/     the HTTP server; imports core/, never the worker, except its composition root
 *               (server/src/index.ts), which runs the worker in-process;
 *   functions/  the worker; imports core/, never server/;
 *   packages/   published on their own (the service kit): import nothing of ours outside their folder;
 *   examples/   services built on the packages, as a team outside this repository would: import
 *               packages/ only;
 *   bench/, test/ may import anything.
 * And no import cycles anywhere.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and hide the real layering; break the cycle by moving the shared piece down.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "core-is-the-base",
      severity: "error",
      comment: "core/ is shared by the server, the worker, the CLIs and the benches: it may not depend on any of them.",
      from: { path: "^core/" },
      to: { path: "^(server|functions|bench|test|sdk)/" },
    },
    {
      name: "server-does-not-import-the-worker",
      severity: "error",
      comment: "Only the composition root (server/src/index.ts) starts the worker in-process; share code through core/.",
      from: { path: "^server/", pathNot: "^server/src/index\\.ts$" },
      to: { path: "^functions/" },
    },
    {
      name: "worker-does-not-import-the-server",
      severity: "error",
      comment: "The worker runs without the HTTP server; what both need belongs in core/.",
      from: { path: "^functions/" },
      to: { path: "^server/" },
    },
    {
      name: "packages-stand-alone",
      severity: "error",
      comment: "A package is published on its own: it cannot reach into the platform's code (generate what it needs into it).",
      from: { path: "^packages/([^/]+)/" },
      to: { path: "^(core|server|functions|bench|test|sdk|examples|console)/" },
    },
    {
      name: "examples-use-the-packages",
      severity: "error",
      comment: "Examples show what a service outside this repository can do: only the published packages are theirs.",
      from: { path: "^examples/" },
      to: { path: "^(core|server|functions|bench|test|sdk|console)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|\\.d\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".mjs", ".js", ".cjs", ".json"] },
  },
};
