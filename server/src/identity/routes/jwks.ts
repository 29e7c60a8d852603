import { defineRoute } from "../route";

/** GET /.well-known/jwks.json: current and previous public signing keys, for anyone verifying our tokens. */
export default defineRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  async handler({ res, deps }) {
    res.setHeader("cache-control", "public, max-age=300");
    return { keys: deps.tokens.keys.publicJwks };
  },
});
