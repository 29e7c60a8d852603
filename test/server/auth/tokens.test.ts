/**
 * Every malformed or forged access token is a 401 with a code, never a silent
 * downgrade to anonymous. Forgeries that need our real key (wrong iss/aud,
 * missing exp...) are signed with it, so only the named defect is wrong.
 */
import { generateKeyPairSync } from "node:crypto";
import { importPKCS8, SignJWT, type JWTPayload } from "jose";
import { loadKeyMaterial, type KeyMaterial } from "../../../server/src/identity/keys";
import { loadConfig } from "../../../core/config";
import { bearer, signUp, type TestUser } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer, type TestServer } from "../../helpers/server";

const getDb = useTestDatabase();
let server: TestServer;
let user: TestUser;
let keys: KeyMaterial;

beforeAll(async () => {
  server = await startTestServer(getDb());
  user = await signUp(server);
  keys = await loadKeyMaterial(loadConfig({ ...process.env, NODE_ENV: "test" }));
});
afterAll(() => server?.close());

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  return { sub: user.userId, tid: user.tenantId, perms: [], iss: "logicspike", aud: "logicspike", iat: now(), exp: now() + 600, jti: crypto.randomUUID(), ...overrides };
}

async function signWithRealKey(payload: JWTPayload, header: Record<string, unknown> = {}) {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: keys.current.kid, typ: "at+jwt", ...header });
  return jwt.sign(keys.current.privateKey);
}

async function expect401(authorization: string, code: "BADTK" | "TKEXP" = "BADTK") {
  const gql = await server.graphql("{ currentUser { rowId } }", undefined, { authorization });
  expect(gql.status).toBe(401);
  expect(gql.body.errors?.[0].extensions?.code).toBe(code);
  expect(gql.body.data).toBeUndefined();
  const rest = await server.post("/auth/logout-all", {}, { authorization });
  expect(rest.status).toBe(401);
  expect(rest.body.error.code).toBe(code);
}

describe("access token verification", () => {
  it("accepts a genuine token (the control for every case below)", async () => {
    const res = await server.graphql("{ currentUser { rowId } }", undefined, bearer(user.accessToken));
    expect(res.body).toEqual({ data: { currentUser: { rowId: user.userId } } });
    const forged = await signWithRealKey(claims());
    expect((await server.graphql("{ currentUser { rowId } }", undefined, bearer(forged))).body.data?.currentUser?.rowId).toBe(user.userId);
  });

  it("refuses alg: none", async () => {
    await expect401(`Bearer ${b64({ alg: "none", typ: "at+jwt" })}.${b64(claims())}.`);
  });

  it("refuses HS256 signed with our public key as the HMAC secret", async () => {
    const { createHmac, createPublicKey } = await import("node:crypto");
    const pem = createPublicKey({ key: keys.publicJwks[0] as never, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
    const head = `${b64({ alg: "HS256", typ: "at+jwt", kid: keys.current.kid })}.${b64(claims())}`;
    await expect401(`Bearer ${head}.${createHmac("sha256", pem).update(head).digest("base64url")}`);
  });

  it("refuses a token signed by another key under an unknown kid", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const other = await importPKCS8(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), "RS256");
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: "not-our-key", typ: "at+jwt" }).sign(other);
    await expect401(`Bearer ${token}`);
  });

  it("refuses a token signed by another key that claims our kid", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const other = await importPKCS8(privateKey.export({ type: "pkcs8", format: "pem" }).toString(), "RS256");
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: keys.current.kid, typ: "at+jwt" }).sign(other);
    await expect401(`Bearer ${token}`);
  });

  it("refuses the wrong issuer", async () => {
    await expect401(`Bearer ${await signWithRealKey(claims({ iss: "https://evil.example" }))}`);
  });

  it("refuses the wrong audience", async () => {
    await expect401(`Bearer ${await signWithRealKey(claims({ aud: "another-service" }))}`);
  });

  it("refuses a token without exp", async () => {
    const { exp: _exp, ...noExp } = claims();
    await expect401(`Bearer ${await signWithRealKey(noExp)}`);
  });

  it("refuses an expired token with TKEXP so the client knows to refresh", async () => {
    await expect401(`Bearer ${await signWithRealKey(claims({ iat: now() - 3600, exp: now() - 60 }))}`, "TKEXP");
  });

  it("refuses a token that is not yet valid (future nbf)", async () => {
    await expect401(`Bearer ${await signWithRealKey(claims({ nbf: now() + 3600 }))}`);
  });

  it("refuses a token whose payload was tampered with", async () => {
    const [h, , s] = user.accessToken.split(".");
    const payload = JSON.parse(Buffer.from(user.accessToken.split(".")[1], "base64url").toString());
    await expect401(`Bearer ${h}.${b64({ ...payload, perms: [...payload.perms, "superpower:all"] })}.${s}`);
  });

  it("refuses an oversized header without parsing it", async () => {
    const token = await signWithRealKey(claims(), { pad: "x".repeat(5000) });
    await expect401(`Bearer ${token}`);
  });

  it("refuses a token of another type (typ) even when signed by us", async () => {
    await expect401(`Bearer ${await signWithRealKey(claims(), { typ: "mfa+jwt" })}`);
  });

  it.each([
    ["garbage", "Bearer not.a.jwt"],
    ["an empty bearer", "Bearer "],
    ["another scheme", `Basic ${b64("user:pass")}`],
  ])("refuses %s", async (_label, header) => {
    await expect401(header);
  });

  it("treats no Authorization header as anonymous, not as an error", async () => {
    const res = await server.graphql("{ currentUser { rowId } }");
    expect(res.body).toEqual({ data: { currentUser: null } });
  });

  it("publishes the current key in the JWKS with kid, alg and use", async () => {
    const res = await fetch(`${server.url}/.well-known/jwks.json`);
    expect(res.headers.get("cache-control")).toMatch(/max-age/);
    const { keys: published } = (await res.json()) as { keys: Array<Record<string, string>> };
    expect(published[0]).toMatchObject({ kty: "RSA", kid: keys.current.kid, alg: "RS256", use: "sig" });
    for (const k of published) expect(k).not.toHaveProperty("d");
  });
});
