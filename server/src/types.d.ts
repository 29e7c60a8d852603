import type { Logger } from "./lib/logger";

/** Claims of a verified access token or API key; set by the authenticate middleware (Identity issue). */
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

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      auth?: VerifiedIdentity;
    }
  }
}
