/**
 * /audit: the workspace's audit log (audit:read), newest first, through the
 * SDK's AuditEntries: filters (table, action, security event, actor, time
 * range), the hash chain's verdict (auditChainIntact), and a CSV export of
 * the same time range. GET /audit/export.csv needs the bearer token, which a
 * plain link cannot carry: the button fetches it with the token and hands
 * the file to the browser as a download. The database refuses all of it
 * without the permission; the page only hides what the user lacks.
 */
import { useState } from "react";
import { AuditEntriesDocument, TeamMembersDocument, type AuditEntriesQuery } from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request, session, SignedOut } from "../api";
import { useSignedIn } from "../session";
import { Alert, DataTable, Empty, Field, SelectField, useErrorHandler, useQuery } from "../ui";

const READ: PermissionKey = "audit:read";
type Entry = NonNullable<NonNullable<AuditEntriesQuery["auditEntries"]>["nodes"][number]>;
interface Filter {
  tableName: string;
  action: string;
  event: string;
  actorUserId: string;
  from: string;
  to: string;
}
const NONE: Filter = { tableName: "", action: "", event: "", actorUserId: "", from: "", to: "" };
const iso = (local: string) => (local ? new Date(local).toISOString() : null);
const when = (s: string) => new Date(s).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function Audit() {
  const { can, tenant } = useSignedIn();
  const allowed = can(READ);
  const [filter, setFilter] = useState<Filter>(NONE);
  const entries = useQuery(
    async () =>
      allowed
        ? request(AuditEntriesDocument, {
            first: 100,
            tableName: filter.tableName.trim() || null,
            action: filter.action || null,
            event: filter.event.trim() || null,
            actorUserId: filter.actorUserId || null,
            occurredAfter: iso(filter.from),
            occurredBefore: iso(filter.to),
          })
        : undefined,
    [tenant?.rowId, allowed, JSON.stringify(filter)],
  );
  // Names for actor ids, when the user may list members (a courtesy: ids are shown otherwise).
  const members = useQuery(async () => (allowed && can("tenant:members.read") ? request(TeamMembersDocument, { first: 100 }) : undefined), [tenant?.rowId, allowed]);
  const people = new Map((members.data?.currentTenant?.memberships?.nodes ?? []).filter(Boolean).map((m) => [m!.user?.rowId ?? "", m!.user?.email ?? ""]));
  const nodes = (entries.data?.auditEntries?.nodes ?? []).filter((e): e is Entry => !!e);
  const intact = entries.data?.auditChainIntact;

  return (
    <section aria-labelledby="audit-title">
      <div className="page-header">
        <h1 id="audit-title">Audit log</h1>
        <p className="hint">Every change and security event in {tenant?.name ?? "this workspace"}, in a tamper-evident chain.</p>
      </div>
      {allowed ? (
        <>
          <form className="panel inline-form" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
            <div className="row">
              <Field label="Table" name="tableName" value={filter.tableName} onChange={(e) => setFilter({ ...filter, tableName: e.target.value })} placeholder="e.g. api_keys" />
              <SelectField label="Action" name="action" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
                <option value="">Any action</option>
                <option value="insert">Insert</option>
                <option value="update">Update</option>
                <option value="delete">Delete</option>
                <option value="event">Security event</option>
              </SelectField>
              <Field label="Event" name="event" value={filter.event} onChange={(e) => setFilter({ ...filter, event: e.target.value })} placeholder="e.g. apikey.created" />
              <SelectField label="Actor" name="actorUserId" value={filter.actorUserId} onChange={(e) => setFilter({ ...filter, actorUserId: e.target.value })}>
                <option value="">Anyone</option>
                {[...people].map(([id, email]) => (
                  <option key={id} value={id}>{email}</option>
                ))}
              </SelectField>
              <Field label="From" name="from" type="datetime-local" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
              <Field label="To" name="to" type="datetime-local" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
            </div>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setFilter(NONE)}>Clear filters</button>
              <ExportButton from={iso(filter.from)} to={iso(filter.to)} />
            </div>
          </form>
          <div className="panel">
            <h2>
              Entries{" "}
              {intact === undefined ? null : intact ? (
                <span className="badge ok" role="status">Chain intact</span>
              ) : (
                <span className="badge bad" role="alert">Chain broken: entries were altered or removed</span>
              )}
            </h2>
            <DataTable query={entries} rows={nodes} loadingLabel="Loading the audit log…" empty="No entries match." columns={["When", "What", "Table", "Actor", "Details"]}>
              {(e) => (
                <tr key={e.rowId}>
                  <td data-label="When">{when(e.occurredAt)}<span className="badge">#{e.seq}</span></td>
                  <td data-label="What">{e.event ?? e.action}</td>
                  <td data-label="Table">{e.tableName ?? "—"}</td>
                  <td data-label="Actor">{e.actorUserId ? people.get(e.actorUserId) || e.actorUserId : e.actorApiKeyId ? `API key ${e.actorApiKeyId}` : "System"}</td>
                  <td data-label="Details">
                    {e.diff ? (
                      <details>
                        <summary>Changes</summary>
                        <pre className="mono diff">{JSON.stringify(e.diff, null, 2)}</pre>
                      </details>
                    ) : null}
                    {e.ip ? <p className="hint">IP {e.ip}</p> : null}
                  </td>
                </tr>
              )}
            </DataTable>
            {entries.data?.auditEntries?.pageInfo.hasNextPage ? <p className="hint">Showing the newest 100; narrow the filters or export the CSV for more.</p> : null}
          </div>
        </>
      ) : (
        <Empty>Your role does not include reading the audit log (permission {READ}).</Empty>
      )}
    </section>
  );
}

/** Fetches the CSV with the bearer token and saves it as a download (blob URL, same origin, revoked afterwards). */
function ExportButton({ from, to }: { from: string | null; to: string | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const token = await session.token();
      if (!token) throw new SignedOut();
      const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
      const res = await fetch(`/audit/export.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new ApiError(body?.error?.code ?? null, body?.error?.message ?? `The server answered ${res.status}.`, res.status);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = "audit-log.csv";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(handle(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>{busy ? "Exporting…" : "Export CSV"}</button>
      <Alert error={error} />
    </>
  );
}
