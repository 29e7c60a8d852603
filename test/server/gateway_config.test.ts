/**
 * Gateway and service-token configuration fails fast at startup rather than
 * serving a half-configured gateway.
 */
import express from "express";
import { loadConfig } from "../../core/config";
import { getGatewayKey } from "../../server/src/gateway/gatewayKey";

const appWith = (env: Record<string, string>) => {
  const app = express();
  app.locals.ctx = { config: loadConfig({ NODE_ENV: "test", ...env }) };
  return app;
};

it("reads routes from GATEWAY_ROUTES and GATEWAY_ROUTE_<NAME>, the latter winning", () => {
  const config = loadConfig({
    NODE_ENV: "test",
    GATEWAY_ROUTES: JSON.stringify({ crm: "http://127.0.0.1:4001/", mail: "http://mail.internal" }),
    GATEWAY_ROUTE_CRM: "http://crm.internal:8080/api/",
    GATEWAY_ROUTE_MY_SVC: "https://svc.internal",
  });
  expect(config.gateway.routes).toEqual({ crm: "http://crm.internal:8080/api", mail: "http://mail.internal", my_svc: "https://svc.internal" });
  expect(config.serviceTokens).toEqual({ ttlSeconds: 300, audience: "logicspike:internal" });
});

it("refuses bad routes and a service-token audience equal to the user audience", () => {
  expect(() => loadConfig({ NODE_ENV: "test", GATEWAY_ROUTES: "[1]" })).toThrow(/JSON object/);
  expect(() => loadConfig({ NODE_ENV: "test", GATEWAY_ROUTES: '{"Bad Name":"http://x"}' })).toThrow(/must match/);
  expect(() => loadConfig({ NODE_ENV: "test", GATEWAY_ROUTES: '{"__proto__":"http://x"}' })).toThrow(/must match/);
  expect(() => loadConfig({ NODE_ENV: "test", GATEWAY_ROUTE_CRM: "file:///etc/passwd" })).toThrow(/http/);
  expect(() => loadConfig({ NODE_ENV: "test", SERVICE_TOKEN_AUDIENCE: "logicspike" })).toThrow(/differ/);
});

it("requires a long GATEWAY_KEY in production when routes exist, and generates one elsewhere", () => {
  const prod = { NODE_ENV: "production", DATABASE_URL: "postgres://x/y", GATEWAY_ROUTE_CRM: "http://crm" };
  expect(() => getGatewayKey(appWith(prod))).toThrow(/required in production/);
  expect(() => getGatewayKey(appWith({ GATEWAY_KEY: "short" }))).toThrow(/32 characters/);
  expect(getGatewayKey(appWith({ ...prod, GATEWAY_KEY: "k".repeat(32) }))).toBe("k".repeat(32));
  const dev = getGatewayKey(appWith({}));
  expect(dev).toHaveLength(43);
  expect(getGatewayKey(appWith({}))).not.toBe(dev);
});
