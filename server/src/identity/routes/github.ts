import { assertGithubConfigured, beginGithubSignIn, completeGithubSignIn, GITHUB_ATTEMPT_COOKIE } from "../github";
import { callbackFlow, startFlow } from "../oidcSignIn";
import { defineRoute, type AuthRoute } from "../route";

/** GET /auth/github/start[?redirect=/path]: a new attempt (state, PKCE) in a signed cookie, then off to GitHub. */
const start = defineRoute({
  method: "get",
  path: "/auth/github/start",
  async handler({ req, res, deps }) {
    assertGithubConfigured(deps.config);
    await startFlow(deps, req, res, GITHUB_ATTEMPT_COOKIE, async (redirect) => beginGithubSignIn(deps.config, redirect));
  },
});

/**
 * GET /auth/github/callback: state against this browser's attempt cookie,
 * then code → token → /user and /user/emails, then the shared linking rules
 * (oidcSignIn.ts). Only a primary, verified email links or creates an account.
 */
const callback = defineRoute({
  method: "get",
  path: "/auth/github/callback",
  async handler({ req, res, deps }) {
    assertGithubConfigured(deps.config);
    await callbackFlow(deps, req, res, {
      provider: "github",
      name: "GitHub",
      cookie: GITHUB_ATTEMPT_COOKIE,
      nonce: false,
      verifiedToCreate: true,
      complete: (params, attempt) => completeGithubSignIn(deps.config, req.log, params, attempt),
    });
  },
});

export const githubRoutes: AuthRoute[] = [start, callback];
