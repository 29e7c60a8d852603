/**
 * A client for the platform's services API (`/internal/v1`, docs/services.md): publish domain events,
 * consume, record and release usage, read the workspace's settings and entitlements, look up members.
 *
 * Two ways to authenticate, as the API has:
 *  - behind the gateway: the gateway key plus this service's name (the name of its GATEWAY_ROUTES entry);
 *  - anywhere else: a service client's id and secret, exchanged for a short-lived service token at
 *    POST /auth/service-token, cached and renewed before it expires.
 *
 * Every call names the workspace. Calls that are safe to repeat (reads, and writes with an idempotency
 * key) are retried on a network failure or a 5xx answer; a write without a key never is.
 */
import { PlatformError } from "./errors";
import type { EventTypeKey, MeterKey } from "./catalog";

export type ClientCredentials =
  | { gatewayKey: string; service: string }
  | { clientId: string; clientSecret: string; scopes?: string[] };

export type PlatformClientOptions = ClientCredentials & {
  /** The platform's public URL, e.g. http://127.0.0.1:4000 (PUBLIC_URL). */
  baseUrl: string;
  /** Retries of a repeatable call after a network failure or a 5xx answer (default 2). */
  retries?: number;
  /** Per-attempt timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
};

export interface UsageAnswer {
  meter: string;
  /** Consumed (for a check: would fit). */
  allowed: boolean;
  /** The idempotency key was seen before: nothing was applied this time. */
  replayed: boolean;
  used: number;
  /** null = unlimited. */
  limit: number | null;
  remaining: number | null;
  period: "month" | "lifetime";
  periodStart: string;
  /** null = never (lifetime meters). */
  resetsAt: string | null;
}

export interface PublishAnswer {
  eventId: string;
  type: string;
  replayed: boolean;
}

export interface WorkspaceAnswer {
  id: string;
  name: string;
  slug: string;
  service: string;
  settings: {
    displayName: string | null;
    logoUrl: string | null;
    primaryColor: string | null;
    timezone: string;
    locale: string;
    weekStart: number;
    preferences: Record<string, unknown>;
  };
  entitlements: {
    plan: string | null;
    limits: Record<string, number>;
    services: Record<string, { enabled: boolean; limits: Record<string, number> }>;
  };
}

export interface MemberAnswer {
  userId: string;
  name: string | null;
  avatarUrl: string | null;
  role: string;
  permissions: string[];
  joinedAt: string;
}

/** Event types this service may publish are its own (registered with `published_by` = the service); platform types are refused. */
export type EventType = EventTypeKey | (string & {});
export type Meter = MeterKey | (string & {});

export interface CallOptions {
  /** Applied once, however often the call is repeated (per workspace and meter, or per workspace and service for events). */
  idempotencyKey?: string;
  /** Passed on as x-request-id, so the platform's logs show the request this call was made for. */
  requestId?: string | null;
}

/** The services API for one workspace. */
export interface WorkspaceApi {
  readonly tenantId: string;
  /** Publishes a domain event (201, or `replayed: true` for a key seen before). */
  publish(type: EventType, payload: Record<string, unknown>, options?: CallOptions): Promise<PublishAnswer>;
  /** Check-and-consume: `allowed: false` past the limit, and then nothing is counted. */
  consume(meter: Meter, quantity: number, options?: CallOptions): Promise<UsageAnswer>;
  /** Usage that already happened: counted even past the limit. */
  record(meter: Meter, quantity: number, options?: CallOptions): Promise<UsageAnswer>;
  /** Gives back usage on one of this service's own counter meters. */
  release(meter: Meter, quantity: number, options?: CallOptions): Promise<UsageAnswer>;
  /** Usage now, and whether `quantity` more would fit; changes nothing. */
  usage(meter: Meter, quantity?: number, options?: Pick<CallOptions, "requestId">): Promise<UsageAnswer>;
  /** Settings and entitlements. */
  settings(options?: Pick<CallOptions, "requestId">): Promise<WorkspaceAnswer>;
  /** A member's basics (no email address), or PlatformError NTFND. */
  member(userId: string, options?: Pick<CallOptions, "requestId">): Promise<MemberAnswer>;
}

interface Token {
  value: string;
  /** Renew after this (ms since epoch): 30 s or a tenth of the lifetime before expiry, whichever is sooner. */
  renewAt: number;
}

export class PlatformClient {
  private readonly baseUrl: string;
  private readonly retries: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private token: Promise<Token> | null = null;

  constructor(private readonly options: PlatformClientOptions) {
    if (!options?.baseUrl) throw new TypeError("service-kit: baseUrl is required");
    const creds = options as Partial<{ gatewayKey: string; service: string; clientId: string; clientSecret: string }>;
    if (creds.gatewayKey === undefined && creds.clientId === undefined) {
      throw new TypeError("service-kit: pass gatewayKey and service, or clientId and clientSecret");
    }
    if (creds.gatewayKey !== undefined && (creds.gatewayKey.length < 32 || !creds.service)) {
      throw new TypeError("service-kit: gatewayKey must be the platform's GATEWAY_KEY (at least 32 characters), with this service's name");
    }
    if (creds.clientId !== undefined && !creds.clientSecret) throw new TypeError("service-kit: clientSecret is required with clientId");
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.retries = options.retries ?? 2;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The API for one workspace: an identity from the gateway headers, or a workspace id. */
  for(workspace: string | { tenantId: string; requestId?: string | null }): WorkspaceApi {
    const tenantId = typeof workspace === "string" ? workspace : workspace.tenantId;
    const defaultRequestId = typeof workspace === "string" ? null : (workspace.requestId ?? null);
    const call = <T>(method: "GET" | "POST", path: string, body: unknown, repeatable: boolean, o: CallOptions = {}) =>
      this.request<T>(method, path, tenantId, body, repeatable, o.requestId ?? defaultRequestId);
    const usageCall = (path: string) => (meter: Meter, quantity: number, o: CallOptions = {}) =>
      call<UsageAnswer>("POST", path, { meter, quantity, ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}) }, !!o.idempotencyKey, o);
    return Object.freeze({
      tenantId,
      publish: (type: EventType, payload: Record<string, unknown>, o: CallOptions = {}) =>
        call<PublishAnswer>("POST", "/events", { type, payload, ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}) }, !!o.idempotencyKey, o),
      consume: usageCall("/usage/consume"),
      record: usageCall("/usage/record"),
      release: usageCall("/usage/release"),
      usage: (meter: Meter, quantity = 0, o: Pick<CallOptions, "requestId"> = {}) =>
        call<UsageAnswer>("GET", `/usage/${encodeURIComponent(meter)}?quantity=${quantity}`, undefined, true, o),
      settings: (o: Pick<CallOptions, "requestId"> = {}) => call<WorkspaceAnswer>("GET", "/workspace", undefined, true, o),
      member: (userId: string, o: Pick<CallOptions, "requestId"> = {}) =>
        call<MemberAnswer>("GET", `/members/${encodeURIComponent(userId)}`, undefined, true, o),
    });
  }

  private async credentials(): Promise<Record<string, string>> {
    const o = this.options as Partial<{ gatewayKey: string; service: string }>;
    if (o.gatewayKey !== undefined) return { "x-gateway-key": o.gatewayKey, "x-service-name": o.service! };
    const now = Date.now();
    let token = this.token ? await this.token.catch(() => null) : null;
    if (!token || now >= token.renewAt) {
      this.token = this.fetchToken();
      token = await this.token.catch((err) => {
        this.token = null;
        throw err;
      });
    }
    return { authorization: `Bearer ${token.value}` };
  }

  private async fetchToken(): Promise<Token> {
    const o = this.options as { clientId: string; clientSecret: string; scopes?: string[] };
    const body = new URLSearchParams({ grant_type: "client_credentials" });
    if (o.scopes?.length) body.set("scope", o.scopes.join(" "));
    const res = await this.fetchImpl(`${this.baseUrl}/auth/service-token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const json = (await res.json().catch(() => null)) as { access_token?: string; expires_in?: number; error?: { code: string; message: string } } | null;
    if (!res.ok || !json?.access_token) {
      throw new PlatformError(res.status, json?.error?.code ?? "INTRN", json?.error?.message ?? "The platform did not issue a service token.");
    }
    const lifetimeMs = (json.expires_in ?? 60) * 1000;
    return { value: json.access_token, renewAt: Date.now() + lifetimeMs - Math.min(30_000, lifetimeMs / 10) };
  }

  private async request<T>(
    method: "GET" | "POST", path: string, tenantId: string, body: unknown, repeatable: boolean,
    requestId: string | null,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { ...(await this.credentials()), "x-tenant-id": tenantId, accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (requestId) headers["x-request-id"] = requestId;
      let res: Response;
      try {
        res = await this.fetchImpl(`${this.baseUrl}/internal/v1${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        if (repeatable && attempt < this.retries) {
          await backoff(attempt);
          continue;
        }
        throw new PlatformError(503, "UPDWN", `The platform could not be reached: ${(err as Error).message}`);
      }
      const json = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
      if (res.ok && json) return json;
      if (res.status >= 500 && repeatable && attempt < this.retries) {
        await backoff(attempt);
        continue;
      }
      // A rejected service token (expired early, revoked key) is fetched again once.
      if (res.status === 401 && this.token && attempt === 0) {
        this.token = null;
        continue;
      }
      throw new PlatformError(res.status, json?.error?.code ?? "INTRN", json?.error?.message ?? `The platform answered ${res.status}.`, res.headers.get("x-request-id"));
    }
  }
}

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt + Math.random() * 50));
