/**
 * Scopes of the services API (/internal/v1/*). A service token needs the scope
 * of each route it calls (`npm run service:client -- create blog --scopes
 * internal:events.publish,internal:usage.write`); a caller with the gateway
 * key is the platform's own trusted upstream and holds all of them. The
 * strings live in packages/service-kit, which services use to ask for them.
 */
import { SERVICE_SCOPES, type ServiceScope } from "../../../packages/service-kit/src/scopes";

export { SERVICE_SCOPES, type ServiceScope };

export const ALL_SERVICE_SCOPES: readonly ServiceScope[] = Object.values(SERVICE_SCOPES);
