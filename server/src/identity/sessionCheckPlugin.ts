/**
 * SESSION_REVOCATION_CHECK on GraphQL: a mutation sent with a user's access
 * token runs only while the session (`sid`, the refresh-token family) the
 * token belongs to is live. After a sign-out, "sign out everywhere" or a
 * revocation (role change, removal), the session's remaining access tokens
 * can still read until they expire (ACCESS_TOKEN_TTL_SECONDS), but no longer
 * write. One primary-key read per mutation; queries pay nothing.
 */
import { GraphQLError, getOperationAST } from "postgraphile/graphql";
import type { ServerContext } from "../context";
import { SESSION_ENDED_MESSAGE, sessionIsLive } from "./sessions";

export function sessionCheckPlugin(ctx: ServerContext): GraphileConfig.Plugin {
  return {
    name: "LogicSpikeSessionCheckPlugin",
    version: "1.0.0",
    grafast: {
      middleware: {
        execute(next, { args }) {
          const settings = (args.contextValue as { pgSettings?: Record<string, string> } | undefined)?.pgSettings;
          const sessionId = settings?.["jwt.claims.session_id"];
          const userId = settings?.["jwt.claims.user_id"];
          if (!sessionId || !userId || getOperationAST(args.document, args.operationName)?.operation !== "mutation") return next();
          return sessionIsLive(ctx.rootPgPool, sessionId, userId).then(
            (live) => (live ? next() : { errors: [new GraphQLError(SESSION_ENDED_MESSAGE, { extensions: { code: "BADTK" } })] }),
            // Database unreachable (or any other failure): an error result maskError codes (DBDWN → 503), never a throw.
            (err: unknown) => ({ errors: [new GraphQLError(String((err as Error)?.message ?? err), { originalError: err as Error })] }),
          );
        },
      },
    },
  };
}
