/**
 * One span per GraphQL operation, around Grafast's execution (docs/tracing.md). The OpenTelemetry GraphQL
 * instrumentation patches graphql-js's execute, which Grafast does not call, so this is a grafast `execute`
 * middleware instead: the span is a child of the HTTP request's span and the parent of the operation's
 * Postgres query spans (instrumentation-pg), because Grafast runs the plan inside this call's async context.
 * It also gives the HTTP span its route (`POST /graphql`). Subscriptions are not traced: a span for the life
 * of a WebSocket subscription tells nobody anything.
 * Only added to the preset when tracing is on (graphile.config.ts), so it costs nothing otherwise.
 */
import { getOperationAST, type ExecutionResult } from "postgraphile/graphql";
import { SpanKind, SpanStatusCode, setHttpRoute, startSpan } from "../../../core/tracing";

/** Operation names are client-chosen text; kept only when they look like GraphQL names, and bounded. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const graphqlTracingPlugin: GraphileConfig.Plugin = {
  name: "LogicSpikeGraphqlTracingPlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      processGraphQLRequestBody(next, event) {
        setHttpRoute(event.resolvedPreset.grafserv?.graphqlPath ?? "/graphql");
        return next();
      },
    },
  },
  grafast: {
    middleware: {
      execute(next, event) {
        const { document, operationName } = event.args;
        const op = getOperationAST(document, operationName ?? undefined);
        const type = op?.operation ?? "unknown";
        const name = op?.name?.value && NAME.test(op.name.value) ? op.name.value : undefined;
        // Semantic conventions: span name "<type> <name>", attributes graphql.operation.{type,name}.
        const { span, run } = startSpan(name ? `${type} ${name}` : type, {
          kind: SpanKind.INTERNAL,
          attributes: { "graphql.operation.type": type, ...(name ? { "graphql.operation.name": name } : {}) },
        });
        const finish = (result: unknown) => {
          const errors = (result as ExecutionResult | undefined)?.errors;
          if (errors?.length) {
            span.setAttribute("graphql.errors.count", errors.length);
            // A coded error (DNIED, NTFND…) is the client's, not ours: the span is marked only for uncoded ones.
            if (errors.some((e) => !e.extensions?.code)) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0].message });
          }
          span.end();
          return result;
        };
        const fail = (err: unknown): never => {
          span.recordException(err instanceof Error ? err : String(err));
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw err;
        };
        let result: ReturnType<typeof next>;
        try {
          result = run(next);
        } catch (err) {
          return fail(err);
        }
        // Grafast returns a value directly when nothing in the plan was asynchronous.
        if (result && typeof (result as PromiseLike<unknown>).then === "function") {
          return (result as Promise<unknown>).then(finish, fail) as ReturnType<typeof next>;
        }
        return finish(result) as ReturnType<typeof next>;
      },
    },
  },
};
