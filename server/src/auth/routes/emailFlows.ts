import type { AuthRoute } from "../route";

/** Filled in by the emailFlows feature (issue 3). */
export const emailFlowRoutes: AuthRoute[] = [];
