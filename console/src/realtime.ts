/**
 * GraphQL subscriptions over WebSocket (graphql-ws on /graphql, the server's
 * server/src/realtime): the access token goes in connection_init, read fresh
 * on every (re)connect, so a socket the server closed at token expiry
 * (4401 TKEXP) comes back with a refreshed one. Operations are the SDK's
 * documents, sent with their hash (extensions.persistedQuery), which is what
 * production's trusted-documents mode accepts.
 */
import { createClient, type Client } from "graphql-ws";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { session } from "./api";

let client: Client | null = null;

function realtime(): Client {
  client ??= createClient({
    url: `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`,
    lazy: true,
    connectionParams: async () => {
      const token = await session.token();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // Keep trying while the page is open (the server restarting, a network blip, an expired token).
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
  });
  return client;
}

/** Subscribes to an SDK subscription document; returns the unsubscribe function. */
export function subscribe<TResult>(document: TypedDocumentNode<TResult, Record<string, never>>, onData: (data: TResult) => void): () => void {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  return realtime().subscribe<TResult>(
    { query: print(document), extensions: hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined },
    { next: (r) => r.data && onData(r.data as TResult), error: () => undefined, complete: () => undefined },
  );
}

/** Drops the socket (sign-out, workspace switch: the next subscription connects with the new token). */
export function disconnect(): void {
  void client?.dispose();
  client = null;
}
