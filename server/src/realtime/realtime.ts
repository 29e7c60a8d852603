/**
 * Realtime: the Subscription fields (graphql-ws over /graphql, see
 * ./websocket.ts). Each field LISTENs on a Postgres NOTIFY topic computed
 * here from the identity verified at connection_init (`realtimeIdentity` in
 * the GraphQL context); no field takes an argument, so a client cannot name
 * another user's or workspace's topic. NOTIFY payloads are row ids only; the
 * row is then read as the subscriber (its pgSettings, so RLS and the checks in
 * app_hidden.workspace_event apply), and a message on a wrong topic could
 * still not leak a row. Behind a transaction-mode pooler the LISTEN runs on
 * the direct connection (./directSubscriber.ts).
 */
import { createHash } from "node:crypto";
import { context, lambda, listen, type GrafastSubscriber, type Step } from "postgraphile/grafast";
import { loadOneWithPgClient, type PgClient } from "postgraphile/@dataplan/pg";
import { extendSchema, gql } from "postgraphile/utils";
import { AppError } from "../../../core/errors";
import type { VerifiedIdentity } from "../../../core/tenancy";
import { directSubscriberMiddleware } from "./directSubscriber";

declare global {
  namespace Grafast {
    interface Context {
      /** Set only for GraphQL over WebSocket: the identity verified at connection_init (and not yet expired). */
      realtimeIdentity?: VerifiedIdentity;
      /** Set when DATABASE_DIRECT_URL is: the subscriber that LISTENs on the direct connection (./directSubscriber.ts). */
      realtimeSubscriber?: GrafastSubscriber<Record<string, string>>;
    }
  }
}

/** Same string as app_hidden.notifications_topic(tenant, user): channel names are at most 63 bytes, hence the hash. */
export function notificationsTopic(tenantId: string, userId: string): string {
  return `notifications:${createHash("md5").update(`${tenantId}:${userId}`).digest("hex")}`;
}

export function eventsTopic(tenantId: string): string {
  return `events:${tenantId}`;
}


/** The identity's workspace and user, or a coded refusal (the subscription ends with this error). */
function subscriber(identity: VerifiedIdentity | undefined): { tenantId: string; userId: string; permissions: string[] } {
  if (!identity?.userId) throw new AppError("LOGIN", "Subscribe over WebSocket with an access token in connection_init ({ authorization: \"Bearer …\" }).");
  if (!identity.tenantId) throw new AppError("DNIED", "Choose a workspace first: subscriptions follow the token's active workspace.");
  return { tenantId: identity.tenantId, userId: identity.userId, permissions: identity.permissions };
}

interface WorkspaceEventRow {
  rowId: string;
  type: string;
  payload: unknown;
  actorUserId: string | null;
  occurredAt: string;
}

/** Batched read of announced events as the subscriber; module-level so grafast can cache the loader. */
async function loadWorkspaceEvents(client: PgClient, ids: readonly string[]): Promise<Array<WorkspaceEventRow | null>> {
  const { rows } = await client.query<WorkspaceEventRow>({
    text: `select e.id as "rowId", e.type, e.payload, e.actor_user_id as "actorUserId",
                  to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "occurredAt"
             from unnest($1::uuid[]) as i(id), app_hidden.workspace_event(i.id) e`,
    values: [ids],
  });
  const byId = new Map(rows.map((r) => [r.rowId, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The subscriber whose connection keeps its LISTENs: the direct one if configured, else PostGraphile's. */
const $subscriber = () => lambda(context(), (c) => c.realtimeSubscriber ?? c.pgSubscriber ?? null);

const RealtimeSchemaPlugin = extendSchema((build) => {
  const notifications = build.input.pgRegistry.pgResources.notifications;
  const executor = build.input.pgRegistry.pgExecutors.main;
  if (!notifications || !executor) throw new Error("RealtimePlugin: app_public.notifications is not in the registry");
  return {
    typeDefs: gql`
      """A domain event of your active workspace, delivered live by the \`workspaceEvent\` subscription."""
      type WorkspaceEvent {
        """The event's id (webhook deliveries carry the same id)."""
        rowId: UUID!
        """The event type, a key of \`eventTypes\` (e.g. \`member.joined\`)."""
        type: String!
        """The event's payload, as documented by its event type's schema."""
        payload: JSON!
        """The signed-in user whose action caused the event, if any."""
        actorUserId: UUID
        occurredAt: Datetime!
      }

      extend type Subscription {
        """
        Your new in-app notifications in the active workspace (the workspace and user come from the access token sent in connection_init).
        """
        notificationAdded: Notification
        """
        Domain events of the active workspace as they are recorded. Needs \`events:read\` (owners and admins).
        """
        workspaceEvent: WorkspaceEvent
      }
    `,
    objects: {
      Subscription: {
        plans: {
          notificationAdded: {
            subscribePlan() {
              const $topic = lambda(context().get("realtimeIdentity"), (identity) => {
                const { tenantId, userId } = subscriber(identity);
                return notificationsTopic(tenantId, userId);
              });
              return listen($subscriber(), $topic);
            },
            // Read under the subscriber's settings: RLS (select_self) decides, not the topic.
            plan($id) {
              return notifications.get({ id: $id });
            },
          },
          workspaceEvent: {
            subscribePlan() {
              const $topic = lambda(context().get("realtimeIdentity"), (identity) => {
                const { tenantId, permissions } = subscriber(identity);
                if (!permissions.includes("events:read")) throw new AppError("DNIED", "You need the events:read permission to receive workspace events.");
                return eventsTopic(tenantId);
              });
              return listen($subscriber(), $topic);
            },
            plan($id) {
              return loadOneWithPgClient(executor, $id as Step<string>, loadWorkspaceEvents);
            },
          },
        },
      },
    },
  };
});

export const RealtimePlugin: GraphileConfig.Plugin = {
  ...RealtimeSchemaPlugin,
  grafast: { middleware: directSubscriberMiddleware },
};
