/**
 * The real type of an upload, from its first bytes (file-type), never from its name. A declared type is
 * only trusted for text, which has no magic number: then the bytes must look like text (no NUL, valid
 * UTF-8). A declared binary type the bytes do not show, or a known type other than the declared one, is a
 * disguised file: BADTY.
 */
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../../core/errors";

/** file-type needs at most this many leading bytes. */
export const SNIFF_BYTES = 4100;

const TEXTUAL = /^(text\/[a-z0-9.+-]+|application\/(json|xml|csv|x-ndjson|javascript)|image\/svg\+xml)$/;

/** The media type alone, lowercase: `Text/Plain; charset=x` → `text/plain`. */
export const clean = (declared: string | undefined) => (declared ?? "").split(";")[0].trim().toLowerCase();
const isOctet = (t: string) => t === "" || t === "application/octet-stream";

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // Cut at most 3 bytes of a character split at the end of the sample before checking UTF-8.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      /* try a shorter sample */
    }
  }
  return head.length === 0;
}

export async function sniffContentType(head: Buffer, declared: string | undefined): Promise<string> {
  const want = clean(declared);
  const found = (await fileTypeFromBuffer(head))?.mime;
  if (found) {
    if (!isOctet(want) && want !== found) {
      throw new AppError("BADTY", `The file's content is ${found}, not the declared ${want}.`);
    }
    return found;
  }
  if (TEXTUAL.test(want)) {
    if (!looksLikeText(head)) throw new AppError("BADTY", `The file's content is not ${want} (it is not text).`);
    return want;
  }
  if (!isOctet(want)) throw new AppError("BADTY", `The file's content is not ${want}.`);
  return looksLikeText(head) && head.length > 0 ? "text/plain" : "application/octet-stream";
}

/** Whether type is allowed by a list of exact types and `family/*` entries (empty = anything). */
export function typeAllowed(type: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const family = `${type.split("/")[0]}/*`;
  return allowed.some((a) => a === type || a === family);
}
