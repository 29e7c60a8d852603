/**
 * PostGraphile v5 preset. Only `app_public` is exposed; every request runs in
 * a transaction whose settings come from the verified identity (never from
 * anything a client sends unsigned).
 */
import type { Request } from "express";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import type { ServerContext } from "./context";
import { makeMaskError } from "../../core/errors";
import { apiKeyUsagePlugin } from "./apiKeys/apiKeyUsagePlugin";
import { billingMutationsPlugin } from "./billing/billingMutations";
import { sessionCheckPlugin } from "./identity/sessionCheckPlugin";
import { CodedErrorsPlugin } from "./graphql/codedErrors";
import { hardeningPreset } from "./graphql/hardening";
import { graphqlMetricsPlugin } from "./http/installMetrics";
import { RealtimePlugin } from "./realtime/realtime";
import { connectionFor } from "./realtime/websocket";
import { graphqlTracingPlugin } from "./graphql/tracingPlugin";
import { TenantPrimaryKeysPlugin } from "./graphql/tenantPrimaryKeys";
import { MissingRowErrorsPlugin } from "./graphql/missingRowErrors";
import { pgSettingsFor, type VerifiedIdentity } from "../../core/tenancy";
import { currentTraceparent, tracingEnabled } from "../../core/tracing";

/**
 * A response carrying a "database unavailable" error gets HTTP 503 (with
 * Retry-After) instead of 200, so clients and balancers back off.
 */
function databaseHealthPlugin(ctx: ServerContext): GraphileConfig.Plugin {
  return {
    name: "LogicSpikeDatabaseHealthPlugin",
    version: "1.0.0",
    grafserv: {
      middleware: {
        async processRequest(next) {
          const result = await next();
          if (result && result.type === "buffer" && ctx.health.isDown && result.buffer.includes('"DBDWN"')) {
            return { ...result, statusCode: 503, headers: { ...result.headers, "retry-after": "5" } };
          }
          return result;
        },
      },
    },
  };
}

export function makePreset(ctx: ServerContext): GraphileConfig.Preset {
  const { config } = ctx;
  const webhookAllowedHosts = config.webhooks.allowedHosts.join(" ");
  const reservedDomains = config.customDomains.reserved.join(" ");
  const maxWorkspacesPerUser = String(config.workspaces.maxPerUser);
  const hardening = hardeningPreset(config.graphql);
  const timeouts = config.graphql.statementTimeoutMs;
  /** statement_timeout for the request's role, as a transaction-local setting like the claims. */
  const statementTimeout = (identity: VerifiedIdentity | undefined) =>
    `${!identity ? timeouts.anonymous : identity.role === "app_api_key" ? timeouts.apiKey : timeouts.user}ms`;
  return {
    // Simplified names: `users`, `tenant`, `membershipsByUserId` -> `memberships`, no `all` prefix.
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    plugins: [databaseHealthPlugin(ctx), TenantPrimaryKeysPlugin, MissingRowErrorsPlugin, CodedErrorsPlugin, apiKeyUsagePlugin, RealtimePlugin, billingMutationsPlugin(ctx), ...(config.sessionRevocationCheck ? [sessionCheckPlugin(ctx)] : []), ...hardening.plugins, ...(ctx.metrics ? [graphqlMetricsPlugin(ctx.metrics)] : []), ...(tracingEnabled ? [graphqlTracingPlugin] : [])],
    pgServices: [
      makePgService({
        pool: ctx.authPgPool,
        superuserPool: ctx.rootPgPool,
        schemas: ["app_public"],
      }),
    ],
    grafserv: {
      graphqlPath: "/graphql",
      graphiql: config.isDev,
      graphiqlPath: "/graphiql",
      graphiqlOnGraphQLGET: false,
      watch: false,
      maxRequestLength: config.bodyLimitBytes,
      // Subscriptions: installPostGraphile attaches our own authenticated upgrade handler (graphql/websocket.ts).
      websockets: config.graphql.websockets,
      maskError: makeMaskError(() => ctx.health.markDown()),
      ...hardening.grafserv,
    },
    grafast: {
      context(requestContext) {
        const req = requestContext.expressv4?.req as Request | undefined;
        // Over WebSocket, the identity verified at connection_init (dropped once the token expires); nothing
        // from connectionParams or the upgrade request's headers is read here.
        const ws = requestContext.ws ? connectionFor(requestContext.ws.socket) : undefined;
        const identity = requestContext.ws ? ws?.identity : req?.auth;
        // Server config, not client input: lets create/update of webhook endpoints accept allowlisted local hosts.
        return {
          ...(requestContext.ws ? { realtimeIdentity: identity } : {}),
          pgSettings: {
            // The traceparent is the HTTP request's span, made by our SDK (undefined with tracing off).
            ...(requestContext.ws ? pgSettingsFor(identity, ws?.connectionId) : pgSettingsFor(req?.auth, req?.id, req?.ip, currentTraceparent())),
            statement_timeout: statementTimeout(identity),
            "webhooks.allowed_hosts": webhookAllowedHosts,
            // Server config too: our own domains, which add_custom_domain refuses (DMOWN).
            "custom_domains.reserved": reservedDomains,
            // MAX_WORKSPACES_PER_USER, which app_public.create_workspace enforces (WSLIM).
            "workspaces.max_per_user": maxWorkspacesPerUser,
          },
        };
      },
    },
  };
}
