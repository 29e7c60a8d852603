import { beginOidcSignIn, completeOidcSignIn } from "../oidc";
import { listProviders, oidcProviderOrThrow } from "../oidcProviders";
import { callbackFlow, startFlow } from "../oidcSignIn";
import { attemptCookieFor } from "../oidcState";
import { defineRoute, type AuthRoute } from "../route";

/**
 * GET /auth/oidc/:provider/start[?redirect=/path] for every OIDC_PROVIDERS
 * entry: the same flow as Google's (PKCE, state, nonce) against that issuer.
 * An unknown provider is 404 OAUNC before anything is set or sent.
 */
const start = defineRoute({
  method: "get",
  path: "/auth/oidc/:provider/start",
  async handler({ req, res, deps }) {
    const p = oidcProviderOrThrow(deps.config, req.params.provider);
    await startFlow(deps, req, res, attemptCookieFor(p.id, p.basePath), (redirect) => beginOidcSignIn(p, req.log, redirect));
  },
});

/** GET /auth/oidc/:provider/callback: as Google's; the identity is stored under the provider's id. */
const callback = defineRoute({
  method: "get",
  path: "/auth/oidc/:provider/callback",
  async handler({ req, res, deps }) {
    const p = oidcProviderOrThrow(deps.config, req.params.provider);
    await callbackFlow(deps, req, res, {
      provider: p.id,
      name: p.name,
      cookie: attemptCookieFor(p.id, p.basePath),
      nonce: true,
      complete: (params, attempt) => completeOidcSignIn(p, req.log, params, attempt),
    });
  },
});

/**
 * GET /auth/providers: the sign-in methods this server offers, so a frontend
 * can draw its buttons. Public, and names only: no issuer, client id or secret.
 */
const providers = defineRoute({
  method: "get",
  path: "/auth/providers",
  async handler({ res, deps }) {
    res.set("cache-control", "no-cache");
    return { password: true, providers: listProviders(deps.config) };
  },
});

export const oidcRoutes: AuthRoute[] = [providers, start, callback];
