/**
 * @logicspike/service-kit: for services behind the LogicSpike gateway (README.md).
 *
 *   import { PlatformClient, PERMISSIONS } from "@logicspike/service-kit";
 *   import { gateway, requirePermission, serviceContext, errorHandler } from "@logicspike/service-kit/express";
 *   import { withGateway } from "@logicspike/service-kit/fetch";
 *   import { createTokenVerifier } from "@logicspike/service-kit/jwks";
 */
export { EVENT_TYPES, METERS, PERMISSIONS, type EventTypeKey, type MeterKey, type PermissionKey } from "./catalog";
export { errorAnswer, PlatformError, ServiceKitError, type ServiceKitCode } from "./errors";
export { gatewayKeyMatches, identityFromHeaders, type GatewayOptions, type HeaderSource, type Identity } from "./identity";
export {
  PlatformClient,
  type CallOptions,
  type ClientCredentials,
  type MemberAnswer,
  type PlatformClientOptions,
  type PublishAnswer,
  type UsageAnswer,
  type WorkspaceAnswer,
  type WorkspaceApi,
} from "./client";
export { SERVICE_SCOPES, type ServiceScope } from "./scopes";
