/**
 * The HTML shell of the pages email links open, and the headers every page
 * answer carries. Pages are static markup plus one ES module each: no inline
 * script, handler or style attribute, so they run under the strict CSP below
 * (the same policy installSecurityHeaders sets for the whole server).
 */
import type { Response } from "express";
import type { Assets } from "./assets";

/** installSecurityHeaders' policy, restated: sent only if no Content-Security-Policy was set before (pages must never go without one). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Markup that is already safe; `html` escapes every interpolated value that is not one of these. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | Html[] | undefined | null | false;
const render = (part: Part): string =>
  part instanceof Html ? part.value : Array.isArray(part) ? part.map(render).join("") : part || part === 0 ? escapeHtml(String(part)) : "";

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ""), ""));
}

export interface PageOptions {
  title: string;
  body: Html;
  /** File in static/ that drives the page, e.g. "sign-in.js". */
  script?: string;
}

export function layout(assets: Assets, { title, body, script }: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · LogicSpike</title>
<link rel="stylesheet" href="${assets.url("pages.css")}">
${script ? html`<script type="module" src="${assets.url(script)}"></script>` : ""}
</head>
<body>
<main class="card" aria-labelledby="page-title">
<p class="brand"><a href="/">LogicSpike</a></p>
<h1 id="page-title">${title}</h1>
${script ? html`<noscript><p class="message error">This page needs JavaScript. Turn it on and reload the page.</p></noscript>` : ""}
${body}
</main>
</body>
</html>
`.value;
}

/**
 * The email-link pages carry tokens in their URL: no-referrer keeps them out
 * of Referer headers, no-store out of caches (the scripts also remove them
 * from the address bar). The CSP is only a fallback for the global one.
 */
export function sendPage(res: Response, page: string): void {
  res.set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" });
  if (!res.getHeader("content-security-policy")) res.set("content-security-policy", PAGE_CSP);
  res.send(page);
}
