/**
 * A real local OpenID Connect provider for sign-in tests: discovery, JWKS,
 * /authorize (redirects straight back with a code) and /token issuing
 * RS256-signed ID tokens with the nonce and PKCE checks of a real provider.
 * It runs in a child process (see oidcMockServer.mjs); tests set the claims
 * of the next tokens with `configure`.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface OidcMock {
  /** Issuer URL (http://127.0.0.1:<port>). */
  issuer: string;
  /** Claims merged into every token signed from now on (sub, email, email_verified, name, nonce...). */
  configure(opts: { claims?: Record<string, unknown>; authorizeError?: string }): Promise<void>;
  /** How many token requests (code exchanges) the provider has answered. */
  tokenRequests(): Promise<number>;
  stop(): Promise<void>;
}

export async function startOidcMock(): Promise<OidcMock> {
  const child: ChildProcess = fork(path.join(__dirname, "oidcMockServer.mjs"), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the OIDC mock did not start")), 20_000);
    child.once("error", reject);
    child.on("message", (msg: { type?: string; url?: string }) => {
      if (msg.type === "ready") {
        clearTimeout(timer);
        resolve(msg.url!);
      }
    });
  });
  let nextId = 0;
  const ask = <T>(msg: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      const onMessage = (reply: { id?: number } & T) => {
        if (reply.id !== id) return;
        child.off("message", onMessage);
        resolve(reply);
      };
      child.on("message", onMessage);
      child.send({ ...msg, id });
    });
  return {
    issuer,
    configure: async (opts) => {
      await ask({ type: "configure", ...opts });
    },
    tokenRequests: async () => (await ask<{ tokenRequests: number }>({ type: "stats" })).tokenRequests,
    async stop() {
      child.disconnect();
      await exited;
    },
  };
}
