/**
 * /domains: the workspace's custom domains (every member sees them). With
 * tenant:settings.update: add a hostname (DMBAD, DMOWN, DMTKN, NUNIQ shown at
 * the field), the TXT record to create (name and value, with copy buttons;
 * the value is only answered to managers), "Verify now" (recheckCustomDomain
 * queues a DNS check; the page then polls until the status changes, for up
 * to a minute) and remove after typing the hostname. Statuses: pending
 * (waiting for the record), verified, failed (with the last check's reason).
 */
import { useEffect, useState } from "react";
import { AddCustomDomainDocument, CustomDomainsDocument, RecheckCustomDomainDocument, RemoveCustomDomainDocument, type CustomDomainsQuery } from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { Alert, ConfirmDialog, Empty, Field, Loading, useErrorHandler, useQuery, useSubmit } from "../ui";

type Domain = NonNullable<NonNullable<CustomDomainsQuery["customDomains"]>["nodes"][number]>;
const MANAGE: PermissionKey = "tenant:settings.update";
const HOST = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const STATUS: Record<string, string> = { pending: "Pending: waiting for the TXT record", verified: "Verified", failed: "Failed" };
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "never");
const POLL_MS = 2000;
const POLL_FOR_MS = 60_000;

export function Domains() {
  const { can, tenant } = useSignedIn();
  const domains = useQuery(() => request(CustomDomainsDocument), [tenant?.rowId]);
  const [checkingUntil, setCheckingUntil] = useState(0);
  const rows = (domains.data?.customDomains?.nodes ?? []).filter((d): d is Domain => !!d);
  const pending = rows.some((d) => d.status === "pending");
  // After "Verify now" (or adding), re-read while a domain is pending, for a minute at most.
  useEffect(() => {
    if (!pending || Date.now() > checkingUntil) return;
    const t = setTimeout(() => void domains.reload(), POLL_MS);
    return () => clearTimeout(t);
  }, [domains.data, pending, checkingUntil, domains]);
  const watch = async () => (setCheckingUntil(Date.now() + POLL_FOR_MS), domains.reload());

  return (
    <section aria-labelledby="domains-title" className="narrow-wide">
      <div className="page-header">
        <h1 id="domains-title">Custom domains</h1>
        <p className="hint">Hostnames {tenant?.name ?? "this workspace"} serves from. Each is verified by a DNS TXT record you create.</p>
      </div>
      {can(MANAGE) ? <AddDomain onAdded={watch} /> : <p className="hint">Your role does not include adding or checking domains (permission {MANAGE}).</p>}
      {domains.loading && !domains.data ? <Loading label="Loading domains…" /> : null}
      <Alert error={domains.error} />
      {domains.data && !rows.length ? <Empty>No custom domains yet.</Empty> : null}
      {rows.map((d) => (
        <DomainCard key={d.rowId} domain={d} manage={can(MANAGE)} checking={d.status === "pending" && Date.now() < checkingUntil} onChecked={watch} onRemoved={domains.reload} />
      ))}
    </section>
  );
}

function AddDomain({ onAdded }: { onAdded: () => Promise<void> }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async ({ hostname }, form) => {
    setError(null);
    setDone(null);
    const host = hostname.trim().toLowerCase().replace(/\.$/, "");
    if (!HOST.test(host)) return setError(new ApiError(null, "Enter a hostname such as shop.example.com."));
    try {
      await request(AddCustomDomainDocument, { hostname: host });
    } catch (e) {
      if (e instanceof ApiError && ["DMBAD", "DMOWN", "DMTKN", "NUNIQ"].includes(e.code ?? "")) return setError(e);
      throw e;
    }
    form.reset();
    setDone(`${host} was added. Create the TXT record below, then choose Verify now.`);
    await onAdded();
  });
  return (
    <form className="panel inline-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="add-domain-title">
      <h2 id="add-domain-title">Add a domain</h2>
      <Alert error={submit.error} success={done} />
      <div className="row">
        <Field label="Hostname" name="hostname" placeholder="shop.example.com" autoComplete="off" autoCapitalize="none" required error={error} />
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Adding…" : "Add domain"}</button>
      </div>
    </form>
  );
}

function DomainCard({ domain: d, manage, checking, onChecked, onRemoved }: { domain: Domain; manage: boolean; checking: boolean; onChecked: () => Promise<void>; onRemoved: () => Promise<void> }) {
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const handle = useErrorHandler();
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Select the ${what.toLowerCase()} and copy it yourself.`);
    }
  };
  return (
    <article className="panel" aria-labelledby={`domain-${d.rowId}`}>
      <h2 id={`domain-${d.rowId}`}>{d.hostname} <span className={`badge ${d.status === "verified" ? "ok" : d.status === "failed" ? "bad" : ""}`} data-testid="domain-status">{STATUS[d.status] ?? d.status}</span></h2>
      {d.status !== "verified" && d.txtRecordValue ? (
        <>
          <p>Create this DNS record at your DNS provider:</p>
          <dl className="txt-record">
            <dt>Type</dt><dd className="mono">TXT</dd>
            <dt>Name</dt><dd className="mono" data-testid="txt-name">{d.txtRecordName}</dd>
            <dt>Value</dt><dd className="mono" data-testid="txt-value">{d.txtRecordValue}</dd>
          </dl>
          <div className="actions">
            <button type="button" className="secondary small" onClick={() => void copy("Name", d.txtRecordName!)}>Copy name</button>
            <button type="button" className="secondary small" onClick={() => void copy("Value", d.txtRecordValue!)}>Copy value</button>
          </div>
        </>
      ) : null}
      <p className="hint">
        {d.status === "verified" ? `Verified ${when(d.verifiedAt)}.` : `Last checked ${when(d.lastCheckedAt)}.`}
        {d.lastError && d.status !== "verified" ? ` ${d.lastError}` : ""}
      </p>
      {checking ? <Loading label="Checking DNS…" /> : null}
      <Alert error={error} success={copied} />
      {manage ? (
        <div className="actions">
          {d.status !== "verified" ? (
            <button
              type="button"
              aria-label={`Verify ${d.hostname} now`}
              onClick={async () => {
                setError(null);
                try {
                  await request(RecheckCustomDomainDocument, { customDomainId: d.rowId });
                  await onChecked();
                } catch (e) {
                  setError(handle(e));
                }
              }}
            >
              Verify now
            </button>
          ) : null}
          <button type="button" className="danger" aria-label={`Remove ${d.hostname}`} onClick={() => setRemoving(true)}>Remove</button>
        </div>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${d.hostname}?`}
          confirmLabel="Remove domain"
          typeToConfirm={d.hostname}
          onClose={() => setRemoving(false)}
          onConfirm={async () => (await request(RemoveCustomDomainDocument, { id: d.rowId }), await onRemoved())}
        >
          <p>The workspace stops answering on this hostname. Adding it again needs a new TXT record.</p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
