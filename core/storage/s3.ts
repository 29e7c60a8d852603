/**
 * S3-compatible backend through @aws-sdk/client-s3 (AWS, MinIO, R2, s3rver in the tests). Objects are
 * `<bucket>/<tenant id>/<file id>`. Checksums are computed and validated only when an operation requires
 * them: the SDK's default CRC32 trailers are not understood by every S3-compatible server, and the files
 * table keeps (and the server checks) its own SHA-256 anyway.
 */
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NotFound, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { PassThrough, Readable } from "node:stream";
import { assertFileKey, assertKey, type ByteRange, type ObjectHead, type PresignPutOptions, type StorageBackend, VARIANTS_SUFFIX } from "./backend";

export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

const missing = (err: unknown) =>
  err instanceof NoSuchKey || err instanceof NotFound || (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404);

export class S3Backend implements StorageBackend {
  readonly kind = "s3" as const;
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: S3Options) {
    this.bucket = opts.bucket;
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.accessKeyId && opts.secretAccessKey ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } : undefined,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Readable, opts: { contentType?: string } = {}): Promise<number> {
    assertKey(key);
    // PutObject needs a length up front; a stream of unknown length is buffered here. Large files go
    // through presigned PUTs (the client talks to S3 directly), so this path serves small uploads only.
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: opts.contentType }));
    return bytes.length;
  }

  async get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null> {
    assertKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({
        Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }));
      const body = out.Body instanceof Readable ? out.Body : Readable.from([]).pipe(new PassThrough());
      return { body, size: Number(out.ContentLength ?? 0) };
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<ObjectHead | null> {
    assertKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: Number(out.ContentLength ?? 0), contentType: out.ContentType };
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deleteVariants(key: string): Promise<void> {
    assertFileKey(key);
    // A file has a bounded number of variants; one DeleteObject each (every S3-compatible server has it,
    // unlike the multi-object DeleteObjects with its required checksum), a page of keys at a time.
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${key}${VARIANTS_SUFFIX}`, ContinuationToken: token }));
      await Promise.all((page.Contents ?? []).map((o) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: o.Key! }))));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async presignPut(key: string, opts: PresignPutOptions): Promise<string> {
    assertKey(key);
    // Content-Length and the SHA-256 stay signed headers (not hoisted into the query), so S3 refuses a
    // body of another size or other bytes (BadDigest); the server checks both again on confirm anyway.
    return getSignedUrl(this.client, new PutObjectCommand({
      Bucket: this.bucket, Key: key, ContentType: opts.contentType, ContentLength: opts.contentLength,
      ChecksumSHA256: opts.checksumSha256 ? Buffer.from(opts.checksumSha256, "hex").toString("base64") : undefined,
    }), { expiresIn: opts.expiresIn, unhoistableHeaders: new Set(["x-amz-checksum-sha256"]) });
  }

  async presignGet(key: string, opts: { expiresIn: number; contentDisposition?: string }): Promise<string> {
    assertKey(key);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: opts.contentDisposition }), { expiresIn: opts.expiresIn });
  }
}
