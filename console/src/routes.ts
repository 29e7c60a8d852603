/**
 * The console's routes, shared by its router and by the server, which answers
 * exactly these paths with the console's index.html (and nothing else: no
 * catch-all that could shadow /graphql, /auth, /svc or the email-link pages).
 * Plain constants, no DOM: server/src/pages imports this file.
 */
export const CONSOLE_ROUTES = {
  home: "/",
  login: "/login",
  signup: "/signup",
  newWorkspace: "/workspaces/new",
  team: "/team",
  settings: "/settings",
  apiKeys: "/api-keys",
  webhooks: "/webhooks",
  billing: "/billing",
  audit: "/audit",
  account: "/account",
  files: "/files",
} as const;

/** The prefix the built assets live under (vite.config.ts assetsDir). */
export const CONSOLE_ASSET_PREFIX = "/_console";

/** What the console calls on the server; the dev server proxies these to it. */
export const API_PREFIXES = [
  "/graphql",
  "/auth",
  "/svc",
  "/billing",
  "/audit",
  "/storage",
  "/.well-known",
  "/_pages",
  "/sign-in",
  "/sign-up",
  "/verify-email",
  "/reset-password",
  "/forgot-password",
  "/invitations",
  "/confirm-email",
] as const;
