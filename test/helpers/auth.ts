/**
 * Sign-up and sign-in through the real HTTP routes, for tests that need a
 * signed-in user. Emails are unique per call so files never collide.
 */
import { randomBytes } from "node:crypto";
import type { TestServer } from "./server";

export interface TestUser {
  email: string;
  password: string;
  name: string;
  userId: string;
  tenantId: string;
  accessToken: string;
  refreshToken: string;
}

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.com`;
export const GOOD_PASSWORD = "correct horse battery staple";

export async function login(server: TestServer, email: string, password: string, extra: Record<string, unknown> = {}) {
  return server.post("/auth/login", { email, password, tokenTransport: "body", ...extra });
}

/** Registers through POST /auth/register and signs in through POST /auth/login. */
export async function signUp(server: TestServer, opts: { email?: string; name?: string; workspaceName?: string } = {}): Promise<TestUser> {
  const email = opts.email ?? uniqueEmail();
  const name = opts.name ?? "Test User";
  const reg = await server.post("/auth/register", { email, password: GOOD_PASSWORD, name, workspaceName: opts.workspaceName });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const res = await login(server, email, GOOD_PASSWORD);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const payload = JSON.parse(Buffer.from(res.body.accessToken.split(".")[1], "base64url").toString()) as { sub: string; tid: string };
  return { email, password: GOOD_PASSWORD, name, userId: payload.sub, tenantId: payload.tid, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function decodeJwt(token: string): { header: Record<string, any>; payload: Record<string, any> } {
  const [h, p] = token.split(".");
  return { header: JSON.parse(Buffer.from(h, "base64url").toString()), payload: JSON.parse(Buffer.from(p, "base64url").toString()) };
}

/** GraphQL as a signed-in user. */
export function as(server: TestServer, token: string) {
  return (query: string, variables?: Record<string, unknown>) => server.graphql(query, variables, bearer(token));
}

/** Switches the user's active workspace; returns the new access token. */
export async function switchTenant(server: TestServer, user: { accessToken: string }, tenantId: string): Promise<string> {
  const res = await server.post("/auth/switch-tenant", { tenantId }, bearer(user.accessToken));
  if (res.status !== 200) throw new Error(`switch-tenant failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
