/**
 * Scopes of the services API (/internal/v1/*). A service token needs the scope
 * of each route it calls (`npm run service:client -- create blog --scopes
 * internal:events.publish,internal:usage.write`); a caller with the gateway
 * key is the platform's own trusted upstream and holds all of them.
 * packages/service-kit re-exports the same strings.
 */
export const SERVICE_SCOPES = {
  /** POST /internal/v1/events */
  eventsPublish: "internal:events.publish",
  /** POST /internal/v1/usage/consume and /usage/record */
  usageWrite: "internal:usage.write",
  /** GET /internal/v1/usage/:meter */
  usageRead: "internal:usage.read",
  /** GET /internal/v1/workspace (settings and entitlements) */
  workspaceRead: "internal:workspace.read",
  /** GET /internal/v1/members/:userId */
  membersRead: "internal:members.read",
} as const;

export type ServiceScope = (typeof SERVICE_SCOPES)[keyof typeof SERVICE_SCOPES];

export const ALL_SERVICE_SCOPES: readonly ServiceScope[] = Object.values(SERVICE_SCOPES);
