/**
 * The HTTP semantics of a download (RFC 9110): one byte range, conditional requests on the ETag, and a
 * Content-Disposition that a file name cannot break out of. Pure functions, used by downloadObject.ts.
 */

export type RangeAnswer = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/**
 * `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` (the last n bytes) against a file of size bytes. Anything
 * else is ignored and the whole file is sent, as RFC 9110 §14.2 allows: other units, malformed values,
 * `b < a`, and several ranges (multipart/byteranges is not offered; `Accept-Ranges: bytes` still holds).
 * A well-formed range that no byte satisfies (it starts at or after the end, or `bytes=-0`) is refused.
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: "full" };
  const m = /^bytes=[ \t]*([0-9]{0,15})[ \t]*-[ \t]*([0-9]{0,15})[ \t]*$/i.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return { kind: "full" };
  if (m[1] === "") {
    const last = Number(m[2]);
    if (last === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - last), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== "" && Number(m[2]) < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1) };
}

/** If-None-Match against our (strong) ETag, by weak comparison as §13.1.2 says: `*`, or any listed tag. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** If-Range: the range applies only when the validator is our ETag exactly (strong) or our Last-Modified date. */
export function rangeStillValid(header: string | undefined, etag: string, lastModified: string): boolean {
  if (header === undefined) return true;
  const v = header.trim();
  return v === etag || v === lastModified;
}

/**
 * Types a browser may show in place: raster images, audio, video, PDF and plain text. Everything else
 * (HTML, SVG, XML, scripts…) is offered as a download, so a workspace's upload never renders as a page of
 * our origin; the response's sandboxing CSP backs this up.
 */
const INLINE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|application\/pdf|text\/plain)$/;

/**
 * `inline` or `attachment`, with the name twice (RFC 6266): an ASCII fallback in which quotes,
 * backslashes, `%` and non-ASCII become `_`, and the exact name percent-encoded as UTF-8 in `filename*`.
 * Names never contain control characters or `/` (the files table refuses them), so neither form can end
 * the header or name a path.
 */
export function contentDisposition(name: string, contentType: string, forceAttachment: boolean): string {
  const kind = !forceAttachment && INLINE.test(contentType) ? "inline" : "attachment";
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
