import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inTransaction } from "./transaction";
import { DB_DIR } from "./migrate";
import { directUrl, type DatabaseUrls } from "./urls";

/** Development seed data: db/seed.sql, idempotent, run as the owner after migrations. */
export async function seedDatabase(urls: DatabaseUrls): Promise<void> {
  const sql = fs.readFileSync(path.join(DB_DIR, "seed.sql"), "utf8");
  const client = new pg.Client({ connectionString: directUrl(urls) });
  await client.connect();
  try {
    await inTransaction(client, (c) => c.query(sql));
  } finally {
    await client.end();
  }
}
