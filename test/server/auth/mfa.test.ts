/**
 * TOTP MFA over real HTTP: codes come from otplib with the secret the server
 * hands out, exactly as an authenticator app would compute them. Each user
 * spends TOTP steps in increasing order (-1, 0, +1 around now), because a
 * step that signed someone in can never be used again.
 */
import { createHash } from "node:crypto";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp, type TestUser } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer, type TestServer } from "../../helpers/server";
import { totp, wrongCode } from "../../helpers/totp";

const getDb = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(getDb());
});
afterAll(() => server?.close());

const q = async (sql: string, params: unknown[] = []) => (await getDb().superPool.query(sql, params)).rows;

async function enrolledUser(): Promise<{ user: TestUser; secret: string; recoveryCodes: string[] }> {
  const user = await signUp(server);
  const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
  expect(enrol.status).toBe(200);
  const confirm = await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret, -1) }, bearer(user.accessToken));
  expect(confirm.status).toBe(200);
  return { user, secret: enrol.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

async function challenge(user: TestUser): Promise<string> {
  const res = await login(server, user.email, GOOD_PASSWORD);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
  return res.body.mfaToken;
}

const verify = (mfaToken: string, factor: { code: string } | { recoveryCode: string }) =>
  server.post("/auth/mfa/verify", { mfaToken, tokenTransport: "body", ...factor });

describe("TOTP enrolment", () => {
  it("enrols, refuses a wrong code without changing anything, then confirms and returns 10 hashed single-view recovery codes", async () => {
    const user = await signUp(server);
    const first = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    const enrol = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    expect(enrol.status).toBe(200);
    expect(enrol.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.body.secret).not.toBe(first.body.secret);
    const uri = new URL(enrol.body.otpauthUri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/LogicSpike:${user.email}`);
    expect(uri.searchParams.get("issuer")).toBe("LogicSpike");
    expect(uri.searchParams.get("secret")).toBe(enrol.body.secret);

    // A code from the replaced secret, and a wrong one, are refused and confirm nothing.
    for (const code of [await totp(first.body.secret), await wrongCode(enrol.body.secret)]) {
      const bad = await server.post("/auth/mfa/totp/confirm", { code }, bearer(user.accessToken));
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe("MFACD");
    }
    expect(await q("select confirmed_at from app_private.mfa_totp where user_id = $1", [user.userId])).toEqual([{ confirmed_at: null }]);
    expect(await q("select 1 from app_private.mfa_recovery_codes where user_id = $1", [user.userId])).toEqual([]);
    expect((await login(server, user.email, GOOD_PASSWORD)).body.accessToken).toEqual(expect.any(String));

    const ok = await server.post("/auth/mfa/totp/confirm", { code: await totp(enrol.body.secret) }, bearer(user.accessToken));
    expect(ok.status).toBe(200);
    const codes: string[] = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    const stored = await q("select encode(code_hash, 'hex') as h, used_at from app_private.mfa_recovery_codes where user_id = $1", [user.userId]);
    const expected = codes.map((c) => createHash("sha256").update(c.replace(/-/g, "")).digest("hex"));
    expect(stored.map((r) => r.h).sort()).toEqual(expected.sort());
    expect(stored.every((r) => r.used_at === null)).toBe(true);
  });

  it("refuses to enrol or confirm again once MFA is on, and keeps the confirmed secret", async () => {
    const { user, secret } = await enrolledUser();
    const again = await server.post("/auth/mfa/totp/enroll", {}, bearer(user.accessToken));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("MFAON");
    const reconfirm = await server.post("/auth/mfa/totp/confirm", { code: await totp(secret, 1) }, bearer(user.accessToken));
    expect(reconfirm.body.error.code).toBe("MFAON");
    expect(await q("select secret, confirmed_at is not null as on from app_private.mfa_totp where user_id = $1", [user.userId])).toEqual([
      { secret, on: true },
    ]);
  });
});

describe("sign-in with a second factor", () => {
  it("returns only a challenge after the password, then aal2 tokens for a TOTP code, and refuses the same code replayed", async () => {
    const { user, secret } = await enrolledUser();
    const mfaToken = await challenge(user);
    const code = await totp(secret);
    const res = await verify(mfaToken, { code });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", refreshToken: expect.any(String), tenantId: user.tenantId });
    expect(decodeJwt(res.body.accessToken).payload).toMatchObject({ sub: user.userId, aal: "aal2", amr: ["pwd", "otp"] });
    const me = await server.graphql("{ currentUser { rowId } }", undefined, bearer(res.body.accessToken));
    expect(me.body.data?.currentUser?.rowId).toBe(user.userId);
    // The session keeps its assurance level across refresh.
    const refreshed = await server.post("/auth/refresh", { refreshToken: res.body.refreshToken });
    expect(decodeJwt(refreshed.body.accessToken).payload).toMatchObject({ aal: "aal2", amr: ["pwd", "otp"] });

    const replay = await verify(await challenge(user), { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("MFACD");
    expect(replay.body.accessToken).toBeUndefined();
  });

  it("refuses wrong codes and then locks the user's second factor, even for the right code, with Retry-After", async () => {
    const { user, secret } = await enrolledUser();
    const mfaToken = await challenge(user);
    const wrong = await wrongCode(secret);
    for (let i = 0; i < 6; i++) {
      const res = await verify(mfaToken, { code: wrong });
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 401, code: "MFACD" });
    }
    expect(await q("select failures from app_private.login_attempts where key = $1", [`mfa:${user.userId}`])).toEqual([{ failures: 6 }]);
    const locked = await verify(mfaToken, { code: await totp(secret) });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("LOCKD");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("accepts a recovery code exactly once (typed loosely) and marks it used", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const first = await verify(await challenge(user), { recoveryCode: recoveryCodes[0] });
    expect(first.status).toBe(200);
    expect(decodeJwt(first.body.accessToken).payload).toMatchObject({ aal: "aal2", amr: ["pwd", "mfa"] });
    const reused = await verify(await challenge(user), { recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe("MFACD");
    const loose = await verify(await challenge(user), { recoveryCode: ` ${recoveryCodes[1].replace(/-/g, "").toUpperCase()} ` });
    expect(loose.status).toBe(200);
    expect(await q("select count(*)::int as n from app_private.mfa_recovery_codes where user_id = $1 and used_at is not null", [user.userId])).toEqual([
      { n: 2 },
    ]);
  });

  it("never accepts the challenge as an access token, nor an access token as the challenge", async () => {
    const { user, secret } = await enrolledUser();
    const mfaToken = await challenge(user);
    const asBearer = await server.post("/auth/mfa/totp/enroll", {}, bearer(mfaToken));
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.error.code).toBe("BADTK");
    const gql = await server.graphql("{ currentUser { rowId } }", undefined, bearer(mfaToken));
    expect(gql.status).toBe(401);
    expect(gql.body.data).toBeUndefined();

    const code = await totp(secret);
    const asChallenge = await verify(user.accessToken, { code });
    expect(asChallenge.status).toBe(401);
    expect(asChallenge.body.error.code).toBe("BADTK");
    // Control: the same code with the real challenge works, so only the token was wrong.
    expect((await verify(mfaToken, { code })).status).toBe(200);
  });
});

describe("managing MFA", () => {
  it("disables only with an aal2 token and a valid code, after which sign-in gives plain tokens again", async () => {
    const { user, secret } = await enrolledUser();
    const aal1 = await server.post("/auth/mfa/totp/disable", { code: await totp(secret) }, bearer(user.accessToken));
    expect(aal1.status).toBe(403);
    expect(aal1.body.error.code).toBe("MFARQ");

    const aal2 = (await verify(await challenge(user), { code: await totp(secret) })).body.accessToken as string;
    expect(decodeJwt(aal2).payload.aal).toBe("aal2");
    const badCode = await server.post("/auth/mfa/totp/disable", { code: await wrongCode(secret) }, bearer(aal2));
    expect(badCode.body.error.code).toBe("MFACD");
    expect(await q("select 1 from app_private.mfa_totp where user_id = $1", [user.userId])).toHaveLength(1);

    const ok = await server.post("/auth/mfa/totp/disable", { code: await totp(secret, 1) }, bearer(aal2));
    expect(ok.status).toBe(204);
    expect(await q("select 1 from app_private.mfa_totp where user_id = $1", [user.userId])).toEqual([]);
    expect(await q("select 1 from app_private.mfa_recovery_codes where user_id = $1", [user.userId])).toEqual([]);
    const plain = await login(server, user.email, GOOD_PASSWORD);
    expect(plain.body.mfaRequired).toBeUndefined();
    expect(decodeJwt(plain.body.accessToken).payload).toMatchObject({ aal: "aal1", amr: ["pwd"] });
  });

  it("regenerates recovery codes only at aal2; the old codes stop working and the new ones work", async () => {
    const { user, secret, recoveryCodes: old } = await enrolledUser();
    const aal1 = await server.post("/auth/mfa/recovery-codes/regenerate", {}, bearer(user.accessToken));
    expect(aal1.status).toBe(403);
    expect(aal1.body.error.code).toBe("MFARQ");

    const aal2 = (await verify(await challenge(user), { code: await totp(secret) })).body.accessToken as string;
    const res = await server.post("/auth/mfa/recovery-codes/regenerate", {}, bearer(aal2));
    expect(res.status).toBe(200);
    const fresh: string[] = res.body.recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect((await verify(await challenge(user), { recoveryCode: old[0] })).body.error.code).toBe("MFACD");
    expect((await verify(await challenge(user), { recoveryCode: fresh[0] })).status).toBe(200);
  });
});
