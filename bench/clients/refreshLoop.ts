/**
 * Load client in its own process: each of N loops holds one session and
 * refreshes it for a warm-up of W seconds, then D measured seconds, always
 * sending the token it got back, so every request is a real rotation. Reads
 * {url, seconds, warmupSeconds?, tokens[]} as JSON on stdin, prints
 * {rate, errors, tokens} on stdout (rate counts the measured seconds only;
 * tokens: each chain's current token, so the next round can go on with it).
 */
import http from "node:http";

interface Input {
  url: string;
  seconds: number;
  warmupSeconds?: number;
  tokens: string[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function main() {
  let raw = "";
  for await (const chunk of process.stdin) raw += chunk;
  const input = JSON.parse(raw) as Input;
  const start = performance.now() + (input.warmupSeconds ?? 0) * 1000;
  const end = start + input.seconds * 1000;
  let done = 0;
  let errors = 0;
  const latest = [...input.tokens];
  await Promise.all(
    input.tokens.map(async (token, i) => {
      let current = token;
      while (performance.now() < end) {
        const res = await post(`${input.url}/auth/refresh`, JSON.stringify({ refreshToken: current }));
        if (res.status !== 200) {
          errors++;
          return;
        }
        current = latest[i] = (JSON.parse(res.text) as { refreshToken: string }).refreshToken;
        const now = performance.now();
        if (now > start && now <= end) done++;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ rate: done / input.seconds, errors, tokens: latest }));
  agent.destroy();
}

void main();
