/**
 * The webhook HTTP client against real local TCP servers: a keep-alive
 * connection the receiver drops while it sits idle is retried once on a new
 * connection instead of failing the attempt; a receiver that drops every
 * request still fails it.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { agentsFor, postWebhook } from "../../functions/src/lib/webhooks/http";

const opts = { timeoutMs: 2000, maxResponseBytes: 1024, allowedHosts: ["127.0.0.1"] };
afterAll(() => agentsFor(opts.allowedHosts).http.destroy()); // its idle keep-alive sockets

/**
 * Answers the first request on each connection with 200 and keeps it open;
 * any later request on that same connection is reset (RST) unanswered, as a
 * server whose keep-alive timer fired just as the request arrived.
 */
async function resettingServer(resetEvery = false) {
  const connections: number[] = [];
  const server = net.createServer((socket) => {
    const index = connections.push(0) - 1;
    socket.on("data", (chunk) => {
      if (!chunk.toString("latin1").includes("\r\n\r\n")) return; // our bodies are small: one chunk
      connections[index]++;
      if (resetEvery || connections[index] > 1) return socket.resetAndDestroy();
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok");
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, connections, close: () => server.close() };
}

it("retries once, on a new connection, a request whose reused keep-alive socket the receiver reset", async () => {
  const server = await resettingServer();
  try {
    const first = await postWebhook(server.url, {}, "{}", opts);
    expect(first).toMatchObject({ ok: true, statusCode: 200 });
    const second = await postWebhook(server.url, {}, "{}", opts); // reuses the idle socket, which is reset
    expect(second).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(server.connections).toEqual([2, 1]); // reset on the first connection, answered on a second
  } finally {
    server.close();
  }
});

it("does not retry a reset on a new connection: that is the attempt's failure", async () => {
  const server = await resettingServer(true);
  try {
    const result = await postWebhook(server.url, {}, "{}", opts);
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/ECONNRESET|socket hang up/);
    expect(server.connections).toEqual([1]);
  } finally {
    server.close();
  }
});
