import type { TestPostgres } from "../helpers/postgres";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __TEST_PG__?: TestPostgres }).__TEST_PG__?.destroy();
}
