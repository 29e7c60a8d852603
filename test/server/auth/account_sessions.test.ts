/**
 * Sessions and devices (GET /auth/sessions, POST /auth/sessions/revoke,
 * /auth/sessions/revoke-others): real routes, real Postgres. A revoked
 * session's refresh token fails at once, and its unexpired access tokens are
 * refused on signed-in routes and GraphQL mutations (SESSION_REVOCATION_CHECK).
 */
import { as, bearer, GOOD_PASSWORD, login, signUp } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { codeOf } from "../../helpers/expect";
import { startTestServer, type TestServer } from "../../helpers/server";
import { describeDevice } from "../../../server/src/identity/devices";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const INVITE = `mutation($email: String!) { inviteMember(input: { email: $email }) { result { email } } }`;

async function sessions(token: string) {
  const res = await fetch(`${server.url}/auth/sessions`, { headers: bearer(token) });
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /auth/sessions", () => {
  it("lists the live sessions with device, IP and times, the caller's own marked current, and no token material", async () => {
    const user = await signUp(server);
    const desk = (await server.post("/auth/login", { email: user.email, password: GOOD_PASSWORD, tokenTransport: "body" }, { "user-agent": FIREFOX })).body;
    const phone = (await server.post("/auth/login", { email: user.email, password: GOOD_PASSWORD, tokenTransport: "body" }, { "user-agent": IPHONE })).body;
    await server.post("/auth/logout", { refreshToken: user.refreshToken }); // ended: not listed

    const res = await sessions(desk.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(2);
    const [newest, older] = res.body.sessions;
    expect(newest).toMatchObject({
      current: false, userAgent: IPHONE, ip: "127.0.0.1", signInMethods: ["pwd"], aal: "aal1", tenantId: user.tenantId,
      device: { description: "Mobile Safari 17 on iOS 17.4 (Apple iPhone)", browser: "Mobile Safari 17", os: "iOS 17.4", type: "mobile" },
    });
    expect(older).toMatchObject({ current: true, userAgent: FIREFOX, device: { description: "Firefox 128 on Windows 10", type: null } });
    for (const s of res.body.sessions) {
      expect(Date.parse(s.createdAt)).toBeLessThanOrEqual(Date.parse(s.lastUsedAt));
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.now());
    }
    const text = JSON.stringify(res.body);
    for (const secret of [desk.refreshToken, phone.refreshToken]) expect(text).not.toContain(secret);
    const [hash] = await q("select encode(token_hash, 'hex') as h from app_private.refresh_tokens t join app_private.refresh_token_families f on f.id = t.family_id where f.user_id = $1 limit 1", [user.userId]);
    expect(text).not.toContain(hash.h);
    // Refreshing bumps last used, and the session stays the same one.
    const refreshed = (await server.post("/auth/refresh", { refreshToken: phone.refreshToken })).body;
    const after = (await sessions(refreshed.accessToken)).body.sessions;
    expect(after.find((s: any) => s.current).id).toBe(newest.id);
  });

  it("needs a signed-in user, and shows only the user's own sessions", async () => {
    const res = await fetch(`${server.url}/auth/sessions`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe("LOGIN");
    const a = await signUp(server);
    const b = await signUp(server);
    const ids = (await sessions(a.accessToken)).body.sessions.map((s: any) => s.id);
    const bIds = (await sessions(b.accessToken)).body.sessions.map((s: any) => s.id);
    expect(ids).toHaveLength(1);
    expect(bIds.filter((id: string) => ids.includes(id))).toEqual([]);
  });

  it("describes devices from the user agent with ua-parser-js, and nothing from nothing", () => {
    expect(describeDevice(null)).toEqual({ description: null, browser: null, os: null, type: null });
    // An agent the parser does not know has no description; the list still shows its raw userAgent.
    expect(describeDevice("curl/8.5.0").description).toBeNull();
    expect(describeDevice("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36").description).toBe("Chrome 126 on Linux");
  });
});

describe("POST /auth/sessions/revoke", () => {
  it("ends another session: its refresh fails at once and its access token can no longer write", async () => {
    const user = await signUp(server);
    const other = (await login(server, user.email, GOOD_PASSWORD)).body;
    const list = (await sessions(user.accessToken)).body.sessions;
    const target = list.find((s: any) => !s.current);

    const res = await server.post("/auth/sessions/revoke", { sessionId: target.id }, bearer(user.accessToken));
    expect(res).toMatchObject({ status: 200, body: { status: "revoked", current: false } });
    const refresh = await server.post("/auth/refresh", { refreshToken: other.refreshToken });
    expect({ status: refresh.status, code: refresh.body.error?.code }).toEqual({ status: 401, code: "BADTK" });
    expect(codeOf(await as(server, other.accessToken)(INVITE, { email: "x@example.com" }))).toBe("BADTK");
    expect((await sessions(other.accessToken)).body.error.code).toBe("BADTK");
    // The caller's own session is untouched; the revocation is audited with its reason.
    expect((await as(server, user.accessToken)(INVITE, { email: "ok@example.com" })).body.errors).toBeUndefined();
    expect((await sessions(user.accessToken)).body.sessions.map((s: any) => s.id)).toEqual([list.find((s: any) => s.current).id]);
    expect(await q("select diff->>'reason' as reason from app_public.audit_log where tenant_id = $1 and event = 'auth.session_revoked'", [user.tenantId]))
      .toEqual([{ reason: "revoked by the user" }]);
    // Again: the same answer, nothing more changes.
    expect((await server.post("/auth/sessions/revoke", { sessionId: target.id }, bearer(user.accessToken))).status).toBe(200);
    expect(await q("select count(*)::int as n from app_public.audit_log where tenant_id = $1 and event = 'auth.session_revoked'", [user.tenantId])).toEqual([{ n: 1 }]);
  });

  it("refuses another user's session and bad ids with coded errors, changing nothing", async () => {
    const a = await signUp(server);
    const b = await signUp(server);
    const [bSession] = (await sessions(b.accessToken)).body.sessions;
    const res = await server.post("/auth/sessions/revoke", { sessionId: bSession.id }, bearer(a.accessToken));
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 404, code: "NTFND" });
    const bad = await server.post("/auth/sessions/revoke", { sessionId: "not-a-uuid" }, bearer(a.accessToken));
    expect({ status: bad.status, code: bad.body.error.code }).toEqual({ status: 422, code: "INVLD" });
    const anon = await server.post("/auth/sessions/revoke", { sessionId: bSession.id });
    expect({ status: anon.status, code: anon.body.error.code }).toEqual({ status: 401, code: "LOGIN" });
    expect(await q("select revoked_at from app_private.refresh_token_families where id = $1", [bSession.id])).toEqual([{ revoked_at: null }]);
    expect((await server.post("/auth/refresh", { refreshToken: b.refreshToken })).status).toBe(200);
  });

  it("revoking the current session signs it out", async () => {
    const user = await signUp(server);
    const [mine] = (await sessions(user.accessToken)).body.sessions;
    expect((await server.post("/auth/sessions/revoke", { sessionId: mine.id }, bearer(user.accessToken))).body).toEqual({ status: "revoked", current: true });
    expect((await server.post("/auth/refresh", { refreshToken: user.refreshToken })).body.error.code).toBe("BADTK");
  });
});

describe("POST /auth/sessions/revoke-others", () => {
  it("signs out every other session and keeps this one", async () => {
    const user = await signUp(server);
    const others = [(await login(server, user.email, GOOD_PASSWORD)).body, (await login(server, user.email, GOOD_PASSWORD)).body];
    const res = await server.post("/auth/sessions/revoke-others", {}, bearer(user.accessToken));
    expect(res).toMatchObject({ status: 200, body: { status: "signed_out_others", sessionsEnded: 2 } });
    for (const o of others) expect((await server.post("/auth/refresh", { refreshToken: o.refreshToken })).body.error.code).toBe("BADTK");
    const mine = await server.post("/auth/refresh", { refreshToken: user.refreshToken });
    expect(mine.status).toBe(200);
    expect((await sessions(mine.body.accessToken)).body.sessions).toEqual([expect.objectContaining({ current: true })]);
    // Nothing left to end.
    expect((await server.post("/auth/sessions/revoke-others", {}, bearer(mine.body.accessToken))).body.sessionsEnded).toBe(0);
  });
});
