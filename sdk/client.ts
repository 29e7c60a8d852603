/**
 * A small typed client for the generated documents. Each request carries the
 * document's hash as `documentId` (what production's trusted-documents mode
 * accepts) and its text as `query` (what development runs), so the same code
 * works against both. Errors come back as SdkError with the server's code.
 */
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

export interface SdkErrorDetail {
  message: string;
  code?: string;
  path?: ReadonlyArray<string | number>;
}

export class SdkError extends Error {
  readonly code: string | undefined;
  readonly status: number;
  readonly errors: SdkErrorDetail[];
  constructor(status: number, errors: SdkErrorDetail[]) {
    super(errors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message)).join("; ") || `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    this.code = errors[0]?.code;
  }
}

export interface ClientOptions {
  /** Base URL of the LogicSpike server, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Access token (or API key) for each request; omit for anonymous calls. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
}

type Hashed = { __meta__?: { hash?: string } };

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const texts = new WeakMap<object, string>();
  const textOf = (doc: object) => {
    let text = texts.get(doc);
    if (text === undefined) texts.set(doc, (text = print(doc as TypedDocumentNode)));
    return text;
  };
  return {
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]): Promise<TResult> {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      const res = await doFetch(`${options.url.replace(/\/$/, "")}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ documentId: (document as Hashed).__meta__?.hash, query: textOf(document), variables: variables ?? {} }),
      });
      const body = (await res.json().catch(() => ({}))) as { data?: TResult; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }> };
      if (body.errors?.length || !body.data) {
        throw new SdkError(res.status, (body.errors ?? [{ message: `HTTP ${res.status}` }]).map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })));
      }
      return body.data;
    },
  };
}

export type Client = ReturnType<typeof createClient>;
