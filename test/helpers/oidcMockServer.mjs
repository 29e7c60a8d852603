/*
 * A real OIDC provider (oauth2-mock-server) in its own process: the package is
 * ESM-only and jest runs test files as CommonJS, so test/helpers/oidcMock.ts
 * forks this file and steers it over IPC.
 *
 * Messages in: { id, type: "configure", claims, authorizeError } (claims are
 * merged into every token it signs; authorizeError makes /authorize answer
 * with ?error=... instead of a code) and { id, type: "stats" }. Each is
 * answered with { id, ... }.
 */
import { OAuth2Server } from "oauth2-mock-server";

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");

let claims = {};
let authorizeError = null;
let tokenRequests = 0;

server.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims));
server.service.on("beforeResponse", () => (tokenRequests += 1));
server.service.on("beforeAuthorizeRedirect", ({ url }) => {
  if (!authorizeError) return;
  url.searchParams.delete("code");
  url.searchParams.set("error", authorizeError);
});

process.on("message", (msg) => {
  if (msg.type === "configure") {
    claims = msg.claims ?? {};
    authorizeError = msg.authorizeError ?? null;
    process.send({ id: msg.id });
  } else if (msg.type === "stats") {
    process.send({ id: msg.id, tokenRequests });
  }
});
process.on("disconnect", () => {
  server.stop().finally(() => process.exit(0));
});

await server.start(0, "127.0.0.1");
server.issuer.url = `http://127.0.0.1:${server.address().port}`;
process.send({ type: "ready", url: server.issuer.url });
