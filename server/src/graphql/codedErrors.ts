/**
 * Every GraphQL failure leaves with a registered `extensions.code`. Errors are
 * classified by where they were produced, not by their text:
 *
 *  - grafserv's parseAndValidate (through the setPreset event's
 *    getExecutionConfig, which HTTP and WebSocket both use): when it returns
 *    errors, parsing the document again tells a syntax error (SYNTX) from a
 *    validation error (GQVAL). Only on the error path, once per cached result.
 *  - grafast's execute/subscribe: errors without data from before planning
 *    are GraphQL's own operation selection (BADRQ: unknown operationName,
 *    several operations and none named) or variable coercion (BADVR); the
 *    public functions for those two steps are run again to tell which.
 *  - grafserv's request layer (content type, body shape, method, Accept,
 *    size) answers 4xx with uncoded errors that pass no hook and no
 *    maskError: processRequest codes those responses by status.
 *
 * Execution errors are coded (and masked) by makeMaskError in lib/errors.ts.
 */
import type { ExecutionConfig, Result } from "postgraphile/grafserv";
import { isAsyncIterable, isPromiseLike, type GrafastExecutionArgs } from "postgraphile/grafast";
import { getOperationAST, getVariableValues, parse, Source, type ExecutionResult, type GraphQLError } from "postgraphile/graphql";
import { ERROR_CODES, isErrorCode, withCode, type ErrorCode } from "../../../core/errors";

type ParseAndValidate = ExecutionConfig["parseAndValidate"];
type ParseAndValidateResult = ReturnType<ParseAndValidate>;

function parses(query: string): boolean {
  try {
    parse(new Source(query, "GraphQL HTTP Request"));
    return true;
  } catch {
    return false;
  }
}

/** grafserv caches parseAndValidate's result objects per document, so their coded copies are cached by identity. */
function codeParseAndValidate(inner: ParseAndValidate): ParseAndValidate {
  const coded = new WeakMap<ParseAndValidateResult, ParseAndValidateResult>();
  return (query) => {
    const result = inner(query);
    if (!result.errors) return result;
    let out = coded.get(result);
    if (!out) {
      const code: ErrorCode = parses(query) ? "GQVAL" : "SYNTX";
      out = { errors: result.errors.map((e) => withCode(e, code)) };
      coded.set(result, out);
    }
    return out;
  };
}

/** Which pre-planning step refused the operation: selecting it (BADRQ), coercing its variables (BADVR), or neither. */
function requestErrorCode(args: GrafastExecutionArgs): ErrorCode | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return "BADRQ";
  const { errors } = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 });
  return errors ? "BADVR" : undefined;
}

function codeExecutionResult<T>(result: T, args: GrafastExecutionArgs): T {
  if (!result || isAsyncIterable(result)) return result;
  const r = result as ExecutionResult & { errors?: GraphQLError[] };
  // Planning and execution errors come with data or are thrown from plans (originalError): maskError codes them.
  if (!r.errors?.length || r.data !== undefined) return result;
  const code = requestErrorCode(args);
  // In place: grafast's result object carries a prototype marker that a copy would lose.
  if (code) r.errors = r.errors.map((e) => withCode(e, code));
  return result;
}

/** The code for an uncoded error in a grafserv response with this status. */
const codeForStatus = (status: number): ErrorCode => (status === 413 ? "TOOBG" : status < 500 ? "BADRQ" : "INTRN");

interface ErrorsPayload {
  errors: Array<{ message?: string; extensions?: Record<string, unknown> }>;
}

/** A 4xx/5xx JSON response from grafserv with every error coded; the same result if nothing needed a code. */
function codeRefusal(result: Result | null): Result | null {
  if (!result || result.statusCode < 400 || (result.type !== "buffer" && result.type !== "json")) return result;
  if (!/json/i.test(String(result.headers["content-type"] ?? ""))) return result;
  let payload: ErrorsPayload | undefined;
  try {
    payload = (result.type === "json" ? result.json : JSON.parse(result.buffer.toString("utf8"))) as unknown as ErrorsPayload;
  } catch {
    return result;
  }
  if (!Array.isArray(payload?.errors) || payload.errors.every((e) => isErrorCode(e?.extensions?.code))) return result;
  const code = codeForStatus(result.statusCode);
  const errors = payload.errors.map((e) =>
    isErrorCode(e?.extensions?.code)
      ? e
      : { ...e, message: code === "TOOBG" ? ERROR_CODES.TOOBG.message : e.message, extensions: { ...e.extensions, code } },
  );
  const json = { ...payload, errors };
  if (result.type === "json") return { ...result, json: json as typeof result.json };
  const buffer = Buffer.from(JSON.stringify(json), "utf8");
  return { ...result, buffer, headers: { ...result.headers, "content-length": String(buffer.length) } };
}

export const CodedErrorsPlugin: GraphileConfig.Plugin = {
  name: "LogicSpikeCodedErrorsPlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      setPreset(next, event) {
        const inner = event.getExecutionConfig;
        const wrapped = new WeakMap<ParseAndValidate, ParseAndValidate>();
        const wrap = (config: ExecutionConfig): ExecutionConfig => {
          let parseAndValidate = wrapped.get(config.parseAndValidate);
          if (!parseAndValidate) wrapped.set(config.parseAndValidate, (parseAndValidate = codeParseAndValidate(config.parseAndValidate)));
          return { ...config, parseAndValidate };
        };
        event.getExecutionConfig = function (ctx) {
          const config = inner.call(this, ctx);
          return isPromiseLike(config) ? Promise.resolve(config).then(wrap) : wrap(config);
        };
        return next();
      },
      async processRequest(next) {
        return codeRefusal(await next());
      },
    },
  },
  grafast: {
    middleware: {
      execute(next, { args }) {
        const result = next();
        return isPromiseLike(result) ? Promise.resolve(result).then((r) => codeExecutionResult(r, args)) : codeExecutionResult(result, args);
      },
      subscribe(next, { args }) {
        const result = next();
        return isPromiseLike(result) ? Promise.resolve(result).then((r) => codeExecutionResult(r, args)) : codeExecutionResult(result, args);
      },
    },
  },
};
