import type { AuthRoute } from "../route";

/** Filled in by the mfa feature (issue 3). */
export const mfaRoutes: AuthRoute[] = [];
