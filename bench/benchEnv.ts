// Measure what production runs: grafast in production mode, no log output. Imported before anything else.
process.env.GRAPHILE_ENV ||= "production";
process.env.NODE_ENV ||= "test";
process.env.LOG_LEVEL ||= "silent";
export {};
