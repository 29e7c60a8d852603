/**
 * The picture of a bench run: one horizontal bar per ratio, its goal as a
 * tick, the spread of its rounds (min–max of each round's own ratio) as a
 * whisker. Green: goal met; red: not met; grey: a reference figure or a ratio
 * with no goal. A hand-written SVG string, so no charting dependency.
 */
import { goalMet, type BenchResult } from "./lib";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function chartSvg(results: BenchResult[], title: string): string {
  const labelWidth = 560;
  const barWidth = 420;
  const row = 26;
  const top = 54;
  const height = top + results.length * row + 40;
  const width = labelWidth + barWidth + 150;
  // Scale: 0 to the largest of ratios, goals and round maxima, at least 1.2×, rounded up to 0.2.
  const max = Math.ceil(Math.max(1.2, ...results.flatMap((r) => [r.ratio, r.goal ?? 0, ...(r.roundRatios ?? [])])) * 5) / 5;
  const x = (v: number) => labelWidth + (Math.min(v, max) / max) * barWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">${esc(title)}</text>`,
    `<text x="12" y="40" fill="#555">bar: ratio (median of rounds) · tick: goal · whisker: min–max of the rounds · green met, red not met, grey reference / no goal</text>`,
  ];
  for (let v = 0; v <= max + 1e-9; v += 0.2) {
    const gx = x(v);
    parts.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + results.length * row}" stroke="${Math.abs(v - 1) < 1e-9 ? "#999" : "#eee"}"/>`);
    parts.push(`<text x="${gx}" y="${top + results.length * row + 16}" text-anchor="middle" fill="#555">${v.toFixed(1)}×</text>`);
  }
  results.forEach((r, i) => {
    const y = top + i * row;
    const met = goalMet(r);
    const color = met === undefined ? "#9e9e9e" : met ? "#2e7d32" : "#c62828";
    const label = r.scenario.length > 92 ? `${r.scenario.slice(0, 89)}…` : r.scenario;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end"><title>${esc(`${r.scenario}: ${r.value.toFixed(1)} ${r.metric} vs ${r.baselineName} ${r.baseline.toFixed(1)}`)}</title>${esc(label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, x(r.ratio) - labelWidth)}" height="${row - 10}" fill="${color}" opacity="0.85"/>`);
    if (r.roundRatios?.length) {
      const lo = x(Math.min(...r.roundRatios));
      const hi = x(Math.max(...r.roundRatios));
      const my = y + row / 2;
      parts.push(`<line x1="${lo}" y1="${my}" x2="${hi}" y2="${my}" stroke="#222"/><line x1="${lo}" y1="${my - 4}" x2="${lo}" y2="${my + 4}" stroke="#222"/><line x1="${hi}" y1="${my - 4}" x2="${hi}" y2="${my + 4}" stroke="#222"/>`);
    }
    if (r.goal !== undefined) parts.push(`<line x1="${x(r.goal)}" y1="${y + 1}" x2="${x(r.goal)}" y2="${y + row - 1}" stroke="#000" stroke-width="2.5"/>`);
    const text = `${r.ratio.toFixed(2)}×${r.goal !== undefined ? ` (goal ≥ ${r.goal}×)` : r.reference ? " (reference)" : ""}`;
    parts.push(`<text x="${labelWidth + barWidth + 8}" y="${y + 16}" fill="${color}">${esc(text)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
