/**
 * What every way of uploading checks the same way (multipartUpload.ts, uploadSlots.ts, localUpload.ts, tusUpload.ts):
 * who may upload, the workspace's size limit and type allow-list, and the bytes' size, SHA-256 and first
 * bytes for sniffing, counted as they stream past.
 */
import { createHash, type Hash } from "node:crypto";
import type { Request } from "express";
import type { PoolClient } from "pg";
import type { Config } from "../../../core/config";
import { AppError } from "../../../core/errors";
import type { StorageBackend } from "../../../core/storage";
import type { VerifiedIdentity } from "../../../core/tenancy";
import { SNIFF_BYTES, typeAllowed } from "./contentType";

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

/** A declared content type (slot, tus metadata): type/subtype in the token characters of RFC 9110. */
export const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
/** The files table's bound on size_bytes (1 TiB). */
export const MAX_FILE_SIZE = 1099511627776;

/** BADTY unless the workspace accepts this (sniffed or declared) type. */
export function assertTypeAllowed(type: string, rules: UploadRules): void {
  if (!typeAllowed(type, rules.allowedTypes)) throw new AppError("BADTY", `This workspace does not accept ${type} files.`);
}

/**
 * What a declared upload (a slot, a tus creation) is checked against before anything is stored: its size
 * (TOOLG) and, when it names one, its type (BADTY). The sniffed type is checked again once the bytes exist.
 */
export function assertDeclaredUpload(rules: UploadRules, size: number, contentType: string): void {
  if (size > rules.maxFileBytes) throw tooLarge(rules);
  if (contentType !== "application/octet-stream") assertTypeAllowed(contentType, rules);
}

/** Reads a stored object once: its size, SHA-256 and first bytes (for sniffing). null when there is none. */
export async function readBack(backend: StorageBackend, key: string): Promise<ByteTally | null> {
  const obj = await backend.get(key);
  if (!obj) return null;
  const tally = new ByteTally();
  for await (const chunk of obj.body as AsyncIterable<Buffer>) tally.add(chunk);
  return tally;
}

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
