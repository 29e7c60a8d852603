/**
 * Every event type has a payload contract (app_public.event_types.schema) and
 * every publisher keeps it. Two angles, because each alone has a blind spot:
 *  - statically, from the catalog: the live text (pg_proc.prosrc, so always the
 *    latest definition however often a migration redefined it) of every
 *    function that calls publish_event, with the keys of its
 *    jsonb_build_object payload checked against the type's `required` keys;
 *  - at run time, the billing flow is driven through its SQL entry points and
 *    every billing event it records must carry exactly the contract's
 *    properties, with the declared JSON types (`required` is what the outbox
 *    trigger enforces; `properties` is what webhook consumers read).
 */
import type pg from "pg";
import { asOwner, useTestDatabase } from "../helpers/db";

const getDb = useTestDatabase();

/** Types allowed an empty `required` list, each with the reason. None today: every payload has keys consumers rely on. */
const CONTRACT_FREE: Record<string, string> = {};

/** Publishers whose payload is not a jsonb_build_object literal, so the static check cannot read its keys; the run-time flow covers them. */
const BUILT_ELSEWHERE: Record<string, string> = {
  "app_private.rebuild_entitlements entitlements.changed": "publishes the rebuilt entitlements (v_after: plan, limits, services)",
};

/** Publishers of a type chosen at run time, each checked there against the catalog and its contract; the static check skips them. */
const DYNAMIC_TYPES: Record<string, string> = {
  "app_private.publish_service_event": "publishes the type a service asks for (POST /internal/v1/events), after checking the catalog, its publisher and the payload's required keys and property types",
};

const BILLING_TYPES = [
  "wallet.credited", "addon.purchased", "entitlements.changed", "payment.failed",
  "subscription.activated", "subscription.cancelled", "invoice.paid",
];

interface Contract {
  required: string[];
  properties: Record<string, { type: string }>;
}

async function contracts(): Promise<Map<string, Contract>> {
  const { rows } = await getDb().superPool.query<{ key: string; schema: Partial<Contract> }>("select key, schema from app_public.event_types");
  return new Map(rows.map((r) => [r.key, { required: r.schema.required ?? [], properties: r.schema.properties ?? {} }]));
}

/**
 * The top-level arguments of the call whose "(" is at `open` (nested calls and
 * SQL string literals, with '' escapes, respected), and where the call ends.
 */
function callArgs(text: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0, quoted = false, start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "'" && text[i + 1] === "'") i++;
      else if (ch === "'") quoted = false;
    } else if (ch === "'") quoted = true;
    else if (ch === "(") depth++;
    else if (ch === "," && depth === 1) (args.push(text.slice(start, i).trim()), (start = i + 1));
    else if (ch === ")" && --depth === 0) return { args: [...args, text.slice(start, i).trim()], end: i };
  }
  throw new Error(`unbalanced parentheses after offset ${open}`);
}

interface CallSite { fn: string; type: string; keys: string[] | null }

/** Every publish_event call in the live function definitions of app_* schemas. */
async function callSites(): Promise<CallSite[]> {
  const { rows } = await getDb().superPool.query<{ fn: string; src: string }>(`
    select n.nspname || '.' || p.proname as fn, p.prosrc as src
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname like 'app\\_%' and p.proname <> 'publish_event' and p.prosrc like '%publish_event(%'`);
  const sites: CallSite[] = [];
  for (const { fn, src } of rows) {
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/--[^\n]*/g, "");
    for (const m of code.matchAll(/publish_event\s*\(/g)) {
      const [, type = "", payload = ""] = callArgs(code, m.index! + m[0].length - 1).args;
      const literal = /^'([a-z_.]+)'$/.exec(type);
      if (!literal && DYNAMIC_TYPES[fn]) continue;
      if (!literal) throw new Error(`${fn} publishes an event whose type is not a literal (${type}); list it in this test`);
      // Readable only when the whole payload is one jsonb_build_object call with literal keys.
      const built = /^jsonb_build_object\s*\(/.exec(payload);
      const call = built && callArgs(payload, built[0].length - 1);
      const keys = call && call.end === payload.length - 1 ? call.args.filter((_, i) => i % 2 === 0).map((k) => /^'([^']+)'$/.exec(k)?.[1] ?? `<${k}>`) : null;
      sites.push({ fn, type: literal[1], keys });
    }
  }
  return sites;
}

describe("event payload contracts", () => {
  it("exist for every event type, or the type is listed as contract-free with a reason", async () => {
    const all = await contracts();
    expect(all.size).toBeGreaterThan(15);
    const empty = [...all].filter(([key, c]) => c.required.length === 0 && !CONTRACT_FREE[key]).map(([key]) => key);
    expect(empty).toEqual([]);
    for (const [key, c] of all) {
      // Every required key is documented with a type.
      expect({ key, undocumented: c.required.filter((r) => !c.properties[r]?.type) }).toEqual({ key, undocumented: [] });
    }
    expect(Object.keys(CONTRACT_FREE).filter((k) => !all.has(k))).toEqual([]); // no stale exemptions
  });

  it("are covered by the keys every publisher sends, in the latest definition of each function", async () => {
    const all = await contracts();
    const sites = await callSites();
    expect(sites.map((s) => s.type)).toEqual(expect.arrayContaining(BILLING_TYPES)); // not vacuous: billing publishers were found
    const problems: string[] = [];
    for (const s of sites) {
      const contract = all.get(s.type);
      if (!contract) problems.push(`${s.fn} publishes unknown type ${s.type}`);
      else if (s.keys === null) {
        if (!BUILT_ELSEWHERE[`${s.fn} ${s.type}`]) problems.push(`${s.fn} publishes ${s.type} with a payload this test cannot read; list it in BUILT_ELSEWHERE`);
      } else {
        const missing = contract.required.filter((r) => !s.keys!.includes(r));
        if (missing.length) problems.push(`${s.fn} publishes ${s.type} without ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    const dynamic = sites.filter((s) => s.keys === null).map((s) => `${s.fn} ${s.type}`);
    expect(dynamic.sort()).toEqual(Object.keys(BUILT_ELSEWHERE).sort()); // no stale entries either
    const { rows: dynamicPublishers } = await getDb().superPool.query<{ fn: string }>(
      "select n.nspname || '.' || p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname || '.' || p.proname = any ($1)",
      [Object.keys(DYNAMIC_TYPES)]);
    expect(dynamicPublishers.map((r) => r.fn).sort()).toEqual(Object.keys(DYNAMIC_TYPES).sort()); // no stale entries either
  });

  it("hold for every billing event the billing flow records: exactly the documented keys, with their types", () =>
    asOwner(getDb(), async (c) => {
      const tenantId = await billingFlow(c);
      const { rows } = await c.query<{ type: string; payload: Record<string, unknown> }>(
        "select type, payload from app_private.events where tenant_id = $1 and type = any ($2) order by occurred_at",
        [tenantId, BILLING_TYPES],
      );
      expect([...new Set(rows.map((r) => r.type))].sort()).toEqual([...BILLING_TYPES].sort());
      const all = await contracts();
      for (const { type, payload } of rows) {
        const { properties } = all.get(type)!;
        expect({ event: type, keys: Object.keys(payload).sort() }).toEqual({ event: type, keys: Object.keys(properties).sort() });
        for (const [key, value] of Object.entries(payload)) {
          expect({ event: type, key, is: jsonType(value) }).toEqual({ event: type, key, is: properties[key].type });
        }
      }
    }));
});

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v; // string, boolean, object
}

/**
 * One workspace through every billing publisher, in one (rolled-back)
 * transaction: grant, add-on purchase and the rebuild it causes, a failed and
 * a captured coin payment, a Pro subscription activated, invoiced and
 * cancelled. The provider calls are replaced by the provider_refs rows the
 * billing mutations would have written.
 */
async function billingFlow(c: pg.PoolClient): Promise<string> {
  const email = `contracts-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const { rows: [{ user_id: userId, tenant_id: tenantId }] } = await c.query(
    "select user_id, tenant_id from app_private.register_user($1, 'Contract Owner', null, 'Contracts')", [email]);
  await c.query("select app_private.credit($1, 100, 'grant', 'contract test', 'contracts:grant')", [tenantId]);
  for (const [key, value] of [["jwt.claims.user_id", userId], ["jwt.claims.tenant_id", tenantId], ["jwt.claims.permissions", "billing:manage billing:read"]]) {
    await c.query("select set_config($1, $2, true)", [key, value]);
  }
  await c.query("select app_public.purchase_addon('seats_5', 'contracts')");
  await c.query("select app_private.rebuild_entitlements($1)", [tenantId]);

  // apply_payment publishes payment.failed on a move to failed (authorized -> failed), not for a payment first seen failed.
  for (const [order, statuses] of [["order_contract_f", ["authorized", "failed"]], ["order_contract_c", ["captured"]]] as const) {
    const { rows: [{ id }] } = await c.query(
      "insert into app_public.coin_orders (tenant_id, coin_pack, coins, amount_paise, currency) values ($1, 'coins_100', 100, 9900, 'INR') returning id", [tenantId]);
    await c.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ('razorpay', 'order', $1, $2, $3)", [order, tenantId, id]);
    for (const status of statuses) {
      expect((await c.query("select app_private.apply_payment('razorpay', $1, $2, $3, 9900, 'INR') as r", [`pay_${order}`, order, status])).rows[0].r).toBe("applied");
    }
  }

  const { rows: [{ id: subId }] } = await c.query("insert into app_public.plan_subscriptions (tenant_id, plan) values ($1, 'pro') returning id", [tenantId]);
  await c.query("insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values ('razorpay', 'subscription', 'sub_contract', $1, $2)", [tenantId, subId]);
  const apply = async (sql: string) => expect((await c.query(sql)).rows[0].r).toBe("applied");
  await apply("select app_private.apply_subscription('razorpay', 'sub_contract', 'active', now(), now() + interval '30 days', now() - interval '1 minute') as r");
  await apply("select app_private.apply_invoice('razorpay', 'inv_contract', 'sub_contract', 'paid', 99900, 'INR', now()) as r");
  await apply("select app_private.apply_subscription('razorpay', 'sub_contract', 'cancelled', null, null, now()) as r");
  return tenantId;
}
