import { beginOidcSignIn, completeOidcSignIn } from "../oidc";
import { GOOGLE_ATTEMPT_COOKIE, googleOrThrow } from "../google";
import { callbackFlow, startFlow } from "../oidcSignIn";
import { defineRoute, type AuthRoute } from "../route";

/** GET /auth/google/start[?redirect=/path]: a new attempt in a signed cookie, then off to Google. */
const start = defineRoute({
  method: "get",
  path: "/auth/google/start",
  async handler({ req, res, deps }) {
    const google = googleOrThrow(deps.config);
    await startFlow(deps, req, res, GOOGLE_ATTEMPT_COOKIE, (redirect) => beginOidcSignIn(google, req.log, redirect));
  },
});

/**
 * GET /auth/google/callback: state against this browser's attempt cookie,
 * then the code exchange and ID token checks, then the shared linking rules
 * and session (oidcSignIn.ts callbackFlow).
 */
const callback = defineRoute({
  method: "get",
  path: "/auth/google/callback",
  async handler({ req, res, deps }) {
    const google = googleOrThrow(deps.config);
    await callbackFlow(deps, req, res, {
      provider: google.id,
      name: google.name,
      cookie: GOOGLE_ATTEMPT_COOKIE,
      nonce: true,
      complete: (params, attempt) => completeOidcSignIn(google, req.log, params, attempt),
    });
  },
});

export const googleRoutes: AuthRoute[] = [start, callback];
