/**
 * /billing: the workspace's plan and subscription, coin wallet and ledger,
 * add-ons (bought with coins), usage against the plan's limits, coin packs
 * and invoices, through the SDK's BillingOverview, BillingCatalog,
 * WalletLedger, MeterUsage, Invoices and Purchase/CancelAddon. Reading needs
 * billing:read, buying and cancelling billing:manage. Changing the plan and
 * buying coin packs go through Razorpay Checkout (../checkout.ts): a new
 * plan is StartCheckout then the widget (subscription), a switch between
 * paid plans ChangePlan (no payment step), a coin pack BuyCoins then the
 * widget (order); the widget's answer is confirmed by the server before
 * anything is shown as paid.
 */
import { useState } from "react";
import {
  BillingCatalogDocument,
  BillingOverviewDocument,
  BuyCoinsDocument,
  CancelAddonDocument,
  CancelSubscriptionDocument,
  ChangePlanDocument,
  StartCheckoutDocument,
  InvoicesDocument,
  MeterUsageDocument,
  PurchaseAddonDocument,
  WalletLedgerDocument,
  type BillingCatalogQuery,
  type BillingOverviewQuery,
  type MeterUsageQuery,
  type WalletLedgerQuery,
} from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { Alert, ConfirmDialog, Empty, Loading, useErrorHandler, useQuery } from "../ui";
import { checkoutConfig, confirmCheckout, payInCheckout } from "../checkout";

const READ: PermissionKey = "billing:read";
const MANAGE: PermissionKey = "billing:manage";
const money = (paise: number | string | null | undefined, currency = "INR") =>
  new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(paise ?? 0) / 100);
const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—");

export function Billing() {
  const { can, tenant } = useSignedIn();
  const allowed = can(READ);
  const deps = [tenant?.rowId, allowed];
  const overview = useQuery(async () => (allowed ? request(BillingOverviewDocument) : undefined), deps);
  const catalog = useQuery(async () => (allowed ? request(BillingCatalogDocument) : undefined), deps);
  const ledger = useQuery(async () => (allowed ? request(WalletLedgerDocument, { first: 25 }) : undefined), deps);
  const usage = useQuery(async () => (allowed ? request(MeterUsageDocument) : undefined), deps);
  const invoices = useQuery(async () => (allowed ? request(InvoicesDocument, { first: 25 }) : undefined), deps);
  const reloadAll = async () => void (await Promise.all([overview.reload(), ledger.reload(), usage.reload()]));

  if (!allowed) {
    return (
      <section aria-labelledby="billing-title">
        <div className="page-header"><h1 id="billing-title">Billing</h1></div>
        <Empty>Your role does not include seeing billing (permission {READ}).</Empty>
      </section>
    );
  }
  const t = overview.data?.currentTenant;
  const sub = t?.planSubscriptions?.nodes[0];
  const plans = catalog.data?.plans?.nodes ?? [];
  const planName = plans.find((p) => p?.key === t?.billingAccount?.plan)?.name ?? t?.billingAccount?.plan ?? "—";
  return (
    <section aria-labelledby="billing-title">
      <div className="page-header">
        <h1 id="billing-title">Billing</h1>
        <p className="hint">Plan, coins, add-ons and usage of {tenant?.name ?? "this workspace"}.</p>
      </div>
      {overview.loading && !overview.data ? <Loading label="Loading billing…" /> : null}
      <Alert error={overview.error} />
      {t ? (
        <div className="panel stats">
          <div>
            <h2>Plan</h2>
            <p className="stat" data-testid="plan">{planName}</p>
            <p className="hint">{sub ? `Subscription ${sub.status}${sub.currentPeriodEnd ? `, renews ${day(sub.currentPeriodEnd)}` : ""}${sub.cancelAtPeriodEnd ? " (cancels at period end)" : ""}` : "No paid subscription."}</p>
          </div>
          <div>
            <h2>Coin balance</h2>
            <p className="stat" data-testid="balance">{t.wallet?.balance ?? 0} coins</p>
          </div>
        </div>
      ) : null}
      <Usage query={usage} />
      <Addons catalog={catalog.data} overview={overview.data} onChanged={reloadAll} />
      <Ledger query={ledger} />
      <Plans catalog={catalog.data} overview={overview.data} onChanged={reloadAll} />
      <CoinPacks catalog={catalog.data} onChanged={reloadAll} />
      <div className="panel">
        <h2>Invoices</h2>
        {invoices.loading && !invoices.data ? <Loading label="Loading invoices…" /> : null}
        <Alert error={invoices.error} />
        {invoices.data && !invoices.data.invoices?.nodes.length ? <Empty>No invoices yet.</Empty> : null}
        {invoices.data?.invoices?.nodes.length ? (
          <table className="table">
            <thead><tr><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Paid</th></tr></thead>
            <tbody>
              {invoices.data.invoices.nodes.filter(Boolean).map((i) => (
                <tr key={i!.rowId}>
                  <td data-label="Date">{day(i!.createdAt)}</td>
                  <td data-label="Amount">{money(i!.amountPaise, i!.currency)}</td>
                  <td data-label="Status">{i!.status}</td>
                  <td data-label="Paid">{day(i!.paidAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}

function Usage({ query }: { query: ReturnType<typeof useQuery<MeterUsageQuery | undefined>> }) {
  const meters = (query.data?.meterUsage?.nodes ?? []).filter(Boolean);
  return (
    <div className="panel">
      <h2>Usage</h2>
      {query.loading && !query.data ? <Loading label="Loading usage…" /> : null}
      <Alert error={query.error} />
      {query.data && !meters.length ? <Empty>No metered usage.</Empty> : null}
      {meters.map((m) => {
        const used = Number(m!.used ?? 0);
        const limit = m!.limit == null ? null : Number(m!.limit);
        return (
          <div key={m!.meter} className="meter">
            <label htmlFor={`meter-${m!.meter}`}>
              {m!.description || m!.meter}: {used}{limit == null ? " (unlimited)" : ` of ${limit}`} {m!.unit}
              {m!.resetsAt ? <span className="hint"> · resets {day(m!.resetsAt)}</span> : null}
            </label>
            <progress id={`meter-${m!.meter}`} max={limit ?? Math.max(used, 1)} value={limit == null ? 0 : Math.min(used, limit)} />
          </div>
        );
      })}
    </div>
  );
}

function Addons({ catalog, overview, onChanged }: { catalog: BillingCatalogQuery | undefined; overview: BillingOverviewQuery | undefined; onChanged: () => Promise<void> }) {
  const { can } = useSignedIn();
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<{ id: string; name: string } | null>(null);
  const handle = useErrorHandler();
  const addons = (catalog?.addons?.nodes ?? []).filter(Boolean);
  const active = (overview?.currentTenant?.tenantAddons?.nodes ?? []).filter((a) => a && a.status === "active");
  const nameOf = (key: string) => addons.find((a) => a!.key === key)?.name ?? key;
  const buy = async (key: string) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      await request(PurchaseAddonDocument, { addonKey: key, idempotencyKey: crypto.randomUUID() });
      setNotice(`${nameOf(key)} is active.`);
      await onChanged();
    } catch (e) {
      setError({ key, error: handle(e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="panel">
      <h2>Add-ons</h2>
      <Alert success={notice} />
      {addons.length ? (
        <table className="table">
          <thead><tr><th scope="col">Add-on</th><th scope="col">Price</th><th scope="col">Active</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {addons.map((a) => {
              const mine = active.filter((t) => t!.addon === a!.key);
              return (
                <tr key={a!.key}>
                  <td data-label="Add-on">{a!.name}<p className="hint">{a!.description}{a!.plans?.length ? ` Plans: ${a!.plans.join(", ")}.` : ""}</p></td>
                  <td data-label="Price">{a!.coinCost} coins{a!.isRecurring ? " a period" : ""}</td>
                  <td data-label="Active">{mine.length || "—"}</td>
                  <td className="actions-cell">
                    {can(MANAGE) ? (
                      <>
                        <button type="button" className="small" disabled={busy === a!.key} onClick={() => void buy(a!.key)} aria-label={`Buy ${a!.name} for ${a!.coinCost} coins`}>{busy === a!.key ? "Buying…" : "Buy"}</button>
                        {mine.length ? <button type="button" className="danger small" onClick={() => setCancelling({ id: mine[0]!.rowId, name: a!.name })} aria-label={`Cancel ${a!.name}`}>Cancel</button> : null}
                        {error?.key === a!.key ? <p className="field-error">{error.error.message}{error.error.code ? <span className="code"> (code: {error.error.code})</span> : null}</p> : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : <Empty>No add-ons on offer.</Empty>}
      {cancelling ? (
        <ConfirmDialog
          title={`Cancel ${cancelling.name}?`}
          confirmLabel="Cancel add-on"
          onClose={() => setCancelling(null)}
          onConfirm={async () => {
            await request(CancelAddonDocument, { tenantAddonId: cancelling.id });
            await onChanged();
          }}
        >
          <p>Its extra limits go at once; coins already spent are not refunded.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function Ledger({ query }: { query: ReturnType<typeof useQuery<WalletLedgerQuery | undefined>> }) {
  const nodes = (query.data?.walletEntries?.nodes ?? []).filter(Boolean);
  return (
    <div className="panel">
      <h2>Coin ledger</h2>
      {query.loading && !query.data ? <Loading label="Loading the ledger…" /> : null}
      <Alert error={query.error} />
      {query.data && !nodes.length ? <Empty>No coin movements yet.</Empty> : null}
      {nodes.length ? (
        <table className="table ledger">
          <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Amount</th><th scope="col">Balance after</th><th scope="col">Reference</th></tr></thead>
          <tbody>
            {nodes.map((e) => (
              <tr key={e!.rowId}>
                <td data-label="Date">{day(e!.createdAt)}</td>
                <td data-label="Kind">{e!.kind}</td>
                <td data-label="Amount">{Number(e!.amount) > 0 ? `+${e!.amount}` : e!.amount}</td>
                <td data-label="Balance after">{e!.balanceAfter}</td>
                <td data-label="Reference">{e!.reference ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Subscription states that are a live plan (a `created` row is a checkout that was never paid). */
const LIVE = new Set(["authenticated", "active", "pending", "halted"]);

/** One payment at a time: what it is for, the progress line, its outcome. */
function usePayment() {
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handle = useErrorHandler();
  const run = async (key: string, steps: (say: (text: string) => void, refused: (e: ApiError) => void) => Promise<string>) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      setNotice(await steps(setProgress, (e) => setError({ key, error: e })));
      setError(null);
    } catch (e) {
      setError({ key, error: handle(e) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  return { busy, progress, error, notice, run };
}

function PaymentState({ payment, at }: { payment: ReturnType<typeof usePayment>; at: string }) {
  return (
    <>
      {payment.busy === at && payment.progress ? <Loading label={payment.progress} /> : null}
      {payment.error?.key === at ? <p className="field-error" role="alert">{payment.error.error.message}{payment.error.error.code ? <span className="code"> (code: {payment.error.error.code})</span> : null}</p> : null}
    </>
  );
}

function Plans({ catalog, overview, onChanged }: { catalog: BillingCatalogQuery | undefined; overview: BillingOverviewQuery | undefined; onChanged: () => Promise<void> }) {
  const { can, user } = useSignedIn();
  const payment = usePayment();
  const [interval, setEvery] = useState("monthly");
  const [switching, setSwitching] = useState<{ key: string; name: string } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const plans = (catalog?.plans?.nodes ?? []).filter(Boolean);
  const current = overview?.currentTenant?.billingAccount?.plan;
  const live = overview?.currentTenant?.planSubscriptions?.nodes.find((s) => s && LIVE.has(s.status));
  const subscribe = (key: string, name: string) =>
    payment.run(key, async (say, refused) => {
      say("Starting the checkout…");
      const started = (await request(StartCheckoutDocument, { plan: key, interval })).startCheckout!;
      const cfg = await checkoutConfig();
      say("Waiting for the payment in Razorpay Checkout…");
      const response = await payInCheckout(
        { key: started.keyId ?? cfg.keyId ?? "", subscription_id: started.subscriptionId, description: `${name} (${interval})`, prefill: { name: user.name ?? "", email: user.email } },
        refused,
      );
      say("Confirming the payment…");
      const confirmed = await confirmCheckout<{ subscriptionStatus: string }>(response);
      await onChanged();
      return `Subscribed to ${name}: the subscription is ${confirmed.subscriptionStatus}.`;
    });
  return (
    <div className="panel">
      <h2>Plans</h2>
      <Alert success={payment.notice} />
      {can(MANAGE) && !live ? (
        <label className="inline">Billing interval{" "}
          <select value={interval} onChange={(e) => setEvery(e.target.value)} aria-label="Billing interval">
            <option value="monthly">Monthly</option>
            <option value="yearly">Yearly</option>
          </select>
        </label>
      ) : null}
      {plans.length ? (
        <table className="table plans">
          <thead><tr><th scope="col">Plan</th><th scope="col">Price</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {plans.map((p) => {
              const paid = Number(p!.priceMonthlyPaise ?? 0) > 0;
              const mine = p!.key === (live?.plan ?? current);
              return (
                <tr key={p!.key}>
                  <td data-label="Plan">{p!.name}{mine ? <span className="badge ok">Current</span> : null}<p className="hint">{p!.description}</p></td>
                  <td data-label="Price">{paid ? `${money(p!.priceMonthlyPaise, p!.currency)} a month or ${money(p!.priceYearlyPaise, p!.currency)} a year` : "Free"}</td>
                  <td className="actions-cell">
                    {can(MANAGE) && !mine && paid ? (
                      <button type="button" className="small" disabled={!!payment.busy}
                        onClick={() => (live ? setSwitching({ key: p!.key, name: p!.name }) : void subscribe(p!.key, p!.name))}
                        aria-label={`${live ? "Switch to" : "Subscribe to"} ${p!.name}`}>
                        {payment.busy === p!.key ? "Working…" : live ? "Switch" : "Subscribe"}
                      </button>
                    ) : null}
                    {can(MANAGE) && mine && live && !live.cancelAtPeriodEnd ? (
                      <button type="button" className="danger small" onClick={() => setCancelling(true)}>Cancel subscription</button>
                    ) : null}
                    <PaymentState payment={payment} at={p!.key} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : <Empty>No plans on offer.</Empty>}
      {switching ? (
        <ConfirmDialog
          title={`Switch to ${switching.name}?`}
          confirmLabel={`Switch to ${switching.name}`}
          onClose={() => setSwitching(null)}
          onConfirm={async () => {
            await request(ChangePlanDocument, { plan: switching.key });
            await onChanged();
          }}
        >
          <p>The subscription moves to {switching.name} now; Razorpay charges the difference on the next invoice.</p>
        </ConfirmDialog>
      ) : null}
      {cancelling ? (
        <ConfirmDialog
          title="Cancel the subscription?"
          confirmLabel="Cancel subscription"
          onClose={() => setCancelling(false)}
          onConfirm={async () => {
            await request(CancelSubscriptionDocument);
            await onChanged();
          }}
        >
          <p>The plan stays until the end of the paid period, then the workspace moves to the free plan.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function CoinPacks({ catalog, onChanged }: { catalog: BillingCatalogQuery | undefined; onChanged: () => Promise<void> }) {
  const { can, user } = useSignedIn();
  const payment = usePayment();
  const packs = (catalog?.coinPacks?.nodes ?? []).filter(Boolean);
  const buy = (key: string, name: string) =>
    payment.run(key, async (say, refused) => {
      say("Creating the order…");
      const order = (await request(BuyCoinsDocument, { coinPack: key })).buyCoins!;
      const cfg = await checkoutConfig();
      say("Waiting for the payment in Razorpay Checkout…");
      const response = await payInCheckout(
        { key: order.keyId ?? cfg.keyId ?? "", order_id: order.orderId, amount: Number(order.amount), currency: order.currency, description: name, prefill: { name: user.name ?? "", email: user.email } },
        refused,
      );
      say("Confirming the payment…");
      const confirmed = await confirmCheckout<{ orderStatus: string; balance: number }>(response);
      await onChanged();
      return `${name} added: the balance is ${confirmed.balance} coins.`;
    });
  return (
    <div className="panel">
      <h2>Coin packs</h2>
      <p className="hint">Paid through Razorpay Checkout; the coins are added once the payment is confirmed.</p>
      <Alert success={payment.notice} />
      {packs.length ? (
        <ul className="plain">
          {packs.map((p) => (
            <li key={p!.key}>
              {p!.name}: {p!.coins} coins for {money(p!.pricePaise, p!.currency)}{" "}
              {can(MANAGE) ? (
                <button type="button" className="small" disabled={!!payment.busy} onClick={() => void buy(p!.key, p!.name)} aria-label={`Buy ${p!.name} for ${money(p!.pricePaise, p!.currency)}`}>
                  {payment.busy === p!.key ? "Paying…" : "Buy"}
                </button>
              ) : null}
              <PaymentState payment={payment} at={p!.key} />
            </li>
          ))}
        </ul>
      ) : <Empty>No coin packs on offer.</Empty>}
    </div>
  );
}
