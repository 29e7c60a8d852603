/**
 * /billing: the workspace's plan and subscription, coin wallet and ledger,
 * add-ons (bought with coins), usage against the plan's limits, coin packs
 * and invoices, through the SDK's BillingOverview, BillingCatalog,
 * WalletLedger, MeterUsage, Invoices and Purchase/CancelAddon. Reading needs
 * billing:read, buying and cancelling billing:manage. Changing the plan and
 * buying coin packs go through the Razorpay checkout widget, which the
 * console does not embed yet: packs and plans are listed, not sold, here.
 */
import { useState } from "react";
import {
  BillingCatalogDocument,
  BillingOverviewDocument,
  CancelAddonDocument,
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
      <div className="panel">
        <h2>Coin packs</h2>
        <p className="hint">Bought through the payment provider's checkout (not in the console yet).</p>
        {catalog.data?.coinPacks?.nodes.length ? (
          <ul className="plain">
            {catalog.data.coinPacks.nodes.filter(Boolean).map((p) => (
              <li key={p!.key}>{p!.name}: {p!.coins} coins for {money(p!.pricePaise, p!.currency)}</li>
            ))}
          </ul>
        ) : <Empty>No coin packs on offer.</Empty>}
      </div>
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
