/**
 * Image variants (docs/storage.md#image-variants): what a transform is, how it is spelled in a URL, and
 * where its rendering is cached. A transform is `width`, `height`, `fit` (cover/contain/inside), `format`
 * (webp/avif/jpeg/png) and `quality` (1–100), each optional, at least one given.
 *
 * One spelling per transform (canonicalQuery): the signed URL of a private file carries it and its
 * signature covers it, so changing any parameter breaks the link; a public file's stable URL takes the
 * parameters unsigned but snapped to a fixed ladder (snapPublic), so nobody can make the server render
 * more than a bounded number of distinct variants of a file. The cache key hashes the original's SHA-256
 * with the transform as resolved for its type (resolve), so equal requests share one stored variant and
 * a variant never outlives the bytes it was made from.
 */
import { createHash } from "node:crypto";
import { AppError } from "../../../core/errors";
import { variantKey } from "../../../core/storage";

export const FITS = ["cover", "contain", "inside"] as const;
export const FORMATS = ["webp", "avif", "jpeg", "png"] as const;
export type Fit = (typeof FITS)[number];
export type OutputFormat = (typeof FORMATS)[number];

export interface Transform {
  width?: number;
  height?: number;
  fit?: Fit;
  format?: OutputFormat;
  quality?: number;
}

/** The query parameters a transform is made of; any other (but exp, sig and download) is refused. */
export const TRANSFORM_PARAMS = ["width", "height", "fit", "format", "quality"] as const;

/** Types a variant is rendered from (sniffed at upload), and the format a transform without one gives. */
export const INPUT_TYPES: Record<string, OutputFormat> = {
  "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp", "image/avif": "avif",
  // A GIF's variant is a still of its first frame (sharp reads one page), so PNG keeps it lossless.
  "image/gif": "png",
};
export const OUTPUT: Record<OutputFormat, { type: string; ext: string }> = {
  webp: { type: "image/webp", ext: "webp" }, avif: { type: "image/avif", ext: "avif" },
  jpeg: { type: "image/jpeg", ext: "jpg" }, png: { type: "image/png", ext: "png" },
};
export const DEFAULT_QUALITY = 80;
/** Parse limit only; the real bound is STORAGE_IMAGE_MAX_DIMENSION (checkSigned, snapPublic). */
const MAX_PARSED = 100_000;

const bad = (message: string) => new AppError("IMARG", message);

/** In a URL query a number is its decimal digits; in JSON, a number. */
const numberOf = (v: unknown, fromQuery: boolean) => (fromQuery && typeof v === "string" && /^[0-9]{1,6}$/.test(v) ? Number(v) : v);

function dimension(name: string, v: unknown, fromQuery: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = numberOf(v, fromQuery);
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_PARSED) throw bad(`${name} is a whole number of pixels, at least 1.`);
  return n;
}

/**
 * A transform from a JSON object (numbers) or, fromQuery, a URL query (decimal strings). Throws IMARG for an unknown, repeated
 * or malformed parameter, or none at all. Normalised: `fit` is kept only with both width and height (alone,
 * every fit gives the same image) and is then `cover` unless given.
 */
export function parseTransform(raw: unknown, fromQuery = false): Transform {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("transform is an object of width, height, fit, format and quality.");
  const input = raw as Record<string, unknown>;
  for (const k of Object.keys(input)) {
    if (!(TRANSFORM_PARAMS as readonly string[]).includes(k)) throw bad(`${k} is not an image transform parameter (width, height, fit, format, quality).`);
  }
  const t: Transform = { width: dimension("width", input.width, fromQuery), height: dimension("height", input.height, fromQuery) };
  if (input.fit !== undefined) {
    if (!(FITS as readonly unknown[]).includes(input.fit)) throw bad("fit is cover, contain or inside.");
    t.fit = input.fit as Fit;
  }
  if (input.format !== undefined) {
    if (!(FORMATS as readonly unknown[]).includes(input.format)) throw bad("format is webp, avif, jpeg or png.");
    t.format = input.format as OutputFormat;
  }
  if (input.quality !== undefined) {
    const q = numberOf(input.quality, fromQuery);
    if (typeof q !== "number" || !Number.isInteger(q) || q < 1 || q > 100) throw bad("quality is a whole number from 1 to 100.");
    t.quality = q;
  }
  if (t.width === undefined && t.height === undefined && !t.format && t.quality === undefined) {
    throw bad("Give at least one of width, height, format and quality.");
  }
  if (t.width !== undefined && t.height !== undefined) t.fit ??= "cover";
  else delete t.fit;
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as Transform;
}

/** The one spelling of a transform, in TRANSFORM_PARAMS order: what a signature covers and a URL carries. */
export function canonicalQuery(t: Transform): string {
  return TRANSFORM_PARAMS.filter((k) => t[k] !== undefined).map((k) => `${k}=${t[k]}`).join("&");
}

/** A signed transform is exact: larger than the server renders is refused, never silently changed. */
export function checkSigned(t: Transform, maxDimension: number): Transform {
  for (const k of ["width", "height"] as const) {
    if ((t[k] ?? 0) > maxDimension) throw bad(`${k} is at most ${maxDimension} pixels on this server.`);
  }
  return t;
}

/** Widths and heights a public URL can render (each up to STORAGE_IMAGE_MAX_DIMENSION, which is the last step). */
const LADDER = [16, 32, 64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096];
/** Qualities a public URL can render (up to the next one). */
const QUALITIES = [50, 80, 100];

/**
 * A public transform, snapped: width and height up to the next step of the ladder (past the maximum: the
 * maximum), quality up to 50, 80 or 100. With the default maximum (12 steps a side, 3 fits, 4 formats)
 * that is under 5 000 distinct variants per file, whatever URLs are requested.
 */
export function snapPublic(t: Transform, maxDimension: number): Transform {
  const steps = [...LADDER.filter((s) => s < maxDimension), maxDimension];
  const snap = (n: number | undefined) => (n === undefined ? undefined : (steps.find((s) => s >= n) ?? maxDimension));
  const out: Transform = { ...t, width: snap(t.width), height: snap(t.height) };
  if (t.quality !== undefined) out.quality = QUALITIES.find((q) => q >= t.quality!)!;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Transform;
}

/** What is rendered for one file: the transform with the output format and quality decided. */
export interface RenderPlan {
  width?: number;
  height?: number;
  fit: Fit;
  format: OutputFormat;
  /** undefined for PNG (lossless). */
  quality?: number;
  /** Where the rendering is cached: `<tenant>/<file>.variants/<hash>`; the hash is also its ETag. */
  key: string;
  hash: string;
}

/** The plan for a file stored at storageKey with this checksum and (image) type; null for a type with no variants. */
export function resolve(t: Transform, file: { storage_key: string; checksum_sha256: string; content_type: string }): RenderPlan | null {
  const fallback = INPUT_TYPES[file.content_type];
  if (!fallback) return null;
  const format = t.format ?? fallback;
  const quality = format === "png" ? undefined : (t.quality ?? DEFAULT_QUALITY);
  const resolved: Transform = { width: t.width, height: t.height, fit: t.fit ?? "cover", format, quality };
  // v1: bump when the rendering itself changes (another sharp pipeline), so old cached variants are not reused.
  const hash = createHash("sha256").update(`v1\n${file.checksum_sha256}\n${canonicalQuery(resolved)}`).digest("hex");
  return { width: t.width, height: t.height, fit: resolved.fit!, format, quality, key: variantKey(file.storage_key, hash), hash };
}

/** The variant's name for Content-Disposition: the file's name with the output format's extension. */
export function variantName(name: string, format: OutputFormat): string {
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, "") || name}.${OUTPUT[format].ext}`;
}
