/**
 * `npm run keys:rotate`.
 *
 * Development (no JWT_PRIVATE_KEY): generates a new signing key into
 * <dataDir>/keys/signing-keys.json and keeps the previous ones published in
 * the JWKS. Restart the server to sign with the new key.
 *
 * Production (JWT_PRIVATE_KEY set): writes nothing; prints the new
 * JWT_PRIVATE_KEY and the JWT_PREVIOUS_PUBLIC_KEYS value to deploy together,
 * so tokens signed by the old key keep verifying until they expire.
 */
import { exportPKCS8, importJWK, type CryptoKey, type JWK } from "jose";
import { loadConfig } from "../../../core/config";
import { generatePrivateJwk, loadKeyMaterial, rotateDevKeys } from "../identity/keys";

async function main() {
  const config = loadConfig();
  if (process.argv[2] !== "rotate") {
    console.error("usage: keys rotate");
    process.exit(2);
  }
  if (!config.jwt.privateKey) {
    const { kid, published } = await rotateDevKeys(config);
    console.log(`New signing key ${kid}; ${published} key(s) published in the JWKS. Restart the server to use it.`);
    return;
  }
  const current = await loadKeyMaterial(config);
  const fresh = await generatePrivateJwk();
  const pem = await exportPKCS8((await importJWK(fresh, "RS256", { extractable: true })) as CryptoKey);
  // Keep the outgoing key (and at most one older) published for one access-token lifetime at least.
  const previous: JWK[] = current.publicJwks.slice(0, 2);
  console.log("# Deploy both, then restart every server instance:");
  console.log(`JWT_PRIVATE_KEY=${JSON.stringify(pem)}`);
  console.log(`JWT_PREVIOUS_PUBLIC_KEYS=${JSON.stringify(JSON.stringify(previous))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
