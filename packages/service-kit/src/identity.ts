/**
 * What a request from the LogicSpike gateway carries, as a typed value.
 *
 * The gateway (`/svc/<name>/*`) removes every client-sent `x-user-*`, `x-tenant-*`, `x-gateway-*`,
 * `x-api-key*` and `x-request-id` header and the caller's credentials, then sets its own, including
 * `x-gateway-key`. Those headers are only true when that key matches: anything that can reach the
 * service without going through the gateway can send them too. So the key is checked first, in
 * constant time, and nothing is read from a request that fails it.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { PERMISSIONS, type PermissionKey } from "./catalog";
import { ServiceKitError } from "./errors";

export interface Identity {
  /** The signed-in user; null when the caller used an API key. */
  readonly userId: string | null;
  /** The workspace the request acts in (the token's active workspace or the API key's). */
  readonly tenantId: string;
  /** The caller's permission strings in that workspace. */
  readonly permissions: ReadonlySet<string>;
  /** The API key's id when the caller used one. */
  readonly apiKeyId: string | null;
  /** The gateway's request id, to pass on to the platform and to log with. */
  readonly requestId: string | null;
  /** True when the caller holds the permission. */
  can(permission: PermissionKey): boolean;
  /** Throws ServiceKitError DNIED unless the caller holds every one of the permissions. */
  require(...permissions: PermissionKey[]): void;
}

const KNOWN = new Set<string>(PERMISSIONS);

export function makeIdentity(fields: Omit<Identity, "can" | "require">): Identity {
  const { permissions } = fields;
  return Object.freeze({
    ...fields,
    can: (permission: PermissionKey) => permissions.has(permission),
    require(...wanted: PermissionKey[]) {
      for (const p of wanted) {
        // A typo that slipped past the types (a string from configuration) should fail loudly, not deny quietly.
        if (!KNOWN.has(p)) throw new TypeError(`"${p}" is not a permission of the LogicSpike catalog`);
        if (!permissions.has(p)) throw new ServiceKitError("DNIED", `This needs the ${p} permission in this workspace.`);
      }
    },
  });
}

/** Constant-time comparison of the received key with the configured one (hashed first, so lengths do not leak). */
export function gatewayKeyMatches(received: string | null | undefined, expected: string): boolean {
  if (typeof received !== "string" || received === "") return false;
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads one header from Node's IncomingHttpHeaders, a Fetch `Headers` or a plain map. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  if (Array.isArray(v)) return null; // The gateway sets each header once; two copies did not come from it.
  return v ?? null;
}

export interface GatewayOptions {
  /** The platform's GATEWAY_KEY (at least 32 characters). */
  gatewayKey: string;
}

export function assertGatewayOptions(options: GatewayOptions): void {
  if (typeof options?.gatewayKey !== "string" || options.gatewayKey.length < 32) {
    throw new TypeError("service-kit: gatewayKey must be the platform's GATEWAY_KEY (at least 32 characters)");
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller of a request that came through the gateway. Throws ServiceKitError BADTK when the
 * gateway key is missing or wrong (the request did not come from the gateway), BADRQ when a trusted
 * header is malformed, and LOGIN when there is no workspace to act in.
 */
export function identityFromHeaders(headers: HeaderSource, options: GatewayOptions): Identity {
  if (!gatewayKeyMatches(header(headers, "x-gateway-key"), options.gatewayKey)) {
    throw new ServiceKitError("BADTK", "This service accepts requests only through the LogicSpike gateway.");
  }
  const tenantId = header(headers, "x-tenant-id");
  if (!tenantId) throw new ServiceKitError("LOGIN", "Choose a workspace first: the request carries none.");
  const userId = header(headers, "x-user-id");
  if (!UUID.test(tenantId) || (userId !== null && !UUID.test(userId))) {
    throw new ServiceKitError("BADRQ", "The gateway's identity headers are malformed.");
  }
  const permissions = new Set((header(headers, "x-user-permissions") ?? "").split(" ").filter(Boolean));
  return makeIdentity({
    userId,
    tenantId,
    permissions,
    apiKeyId: header(headers, "x-api-key-id"),
    requestId: header(headers, "x-request-id"),
  });
}
