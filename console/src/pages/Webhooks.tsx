/**
 * /webhooks: the workspace's outbound webhook endpoints and their deliveries
 * (webhooks:manage), through the SDK's WebhookEndpoints, Create/Update/
 * DeleteWebhookEndpoint, RotateWebhookSecret, WebhookDeliveries and the two
 * replays. The signing secret (whsec_…) is shown once, at creation and at
 * rotation. Event types come from the catalog (sdk/catalog.ts EVENT_TYPES);
 * none checked means every event. URLs are checked by the server (WHURL:
 * private and loopback hosts are refused), and its sentence is shown at the
 * field. The database refuses all of it without the permission.
 */
import { useState } from "react";
import {
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  ReplayFailedWebhookDeliveriesDocument,
  ReplayWebhookDeliveryDocument,
  SendTestWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookEndpointDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  type WebhookDeliveriesQuery,
  type WebhookEndpointsQuery,
} from "../../../sdk/generated/graphql";
import { EVENT_TYPES, type PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { ACTIONS, Alert, ConfirmDialog, DataTable, Empty, ErrorText, Field, SecretDialog, SelectField, useErrorHandler, useQuery, useSubmit } from "../ui";

const MANAGE: PermissionKey = "webhooks:manage";
type Endpoint = NonNullable<NonNullable<WebhookEndpointsQuery["webhookEndpoints"]>["nodes"][number]>;
type Delivery = NonNullable<NonNullable<WebhookDeliveriesQuery["webhookDeliveries"]>["nodes"][number]>;

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—");

export function Webhooks() {
  const { can, tenant } = useSignedIn();
  const allowed = can(MANAGE);
  const endpoints = useQuery(async () => (allowed ? request(WebhookEndpointsDocument) : undefined), [tenant?.rowId, allowed]);
  const [secret, setSecret] = useState<{ title: string; secret: string } | null>(null);
  const nodes = (endpoints.data?.webhookEndpoints?.nodes ?? []).filter((e): e is Endpoint => !!e);
  return (
    <section aria-labelledby="webhooks-title">
      <div className="page-header">
        <h1 id="webhooks-title">Webhooks</h1>
        <p className="hint">Endpoints that {tenant?.name ?? "this workspace"}'s events are sent to, signed with their secret.</p>
      </div>
      {allowed ? (
        <>
          <CreateEndpointForm onCreated={async (url, s) => (setSecret({ title: `The signing secret of ${url}`, secret: s }), endpoints.reload())} />
          <EndpointsTable query={endpoints} nodes={nodes} onSecret={setSecret} />
          <Deliveries endpoints={nodes} />
        </>
      ) : (
        <Empty>Your role does not include managing webhooks (permission {MANAGE}).</Empty>
      )}
      {secret ? <SecretDialog title={secret.title} secret={secret.secret} onClose={() => setSecret(null)} /> : null}
    </section>
  );
}

function CreateEndpointForm({ onCreated }: { onCreated: (url: string, secret: string) => Promise<void> }) {
  const [urlError, setUrlError] = useState<ApiError | null>(null);
  const submit = useSubmit(async (v, form) => {
    setUrlError(null);
    const url = v.url.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(url)) return setUrlError(new ApiError(null, "Enter an http:// or https:// address."));
    const eventTypes = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="eventType"]:checked')).map((b) => b.value);
    let created;
    try {
      created = await request(CreateWebhookEndpointDocument, { url, eventTypes, description: v.description.trim() || null });
    } catch (e) {
      if (e instanceof ApiError && (e.code === "WHURL" || (e.code === "INVLD" && /url/i.test(e.message)))) return setUrlError(e);
      throw e;
    }
    form.reset();
    await onCreated(url, created.createWebhookEndpoint?.result?.secret ?? "");
  });
  return (
    <form className="panel inline-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="create-endpoint-title">
      <h2 id="create-endpoint-title">Add an endpoint</h2>
      <Alert error={submit.error} />
      <div className="row">
        <Field label="Endpoint URL" name="url" type="url" autoComplete="off" required error={urlError} />
        <Field label="Description" name="description" autoComplete="off" />
      </div>
      <fieldset>
        <legend>Events</legend>
        <p className="hint">None checked: every event.</p>
        <div className="scope-group">
          {EVENT_TYPES.map((t) => (
            <label key={t} className="check">
              <input type="checkbox" name="eventType" value={t} /> {t}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={submit.busy}>{submit.busy ? "Adding…" : "Add endpoint"}</button>
    </form>
  );
}

function EndpointsTable({ query, nodes, onSecret }: { query: ReturnType<typeof useQuery<WebhookEndpointsQuery | undefined>>; nodes: Endpoint[]; onSecret: (s: { title: string; secret: string }) => void }) {
  const [rotating, setRotating] = useState<Endpoint | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handle = useErrorHandler();
  const sendTest = async (e: Endpoint) => {
    setError(null);
    setNotice(null);
    try {
      await request(SendTestWebhookDocument, { endpointId: e.rowId });
      setNotice(`A test event is on its way to ${e.url}; it shows under Deliveries as webhook.test.`);
    } catch (err) {
      setError(handle(err));
    }
  };
  const toggle = async (e: Endpoint) => {
    setError(null);
    try {
      await request(UpdateWebhookEndpointDocument, { id: e.rowId, patch: { isEnabled: !e.isEnabled } });
    } catch (err) {
      setError(handle(err));
    }
    await query.reload();
  };
  return (
    <div className="panel">
      <h2>Endpoints</h2>
      <DataTable query={query} rows={nodes} loadingLabel="Loading endpoints…" empty="No endpoints yet." error={error} success={notice} columns={["URL", "Events", "Status", "Created", ACTIONS]}>
        {(e) => (
          <tr key={e.rowId}>
            <td data-label="URL" className="mono">{e.url}{e.description ? <p className="hint">{e.description}</p> : null}</td>
            <td data-label="Events">{e.eventTypes?.length ? e.eventTypes.join(", ") : "All events"}</td>
            <td data-label="Status">
              {e.isEnabled ? "Enabled" : "Disabled"}
              {e.disabledReason ? <p className="hint">{e.disabledReason}</p> : null}
              {e.failingSince ? <p className="hint">Failing since {when(e.failingSince)}</p> : null}
            </td>
            <td data-label="Created">{when(e.createdAt)}</td>
            <td className="actions-cell">
              <button type="button" className="secondary small" onClick={() => void sendTest(e)} disabled={!e.isEnabled} aria-label={`Send a test event to ${e.url}`}>Send test event</button>
              <button type="button" className="secondary small" onClick={() => void toggle(e)} aria-label={`${e.isEnabled ? "Disable" : "Enable"} ${e.url}`}>{e.isEnabled ? "Disable" : "Enable"}</button>
              <button type="button" className="secondary small" onClick={() => setRotating(e)} aria-label={`Rotate the secret of ${e.url}`}>Rotate secret</button>
              <button type="button" className="danger small" onClick={() => setDeleting(e)} aria-label={`Delete ${e.url}`}>Delete</button>
            </td>
          </tr>
        )}
      </DataTable>
      {rotating ? (
        <ConfirmDialog
          title={`Rotate the secret of ${rotating.url}?`}
          confirmLabel="Rotate secret"
          onClose={() => setRotating(null)}
          onConfirm={async () => {
            const r = await request(RotateWebhookSecretDocument, { endpointId: rotating.rowId });
            onSecret({ title: `The new signing secret of ${rotating.url}`, secret: r.rotateWebhookSecret?.result?.secret ?? "" });
          }}
        >
          <p>Deliveries are signed with both secrets for a while (24 hours by default), so you can update your receiver first.</p>
        </ConfirmDialog>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.url}?`}
          confirmLabel="Delete endpoint"
          typeToConfirm={deleting.url}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await request(DeleteWebhookEndpointDocument, { id: deleting.rowId });
            await query.reload();
          }}
        >
          <p>It receives nothing more, and its delivery history goes with it.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function Deliveries({ endpoints }: { endpoints: Endpoint[] }) {
  const { tenant } = useSignedIn();
  const [filter, setFilter] = useState<{ endpointId: string; status: string }>({ endpointId: "", status: "" });
  const condition = { ...(filter.endpointId ? { endpointId: filter.endpointId } : {}), ...(filter.status ? { status: filter.status } : {}) };
  const deliveries = useQuery(() => request(WebhookDeliveriesDocument, { first: 50, condition }), [tenant?.rowId, filter.endpointId, filter.status]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const urlOf = (id: string) => endpoints.find((e) => e.rowId === id)?.url ?? id;
  const nodes = (deliveries.data?.webhookDeliveries?.nodes ?? []).filter((d): d is Delivery => !!d);
  const replay = async (d: Delivery) => {
    setNotice(null);
    setError(null);
    try {
      await request(ReplayWebhookDeliveryDocument, { deliveryId: d.rowId });
      setNotice(`The ${d.eventType} delivery was queued again.`);
    } catch (e) {
      setError(handle(e));
    }
    await deliveries.reload();
  };
  return (
    <div className="panel">
      <h2>Deliveries</h2>
      <div className="inline-form">
        <div className="row">
          <SelectField label="Endpoint" name="endpointId" value={filter.endpointId} onChange={(e) => setFilter({ ...filter, endpointId: e.target.value })}>
            <option value="">All endpoints</option>
            {endpoints.map((e) => (
              <option key={e.rowId} value={e.rowId}>{e.url}</option>
            ))}
          </SelectField>
          <SelectField label="Status" name="status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
            <option value="">Any status</option>
            <option value="pending">Pending</option>
            <option value="succeeded">Succeeded</option>
            <option value="failed">Failed</option>
          </SelectField>
          <button type="button" className="secondary" onClick={() => void deliveries.reload()}>Refresh</button>
        </div>
      </div>
      <DataTable query={deliveries} rows={nodes} loadingLabel="Loading deliveries…" empty="No deliveries match." error={error} success={notice} columns={["Event", "Endpoint", "Status", "Attempts", "Response", "Created", ACTIONS]}>
        {(d) => (
          <tr key={d.rowId}>
            <td data-label="Event">{d.eventType}</td>
            <td data-label="Endpoint" className="mono">{urlOf(d.endpointId)}</td>
            <td data-label="Status">{d.status}</td>
            <td data-label="Attempts">{d.attemptCount}</td>
            <td data-label="Response">{d.lastStatusCode ?? "—"}{d.lastError ? <p className="hint">{d.lastError}</p> : null}</td>
            <td data-label="Created">{when(d.createdAt)}</td>
            <td className="actions-cell">
              {d.status === "pending" ? null : (
                <button type="button" className="secondary small" onClick={() => void replay(d)} aria-label={`Replay the ${d.eventType} delivery to ${urlOf(d.endpointId)}`}>Replay</button>
              )}
            </td>
          </tr>
        )}
      </DataTable>
      {endpoints.length ? <ReplayFailures endpoints={endpoints} onDone={deliveries.reload} /> : null}
    </div>
  );
}

/** Queues every failed delivery of one endpoint since a moment again. */
function ReplayFailures({ endpoints, onDone }: { endpoints: Endpoint[]; onDone: () => Promise<void> }) {
  const [done, setDone] = useState<string | null>(null);
  const [sinceError, setSinceError] = useState<string | null>(null);
  const submit = useSubmit(async (v) => {
    setDone(null);
    setSinceError(null);
    const since = new Date(v.since);
    if (!v.since || Number.isNaN(since.getTime())) return setSinceError("Choose a date and time.");
    const r = await request(ReplayFailedWebhookDeliveriesDocument, { endpointId: v.endpointId, since: since.toISOString() });
    setDone(`${r.replayFailedWebhookDeliveries?.result ?? 0} failed deliveries queued again.`);
    await onDone();
  });
  return (
    <form className="inline-form replay-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="replay-title">
      <h3 id="replay-title">Replay failures</h3>
      <Alert error={submit.error} success={done} />
      <div className="row">
        <SelectField label="Endpoint to replay" name="endpointId">
          {endpoints.map((e) => (
            <option key={e.rowId} value={e.rowId}>{e.url}</option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="replay-since">Failed since</label>
          <input id="replay-since" name="since" type="datetime-local" aria-invalid={sinceError ? true : undefined} aria-describedby={sinceError ? "replay-since-error" : undefined} />
          <ErrorText error={sinceError} id="replay-since-error" />
        </div>
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Queuing…" : "Replay failures"}</button>
      </div>
    </form>
  );
}
