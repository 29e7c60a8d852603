/**
 * Grafast reads GRAPHILE_ENV when it loads: development opts into extra
 * checks and helpful formatting. Import this module before anything that
 * imports postgraphile.
 */
process.env.GRAPHILE_ENV ||= process.env.NODE_ENV === "production" ? "production" : "development";
export {};
