/**
 * What every way of uploading checks the same way (multipartUpload.ts, uploadSlots.ts, localUpload.ts):
 * who may upload, the workspace's size limit and type allow-list, and the bytes' size, SHA-256 and first
 * bytes for sniffing, counted as they stream past.
 */
import { createHash, type Hash } from "node:crypto";
import type { Request } from "express";
import type { PoolClient } from "pg";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { VerifiedIdentity } from "../../../core/tenancy";
import { SNIFF_BYTES } from "./contentType";

/** The caller, when it may upload here: LOGIN without one, DNIED without storage:files.write in a workspace. */
export function uploaderOf(req: Request): VerifiedIdentity {
  const identity = req.auth;
  if (!identity) throw new AppError("LOGIN", "Sign in to upload files (send a Bearer access token).");
  if (!identity.tenantId || !identity.permissions.includes("storage:files.write")) {
    throw new AppError("DNIED", "You need the storage:files.write permission in this workspace to upload files.");
  }
  return identity;
}

export interface UploadRules {
  /** The workspace's own limit, else STORAGE_MAX_FILE_BYTES. */
  maxFileBytes: number;
  /** Empty: every type. */
  allowedTypes: string[];
}

/** The workspace's rules as they are now, read under the caller's request role (`c` from asRequestRole). */
export async function readUploadRules(c: PoolClient, config: Config): Promise<UploadRules> {
  const { rows } = await c.query<{ max_file_bytes: string | null; allowed_types: string[] }>("select max_file_bytes, allowed_types from app_public.storage_settings");
  const rules = rows[0];
  return { maxFileBytes: rules?.max_file_bytes ? Number(rules.max_file_bytes) : config.storage.maxFileBytes, allowedTypes: rules?.allowed_types ?? [] };
}

export const tooLarge = (rules: UploadRules) => new AppError("TOOLG", `The file is larger than this workspace accepts (${rules.maxFileBytes} bytes).`);

/** Size, SHA-256 and the first SNIFF_BYTES of the chunks added, in one pass. */
export class ByteTally {
  size = 0;
  head = Buffer.alloc(0);
  private readonly hash: Hash = createHash("sha256");

  add(chunk: Buffer): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
  }

  /** Hex; call once, after the last chunk. */
  sha256(): string {
    return this.hash.digest("hex");
  }
}
