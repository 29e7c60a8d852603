/**
 * Top self-time costs of a V8 .cpuprofile: by function (name + file:line) and by package
 * (node_modules/<pkg>, our own folders, node: internals), as shares of the sampled time that was not idle.
 * `tsx bench/profile/summarise.ts <file.cpuprofile> [top]`; `… <file> <functionName>` lists who calls
 * it; `… <file> /<regexp>` gives the inclusive time of the frames whose file matches.
 */
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function where(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const own = /\/work\/main\/([^/]+\/(?:src\/)?[^/]+)/.exec(url) ?? /\/((?:server|core|bench|test)\/[^?]*)/.exec(url);
  if (own) return own[1];
  return url ? url : "(native/vm)";
}

/** `requests`: how many requests the profiled window served, to print µs per request next to each share. */
export function summarise(file: string, top = 25, requests?: number): string {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || "(anonymous)";
    if (name === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const short = n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/(work\/main|tmp\/b\/wt)\//, "");
    const key = `${name}  ${short}:${n.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const w = ["(garbage collector)", "(program)"].includes(name) ? name : where(n.callFrame.url);
    pkg.set(w, (pkg.get(w) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %${requests ? ` ${(us / requests).toFixed(1).padStart(6)} µs/req` : ""}`;
  const lines = [`${file}: ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle${requests ? `, ${requests} requests, ${(busy / requests).toFixed(0)} µs busy per request` : ""}`, "", "By package / folder (self time):"];
  for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  lines.push("", "By function (self time):");
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  return lines.join("\n");
}


/** Who calls `fnName` (self time of that function, by the chain of its callers up to `depth`). */
export function callers(file: string, fnName: string, depth = 6, top = 8): string {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const chains = new Map<string, number>();
  for (const [id, us] of self) {
    if (byId.get(id)!.callFrame.functionName !== fnName) continue;
    const chain: string[] = [];
    let cur = parent.get(id);
    while (cur !== undefined && chain.length < depth) {
      const f = byId.get(cur)!.callFrame;
      chain.push(`${f.functionName || "(anon)"}@${f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/(work\/main|tmp\/b\/wt)\//, "")}:${f.lineNumber + 1}`);
      cur = parent.get(cur);
    }
    const k = chain.join(" < ");
    chains.set(k, (chains.get(k) ?? 0) + us);
  }
  return [...chains].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join("\n");
}

/** Inclusive time of frames whose file matches `pattern` (each sample counted once per distinct frame on its stack). */
export function inclusive(file: string, pattern: RegExp, top = 30): string {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let busy = 0;
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    busy += us;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!pattern.test(f.url)) continue;
      const k = `${f.functionName || "(anon)"}  ${f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/(work\/main|tmp\/b\/wt)\//, "")}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  }
  return [...incl].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`).join("\n");
}

if (require.main === module) {
  const [file, arg] = process.argv.slice(2);
  if (arg?.startsWith("/")) console.log(inclusive(file, new RegExp(arg.slice(1))));
  else console.log(arg && isNaN(Number(arg)) ? callers(file, arg) : summarise(file, Number(arg || 25)));
}
