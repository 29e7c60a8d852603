/**
 * Signing keys. LogicSpike is the identity provider: it alone holds the RS256
 * private key; anyone can verify with the public JWKS.
 *
 * Production: JWT_PRIVATE_KEY (PKCS#8 PEM or private JWK JSON) is the current
 * key, JWT_PREVIOUS_PUBLIC_KEYS (JSON array of JWKs or PEMs) are still
 * published so tokens they signed keep verifying until they expire.
 * Development/test: keys are generated once into <dataDir>/keys/signing-keys.json;
 * `npm run keys:rotate` puts a new key first and keeps the previous one.
 */
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  importSPKI,
  type CryptoKey,
  type JWK,
} from "jose";
import type { Config } from "../../../core/config";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface KeyMaterial {
  current: SigningKey;
  /** Public JWKs (current first), each with kid, alg, use. */
  publicJwks: JWK[];
  /** HMAC key for deriving refresh-token successors. */
  refreshSecret: Buffer;
}

const MAX_DEV_KEYS = 3;

async function publicJwkOf(key: CryptoKey | JWK): Promise<JWK> {
  const jwk: JWK = "kty" in key ? (key as JWK) : await exportJWK(key as CryptoKey);
  const pub: JWK = { kty: jwk.kty, n: jwk.n, e: jwk.e };
  return { ...pub, kid: await calculateJwkThumbprint(pub), alg: "RS256", use: "sig" };
}

async function importPrivate(text: string): Promise<{ key: CryptoKey; jwk: JWK }> {
  const trimmed = text.trim();
  const key = trimmed.startsWith("{")
    ? ((await importJWK(JSON.parse(trimmed) as JWK, "RS256", { extractable: true })) as CryptoKey)
    : await importPKCS8(trimmed.replace(/\\n/g, "\n"), "RS256", { extractable: true });
  const jwk = await exportJWK(key);
  if (jwk.kty !== "RSA" || !jwk.d) throw new Error("JWT_PRIVATE_KEY must be an RSA private key (PKCS#8 PEM or JWK)");
  return { key, jwk };
}

async function importPublic(entry: string | JWK): Promise<JWK> {
  if (typeof entry !== "string") return publicJwkOf(entry);
  const key = await importSPKI(entry.replace(/\\n/g, "\n"), "RS256", { extractable: true });
  return publicJwkOf(key);
}

export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  return exportJWK(privateKey);
}

function devKeyFile(config: Config): string {
  return path.join(config.dataDir, "keys", "signing-keys.json");
}

interface DevKeyFile {
  keys: JWK[];
  refreshSecret: string;
}

function readDevKeys(config: Config): DevKeyFile | undefined {
  const file = devKeyFile(config);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as DevKeyFile) : undefined;
}

function writeDevKeys(config: Config, data: DevKeyFile): void {
  const file = devKeyFile(config);
  // Only the keys folder is private: the data folder above it also holds the embedded Postgres
  // cluster, which a `postgres` system user must be able to reach when we run as root.
  fs.mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Write-then-rename so a concurrently starting server never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

async function ensureDevKeys(config: Config): Promise<DevKeyFile> {
  const existing = readDevKeys(config);
  if (existing?.keys.length) return existing;
  const created = { keys: [await generatePrivateJwk()], refreshSecret: randomBytes(32).toString("base64url") };
  writeDevKeys(config, created);
  return readDevKeys(config)!;
}

/** `npm run keys:rotate` (development): new current key; the previous ones stay published. */
export async function rotateDevKeys(config: Config): Promise<{ kid: string; published: number }> {
  const data = await ensureDevKeys(config);
  const fresh = await generatePrivateJwk();
  data.keys = [fresh, ...data.keys].slice(0, MAX_DEV_KEYS);
  writeDevKeys(config, data);
  return { kid: (await publicJwkOf(fresh)).kid!, published: data.keys.length };
}

export async function loadKeyMaterial(config: Config): Promise<KeyMaterial> {
  if (config.env === "production" && (!config.jwt.privateKey || !config.refresh.secret)) {
    throw new Error("JWT_PRIVATE_KEY and REFRESH_TOKEN_SECRET must be set in production; generated keys are for development only.");
  }
  let privateTexts: string[];
  let refreshSecret: string;
  let previous: Array<string | JWK> = [];
  if (config.jwt.privateKey) {
    privateTexts = [config.jwt.privateKey];
    refreshSecret = config.refresh.secret ?? "";
    if (config.jwt.previousPublicKeys) previous = JSON.parse(config.jwt.previousPublicKeys) as Array<string | JWK>;
  } else {
    const dev = await ensureDevKeys(config);
    privateTexts = dev.keys.map((k) => JSON.stringify(k));
    refreshSecret = config.refresh.secret ?? dev.refreshSecret;
  }
  if (Buffer.byteLength(refreshSecret) < 32) throw new Error("REFRESH_TOKEN_SECRET must be at least 32 bytes");

  const [first, ...rest] = await Promise.all(privateTexts.map(importPrivate));
  const publicJwks = [
    await publicJwkOf(first.jwk),
    ...(await Promise.all(rest.map((k) => publicJwkOf(k.jwk)))),
    ...(await Promise.all(previous.map(importPublic))),
  ];
  return {
    current: { kid: publicJwks[0].kid!, privateKey: first.key },
    publicJwks: publicJwks.filter((k, i) => publicJwks.findIndex((o) => o.kid === k.kid) === i),
    refreshSecret: Buffer.from(refreshSecret),
  };
}

/** The successor of a refresh token is derived, not random, so a lost response can be re-answered. */
export function refreshSuccessor(secret: Buffer, token: string): string {
  return createHmac("sha256", secret).update(token).digest("base64url");
}
