/**
 * `npm run service:client -- create <id> [--scopes a,b]` prints the new
 * client secret once (only its SHA-256 is stored; running create again
 * rotates it). `npm run service:client -- revoke <id>` stops new service
 * tokens; issued ones expire within SERVICE_TOKEN_TTL_SECONDS.
 * Same database resolution as `npm run db:*` (embedded unless DATABASE_URL).
 */
import pg from "pg";
import { loadConfig } from "../../../core/config";
import { resolveDatabase } from "../../../core/db/urls";

const USAGE = "usage: service:client -- create <id> [--scopes scope1,scope2] | revoke <id>";

async function main([command, id, ...rest]: string[]) {
  if (!["create", "revoke"].includes(command) || !id) {
    console.error(USAGE);
    process.exit(2);
  }
  const i = rest.indexOf("--scopes");
  const scopes = i >= 0 ? (rest[i + 1] ?? "").split(/[\s,]+/).filter(Boolean) : [];
  const db = await resolveDatabase(loadConfig());
  const client = new pg.Client({ connectionString: db.urls.owner });
  try {
    await client.connect();
    if (command === "create") {
      const { rows } = await client.query<{ secret: string }>("select app_private.create_service_client($1, $2) as secret", [id, scopes]);
      console.log(`Service client ${id} (scopes: ${scopes.join(" ") || "none"}). Store this secret now; it cannot be shown again:`);
      console.log(rows[0].secret);
    } else {
      const { rows } = await client.query<{ revoked: boolean }>("select app_private.revoke_service_client($1) as revoked", [id]);
      console.log(rows[0].revoked ? `Service client ${id} revoked.` : `No active service client ${id}.`);
    }
  } finally {
    await client.end();
    await db.embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
