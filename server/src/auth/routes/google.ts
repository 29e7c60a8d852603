import type { AuthRoute } from "../route";

/** Filled in by the google feature (issue 3). */
export const googleRoutes: AuthRoute[] = [];
