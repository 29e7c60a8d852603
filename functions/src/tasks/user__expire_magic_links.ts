import { defineTask } from "../lib/task";

/** The rate-limit window of POST /auth/magic-link (server/src/identity/routes/magicLink.ts): requests per hour. */
const WINDOW_SECONDS = 3600;

/**
 * Hourly (functions/crontab): deletes sign-in links (magic links and their
 * one-time codes) past their expiry, and the hashed rate-limit rows of
 * POST /auth/magic-link older than its one-hour window, so neither waits for
 * the next request from the same address to be cleaned up. Idempotent: a
 * second run finds nothing more to do.
 */
const task = defineTask(async (_payload, { withPgClient, logger }) => {
  const { rows } = await withPgClient((c) =>
    c.query<{ links: string; requests: string }>("select * from app_private.expire_magic_links(make_interval(secs => $1))", [WINDOW_SECONDS]),
  );
  const { links, requests } = rows[0];
  if (Number(links) + Number(requests) > 0) logger.info(`user__expire_magic_links: ${links} expired sign-in links and ${requests} old rate-limit rows deleted`);
});

export default task;
