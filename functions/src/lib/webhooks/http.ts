/**
 * One webhook POST: keep-alive agents whose `lookup` is the SSRF guard, an
 * overall deadline covering connect, headers and body (a hanging or dripping
 * endpoint is cut there), a cap on response bytes, and no redirects followed
 * (a 3xx is a failure, so a redirect to 169.254.169.254 goes nowhere).
 */
import http from "node:http";
import https from "node:https";
import { Allowlist, assertUrlAllowed, safeLookup } from "./ssrf";

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  ok: boolean;
  error: string | null;
  body: string;
}

export interface PostOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  allowedHosts: readonly string[];
}

/** Idle keep-alive sockets are dropped after this long. */
export const IDLE_SOCKET_MS = 4000;

const agents = new Map<string, { allow: Allowlist; http: http.Agent; https: https.Agent; checked: Map<string, URL | Error> }>();

/** Agents per allowlist (config rarely changes; tests switch it). keepAlive: one connection per endpoint is reused across deliveries. */
export function agentsFor(allowedHosts: readonly string[]) {
  const key = allowedHosts.join(" ");
  let entry = agents.get(key);
  if (!entry) {
    const allow = new Allowlist(allowedHosts);
    const common = {
      keepAlive: true,
      maxSockets: 64,
      // Idle connections are closed before the usual server keep-alive timeouts (Node's own is 5 s), so we rarely
      // write to a socket the receiver has just closed; postWebhook retries once when that still happens.
      timeout: IDLE_SOCKET_MS,
      lookup: safeLookup(allow) as unknown as http.AgentOptions["lookup"],
    };
    entry = { allow, http: new http.Agent(common), https: new https.Agent(common), checked: new Map() };
    agents.set(key, entry);
  }
  return entry;
}

export function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, opts: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const done = (r: SendResult): PostResult => ({
    ...r,
    durationMs: Math.round(performance.now() - started),
    ok: r.error === null && r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300,
  });
  const { allow, http: httpAgent, https: httpsAgent, checked } = agentsFor(opts.allowedHosts);
  // The static checks of a URL (scheme, credentials, literal address) are made once per URL and allowlist;
  // names are checked at every connect (safeLookup).
  let url = checked.get(rawUrl);
  if (!url) {
    try {
      url = new URL(rawUrl);
      assertUrlAllowed(url, allow);
    } catch (err) {
      url = err as Error;
    }
    if (checked.size >= 10_000) checked.clear();
    checked.set(rawUrl, url);
  }
  if (url instanceof Error) return Promise.resolve(done({ statusCode: null, error: url.message, body: "" }));
  const deadline = Date.now() + opts.timeoutMs;
  return send(url, headers, body, opts, deadline, url.protocol === "https:" ? httpsAgent : httpAgent).then((r) => done(r));
}

type SendResult = Omit<PostResult, "durationMs" | "ok">;

/**
 * One request, finished by `deadline`. A keep-alive socket the receiver closed
 * while it sat idle fails at once (ECONNRESET/EPIPE before any response): the
 * request is sent once more on a new connection (Node's documented
 * `reusedSocket` pattern; should the receiver have seen the first one after
 * all, the copy has the same webhook-id). Anything else is the attempt's
 * outcome.
 */
function send(url: URL, headers: Record<string, string>, body: string, opts: PostOptions, deadline: number, agent: http.Agent, retried = false): Promise<SendResult> {
  return new Promise((resolve) => {
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).subarray(0, opts.maxResponseBytes).toString("utf8");
      let err = error;
      if (!err && statusCode !== null && statusCode >= 300 && statusCode < 400) err = `Redirect (${statusCode}) not followed`;
      resolve({ statusCode, error: err, body: text });
    };
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "user-agent": "LogicSpike-Webhooks/1", "content-length": String(Buffer.byteLength(body)), ...headers },
    });
    const timer = setTimeout(() => {
      finish(`Timed out after ${opts.timeoutMs} ms`);
      req.destroy();
    }, Math.max(0, deadline - Date.now()));
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (!settled && !retried && req.reusedSocket && statusCode === null && (err.code === "ECONNRESET" || err.code === "EPIPE")) {
        settled = true;
        clearTimeout(timer);
        resolve(send(url, headers, body, opts, deadline, agent, true));
        return;
      }
      finish(err.message || String(err));
    });
    req.on("response", (res) => {
      statusCode = res.statusCode ?? null;
      res.on("data", (chunk: Buffer) => {
        if (size < opts.maxResponseBytes) chunks.push(chunk);
        size += chunk.length;
        // Enough for the record: stop reading (and drop the connection) rather than buffer a huge body.
        if (size >= opts.maxResponseBytes) {
          finish(null);
          res.destroy();
        }
      });
      res.on("end", () => finish(null));
      res.on("error", (err) => finish(err.message));
      res.on("aborted", () => finish("Response aborted"));
    });
    req.end(body);
  });
}
