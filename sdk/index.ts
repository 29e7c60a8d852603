/**
 * The LogicSpike SDK: typed documents for every operation in sdk/operations
 * (generated), the permission strings and event types of the catalog, and a
 * small client that works with trusted documents.
 */
export * from "./generated/graphql";
export * from "./catalog";
export { createClient, SdkError, type Client, type ClientOptions } from "./client";
