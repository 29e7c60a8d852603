/**
 * The shared secret between this gateway and the services behind it: sent
 * upstream as `x-gateway-key` on every proxied request, and accepted instead
 * of a service token on /internal/*.
 *
 * Production: GATEWAY_KEY (>= 32 characters) is required as soon as
 * GATEWAY_ROUTES are configured; with no routes and no key, /internal/*
 * accepts service tokens only. Elsewhere an unset key is generated at random
 * per process (set GATEWAY_KEY when a local upstream needs to check it).
 */
import { randomBytes } from "node:crypto";
import type { Express } from "express";
import { getContext } from "../context";

export function getGatewayKey(app: Express): string | undefined {
  if (typeof app.locals.gatewayKey === "string") return app.locals.gatewayKey || undefined;
  const { config } = getContext(app);
  let key = config.gateway.key;
  if (key !== undefined && key.length < 32) throw new Error("GATEWAY_KEY must be at least 32 characters");
  if (!key && config.env === "production" && Object.keys(config.gateway.routes).length > 0) {
    throw new Error("GATEWAY_KEY is required in production when GATEWAY_ROUTES are configured");
  }
  if (!key && config.env !== "production") key = randomBytes(32).toString("base64url");
  app.locals.gatewayKey = key ?? "";
  return key;
}
