import type { AuthRoute } from "../route";
import { accountRoutes } from "./account";
import { accountDeletionRoutes } from "./accountDeletion";
import { dataExportRoutes } from "./dataExport";
import { emailFlowRoutes } from "./emailFlows";
import { magicLinkRoutes } from "./magicLink";
import { googleRoutes } from "./google";
import { githubRoutes } from "./github";
import { oidcRoutes } from "./oidc";
import jwks from "./jwks";
import login from "./login";
import { logout, logoutAll } from "./logout";
import { mfaRoutes } from "./mfa";
import { sessionRoutes } from "./sessions";
import refresh from "./refresh";
import register from "./register";
import switchTenant from "./switchTenant";

/** Every auth REST route; the installer mounts them in this order. */
export const AUTH_ROUTES: AuthRoute[] = [
  jwks,
  register,
  login,
  refresh,
  logout,
  logoutAll,
  switchTenant,
  ...sessionRoutes,
  ...accountRoutes,
  ...accountDeletionRoutes,
  ...dataExportRoutes,
  ...emailFlowRoutes,
  ...magicLinkRoutes,
  ...mfaRoutes,
  ...googleRoutes,
  ...oidcRoutes,
  ...githubRoutes,
] as AuthRoute[];
