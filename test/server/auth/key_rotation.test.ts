/**
 * Rotating the signing key: tokens signed by the previous key keep verifying
 * (it stays in the JWKS), new tokens carry the new kid.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rotateDevKeys } from "../../../server/src/identity/keys";
import { loadConfig } from "../../../core/config";
import { bearer, decodeJwt, GOOD_PASSWORD, login, signUp } from "../../helpers/auth";
import { useTestDatabase } from "../../helpers/db";
import { startTestServer } from "../../helpers/server";

const getDb = useTestDatabase();

it("keeps old tokens valid across a rotation while new ones use the new key", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "logicspike-keys-"));
  try {
    const before = await startTestServer(getDb(), { LOGICSPIKE_DATA_DIR: dataDir });
    const user = await signUp(before);
    const oldKid = decodeJwt(user.accessToken).header.kid;
    await before.close();

    const { kid: newKid, published } = await rotateDevKeys(loadConfig({ NODE_ENV: "test", LOGICSPIKE_DATA_DIR: dataDir }));
    expect(newKid).not.toBe(oldKid);
    expect(published).toBe(2);

    const after = await startTestServer(getDb(), { LOGICSPIKE_DATA_DIR: dataDir });
    try {
      const jwks = (await (await fetch(`${after.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
      expect(jwks.keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
      const old = await after.graphql("{ currentUser { rowId } }", undefined, bearer(user.accessToken));
      expect(old.body.data?.currentUser).toEqual({ rowId: user.userId });
      const fresh = await login(after, user.email, GOOD_PASSWORD);
      expect(decodeJwt(fresh.body.accessToken).header.kid).toBe(newKid);
      // The refresh token from before the rotation still works too (it is not a JWT).
      expect((await after.post("/auth/refresh", { refreshToken: user.refreshToken })).status).toBe(200);
    } finally {
      await after.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
