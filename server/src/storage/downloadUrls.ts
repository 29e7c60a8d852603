/**
 * Download URLs (docs/storage.md#downloading). A private file is read through a short-lived signed URL,
 * `/storage/v1/object/sign/<tenant id>/<file id>?exp=<unix seconds>&sig=<base64url>`, whose signature is
 * HMAC-SHA256 over the workspace, the file and the expiry: changing any of them (another file's id,
 * another workspace, a later expiry) breaks it. A public file has a stable URL without a signature,
 * `/storage/v1/object/public/<tenant id>/<file id>`.
 *
 * The key is derived from the server's refresh-token secret (REFRESH_TOKEN_SECRET, or the generated one
 * outside production) with a fixed label, so no new secret has to be configured and the derived key is
 * useless for anything else; every server of a deployment shares it, and rotating that secret voids the
 * links in flight (they live minutes). Checking a signature is one HMAC and a constant-time compare, done
 * before any database read, so forged links cost no query.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../../../core/errors";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const SIGNED_PREFIX = "/storage/v1/object/sign";
export const PUBLIC_PREFIX = "/storage/v1/object/public";
/** Lifetime of a signed URL unless the caller asks for another one, and the longest it may ask for. */
export const DEFAULT_TTL_SECONDS = 300;
export const MAX_TTL_SECONDS = 7 * 86400;

/**
 * One HMAC signer per purpose: the key is derived from the server secret with the purpose's label, so a
 * download signature is never a valid upload signature (or the reverse), and the signed path names the
 * route it is for. Download links and local upload slots (uploadSlots.ts) share this code.
 */
export class PathSigner {
  private readonly key: Buffer;

  constructor(serverSecret: Buffer, label: string, private readonly prefix: string, private readonly noun: string) {
    this.key = createHmac("sha256", serverSecret).update(label).digest();
  }

  /** bound: more of the URL the signature covers (an image transform's canonical query), "" for none. */
  private mac(tenantId: string, fileId: string, exp: number, bound: string): Buffer {
    return createHmac("sha256", this.key).update(`${tenantId}\n${fileId}\n${exp}${bound ? `\n${bound}` : ""}`).digest();
  }

  /**
   * The path and query of a signed URL for the file, valid until exp (unix seconds). bound, a query string
   * (`width=200&format=webp`), goes into the URL before `exp` and is covered by the signature.
   */
  signedPath(tenantId: string, fileId: string, exp: number, bound = ""): string {
    return `${this.prefix}/${tenantId}/${fileId}?${bound ? `${bound}&` : ""}exp=${exp}&sig=${this.mac(tenantId, fileId, exp, bound).toString("base64url")}`;
  }

  /**
   * Throws SGBAD unless sig was made by this server for exactly (tenant, file, exp), then SGEXP when exp
   * has passed: the signature first, so a forged link learns nothing about expiry. bound is what the
   * request's URL says signedPath was given (recomputed by the caller from the query). Returns exp.
   */
  verify(tenantId: string, fileId: string, exp: unknown, sig: unknown, now = Date.now(), bound = ""): number {
    if (typeof exp !== "string" || !/^[0-9]{1,12}$/.test(exp) || typeof sig !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(sig)) {
      throw new AppError("SGBAD", `This ${this.noun} link is incomplete or malformed; ask for a new one.`);
    }
    // Compared as text, not decoded: a base64url string has spare bits, so only the one canonical spelling counts.
    const expected = Buffer.from(this.mac(tenantId, fileId, Number(exp), bound).toString("base64url"));
    if (!timingSafeEqual(Buffer.from(sig), expected)) {
      throw new AppError("SGBAD", `This ${this.noun} link's signature is not valid for this file.`);
    }
    if (Number(exp) * 1000 <= now) throw new AppError("SGEXP", `This ${this.noun} link has expired; ask for a new one.`);
    return Number(exp);
  }
}

export class DownloadSigner extends PathSigner {
  constructor(serverSecret: Buffer) {
    super(serverSecret, "logicspike:storage-download-url:v1", SIGNED_PREFIX, "download");
  }
}

export const publicPath = (tenantId: string, fileId: string) => `${PUBLIC_PREFIX}/${tenantId}/${fileId}`;

/**
 * Image variants (variants.ts): `/storage/v1/object/render/sign/<tenant>/<file>?<transform>&exp=…&sig=…`,
 * whose signature covers the transform too (another label, so a download signature never opens a render
 * and a render signature never opens the original), and the public files' `…/render/public/<tenant>/<file>?<transform>`.
 */
export const RENDER_SIGNED_PREFIX = "/storage/v1/object/render/sign";
export const RENDER_PUBLIC_PREFIX = "/storage/v1/object/render/public";

export class RenderSigner extends PathSigner {
  constructor(serverSecret: Buffer) {
    super(serverSecret, "logicspike:storage-render-url:v1", RENDER_SIGNED_PREFIX, "image");
  }
}

export const publicRenderPath = (tenantId: string, fileId: string, query: string) => `${RENDER_PUBLIC_PREFIX}/${tenantId}/${fileId}?${query}`;
