/** Scopes a service client asks for (`npm run service:client -- create <service> --scopes …`); the platform's server/src/services/scopes.ts. */
export const SERVICE_SCOPES = {
  /** POST /internal/v1/events */
  eventsPublish: "internal:events.publish",
  /** POST /internal/v1/usage/consume, /usage/record and /usage/release */
  usageWrite: "internal:usage.write",
  /** GET /internal/v1/usage/:meter */
  usageRead: "internal:usage.read",
  /** GET /internal/v1/workspace (settings and entitlements) */
  workspaceRead: "internal:workspace.read",
  /** GET /internal/v1/members/:userId */
  membersRead: "internal:members.read",
} as const;

export type ServiceScope = (typeof SERVICE_SCOPES)[keyof typeof SERVICE_SCOPES];
