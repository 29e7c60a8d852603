/**
 * The tenancy contract: who the caller is (a verified identity) and the one
 * translation of it into the transaction settings every RLS policy reads
 * through app_hidden's STABLE helpers (`role`, `jwt.claims.*`). The server
 * sets them per request, tests and benches set them the same way. Nothing
 * else may decide what a request's transaction settings hold.
 */
import { isIP } from "node:net";

/** Claims of a verified access token or API key; set by the authenticate middleware (Identity issue). */
/** User, workspace and row ids are UUIDs (gen_random_uuid()); true for one in canonical text form, either case. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export interface VerifiedIdentity {
  role: "app_user" | "app_api_key";
  userId?: string;
  tenantId?: string;
  permissions: string[];
  /** Services the active workspace is entitled to (token `svc`, or the API key's workspace). */
  services: string[];
  /** Set when the caller authenticated with an API key (role app_api_key). */
  apiKeyId?: string;
  /** `publishable` keys are read-only everywhere (SQL policies, and GET/HEAD only through the gateway). */
  apiKeyType?: "secret" | "publishable";
  /** Refresh-token family (session) the access token belongs to. */
  sessionId?: string;
  amr?: string[];
  aal?: "aal1" | "aal2";
}

/**
 * The transaction settings for a request: the single place identity becomes SQL state.
 * The request id and client IP (Express `req.ip`, which honours TRUST_PROXY) are
 * not identity: the audit log records them (app_private.tg__audit). Nor is the
 * traceparent (the request's span, when tracing is on; core/tracing.ts): publish_event
 * stores it with each event so the worker's delivery spans link back (docs/tracing.md).
 */
export function pgSettingsFor(identity: VerifiedIdentity | undefined, requestId?: string, clientIp?: string, traceparent?: string): Record<string, string> {
  const base: Record<string, string> = requestId ? { "app.request_id": requestId } : {};
  if (clientIp && isIP(clientIp)) base["app.client_ip"] = clientIp;
  if (traceparent) base["app.traceparent"] = traceparent;
  if (!identity) return { ...base, role: "app_anonymous" };
  return {
    ...base,
    role: identity.role,
    "jwt.claims.user_id": identity.userId ?? "",
    "jwt.claims.tenant_id": identity.tenantId ?? "",
    "jwt.claims.permissions": identity.permissions.join(" "),
    "jwt.claims.services": identity.services.join(" "),
    "jwt.claims.api_key_id": identity.apiKeyId ?? "",
    "jwt.claims.session_id": identity.sessionId ?? "",
    "jwt.claims.aal": identity.aal ?? "",
  };
}
