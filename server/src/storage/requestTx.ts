/**
 * Runs fn in one transaction on the authenticator pool under the caller's request role and claims
 * (pgSettingsFor, exactly as GraphQL does), so RLS decides what the storage routes may see and write.
 */
import type { Request } from "express";
import type { Pool, PoolClient } from "pg";
import { withTransaction } from "../../../core/db/transaction";
import { pgSettingsFor, type VerifiedIdentity } from "../../../core/tenancy";

export function asRequestRole<T>(pool: Pool, req: Request, identity: VerifiedIdentity, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query("select set_config(k, v, true) from json_each_text($1::json) as s(k, v)", [
      JSON.stringify(pgSettingsFor(identity, req.id, req.ip)),
    ]);
    return fn(client);
  });
}
