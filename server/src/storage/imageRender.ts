/**
 * Renders image variants with sharp and caches them in the storage backend (docs/storage.md#image-variants).
 * The work is bounded four ways: the input's stored size (STORAGE_IMAGE_MAX_INPUT_BYTES, checked before
 * reading) and its pixels (STORAGE_IMAGE_MAX_INPUT_PIXELS, read from the header before decoding, and
 * sharp's limitInputPixels behind that), the output's dimensions (variants.ts), and the renders running at
 * once (STORAGE_IMAGE_CONCURRENCY, with STORAGE_IMAGE_QUEUE waiting; past that IMBSY at once, so a burst
 * costs memory for the queue only). Equal requests arriving together share one render.
 *
 * Animated GIF and WebP inputs give a still of their first frame: sharp reads one page, so the frame
 * count never multiplies the work.
 */
import { Readable } from "node:stream";
import sharp from "sharp";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import { OUTPUT, type RenderPlan } from "./variants";

type Limits = Pick<Config["storage"], "imageMaxInputPixels" | "imageMaxInputBytes" | "imageConcurrency" | "imageQueue">;

const tooBig = (what: string) => new AppError("IMBIG", `This image is too large to transform (${what}).`);
const undecodable = () => new AppError("IMBAD", "The stored image could not be decoded, so it has no variants.");

export class ImageRenderer {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly inflight = new Map<string, Promise<number>>();

  constructor(private readonly backend: StorageBackend, private readonly limits: Limits) {}

  /** Refuses a stored file too large to render from, before anything is read (a cached variant included). */
  checkInput(sizeBytes: number): void {
    if (sizeBytes > this.limits.imageMaxInputBytes) throw tooBig(`${sizeBytes} bytes; at most ${this.limits.imageMaxInputBytes}`);
  }

  /** The cached variant's size, rendering it from the object at sourceKey and storing it first when it is not cached. */
  async ensure(sourceKey: string, plan: RenderPlan): Promise<{ size: number; cached: boolean }> {
    const head = await this.backend.head(plan.key);
    if (head) return { size: head.size, cached: true };
    let pending = this.inflight.get(plan.key);
    if (!pending) {
      pending = this.renderAndStore(sourceKey, plan).finally(() => this.inflight.delete(plan.key));
      this.inflight.set(plan.key, pending);
    }
    return { size: await pending, cached: false };
  }

  /** A slot is handed from one render to the next waiting one directly, so `active` never passes the cap. */
  private async acquire(): Promise<void> {
    if (this.active < this.limits.imageConcurrency) {
      this.active++;
      return;
    }
    if (this.waiting.length >= this.limits.imageQueue) {
      throw new AppError("IMBSY", "Too many image variants are being rendered right now; try again in a moment.");
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private async renderAndStore(sourceKey: string, plan: RenderPlan): Promise<number> {
    await this.acquire();
    try {
      const object = await this.backend.get(sourceKey);
      if (!object) throw new AppError("NTFND", "There is no such file, or it is not ready for download.");
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of object.body) {
        read += (chunk as Buffer).length;
        // The row's size was checked; this holds the line even if the stored object is not what the row says.
        if (read > this.limits.imageMaxInputBytes) {
          object.body.destroy();
          throw tooBig(`more than ${this.limits.imageMaxInputBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      const out = await this.render(Buffer.concat(chunks), plan);
      await this.backend.put(plan.key, Readable.from([out]), { contentType: OUTPUT[plan.format].type });
      return out.length;
    } finally {
      this.release();
    }
  }

  private async render(input: Buffer, plan: RenderPlan): Promise<Buffer> {
    const max = this.limits.imageMaxInputPixels;
    const image = sharp(input, { limitInputPixels: max, animated: false });
    // The header alone says how large the image is: a decompression bomb is refused before it is decoded.
    const meta = await image.metadata().catch((err: Error) => {
      throw /pixel limit/i.test(err.message) ? tooBig(`more than ${max} pixels`) : undecodable();
    });
    if (!meta.width || !meta.height) throw undecodable();
    if (meta.width * meta.height > max) throw tooBig(`${meta.width} × ${meta.height} pixels; at most ${max}`);
    // rotate(): upright by its EXIF orientation; sharp writes no metadata (no EXIF, no GPS) unless asked to.
    let pipeline = image.rotate();
    if (plan.width !== undefined || plan.height !== undefined) {
      pipeline = pipeline.resize({
        width: plan.width, height: plan.height, fit: plan.fit, withoutEnlargement: true,
        background: { r: 255, g: 255, b: 255, alpha: plan.format === "jpeg" ? 1 : 0 },
      });
    }
    if (plan.format === "jpeg") pipeline = pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: plan.quality });
    else if (plan.format === "webp") pipeline = pipeline.webp({ quality: plan.quality });
    // effort 2 (of 0–9; sharp's default is 4): an order of magnitude faster on detailed images, a little larger.
    else if (plan.format === "avif") pipeline = pipeline.avif({ quality: plan.quality, effort: 2 });
    else pipeline = pipeline.png();
    try {
      return await pipeline.toBuffer();
    } catch (err) {
      if (/pixel limit/i.test((err as Error).message)) throw tooBig(`more than ${max} pixels`);
      throw undecodable();
    }
  }
}
