import { Resolver } from "node:dns/promises";
import { defineTask } from "../lib/task";

interface Payload {
  id: string;
}

function assertPayload(p: unknown): asserts p is Payload {
  if (typeof (p as Payload | null)?.id !== "string") throw new Error("custom_domains__verify: invalid payload");
}

/** The TXT strings at `name` (each record's chunks joined, RFC 7208 style); throws a short reason on DNS trouble. */
export async function lookupTxt(name: string, servers: string[]): Promise<string[]> {
  // A fresh resolver per check: no answer cached from the previous attempt.
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENODATA" || code === "ENOTFOUND") return [];
    throw new Error(`The DNS lookup of ${name} failed (${code ?? "error"}); it will be retried.`);
  }
}

/**
 * One DNS check of one pending custom domain. The hostname and expected token
 * are re-read as the owner (the token never travels in the payload), the TXT
 * record `_logicspike.<hostname>` is resolved with DNS_SERVERS (or the
 * system resolver), and app_private.record_custom_domain_check records the
 * verdict: verified, or the next attempt queued with backoff until the
 * CUSTOM_DOMAIN_VERIFY_HOURS window closes. DNS failures are verdicts too
 * (recorded as last_error, retried on the same schedule); only database
 * errors throw, for graphile-worker's own retries. Idempotent: a row that is
 * gone or no longer pending is left alone.
 */
const task = defineTask(async (payload, { withPgClient, logger }, config) => {
  assertPayload(payload);
  const { dnsServers, verifyWindowHours } = config.customDomains;
  const { rows } = await withPgClient((c) =>
    c.query<{ hostname: string; status: string; token: string }>(
      `select d.hostname, d.status, t.token from app_public.custom_domains d
         join app_private.custom_domain_tokens t on t.custom_domain_id = d.id where d.id = $1`,
      [payload.id],
    ),
  );
  const domain = rows[0];
  if (!domain || domain.status !== "pending") {
    logger.info(`custom domain ${payload.id} is gone or not pending; nothing to check`);
    return;
  }
  const name = `_logicspike.${domain.hostname}`;
  const expected = `logicspike-verify=${domain.token}`;
  let found = false;
  let problem: string | null = null;
  try {
    const values = await lookupTxt(name, dnsServers);
    found = values.includes(expected);
    if (!found) problem = values.length ? `The TXT record at ${name} does not hold the expected value.` : `No TXT record found at ${name}.`;
  } catch (e) {
    problem = (e as Error).message;
  }
  const { rows: result } = await withPgClient((c) =>
    c.query<{ status: string | null }>("select app_private.record_custom_domain_check($1, $2, $3, make_interval(hours => $4)) as status", [
      payload.id,
      found,
      problem,
      verifyWindowHours,
    ]),
  );
  logger.info(`custom domain ${domain.hostname}: ${result[0]?.status ?? "unchanged"}${problem ? ` (${problem})` : ""}`);
});

export default task;
