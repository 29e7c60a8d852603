/**
 * A real server (same makeServer as `npm start`) on a random port against a
 * test database, and a small GraphQL-over-HTTP client for it.
 */
import type { AddressInfo } from "node:net";
import { makeServer, type LogicSpikeServer } from "../../server/src/app";
import { loadConfig } from "../../core/config";
import type { TestDatabase } from "./db";

export interface TestServer {
  url: string;
  srv: LogicSpikeServer;
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  /** POST JSON (or a raw string body) to a REST route. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }>;
  };
}

export async function startTestServer(db: Pick<TestDatabase, "urls">, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const srv = await makeServer(config, db.urls);
  await new Promise<void>((resolve) => srv.server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(srv.server.address() as AddressInfo).port}`;
  return {
    url,
    srv,
    async post(path, body, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = { raw: text };
      }
      return { status: res.status, headers: res.headers, body: json };
    },
    async graphql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse["body"] };
    },
    close: () => srv.close(),
  };
}
