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
  domains: "/domains",
} as const;

/**
 * The console's pages for the links in our emails (docs/email-links.md), at the contract's paths. The
 * server answers them with the console only with EMAIL_LINK_PAGES=console (else its minimal pages in
 * server/src/pages do), with `Cache-Control: no-store` and never with the checkout script in the CSP.
 */
export const CONSOLE_EMAIL_ROUTES = {
  verifyEmail: "/verify-email",
  resetPassword: "/reset-password",
  forgotPassword: "/forgot-password",
  confirmEmail: "/confirm-email",
  magicLink: "/magic-link",
  acceptInvitation: "/invitations/accept",
  signIn: "/sign-in",
  signUp: "/sign-up",
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
