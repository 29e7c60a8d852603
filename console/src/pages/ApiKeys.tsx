/**
 * /api-keys: the workspace's API keys (apikeys:manage), through the SDK's
 * ApiKeys / CreateApiKey / RollApiKey / RevokeApiKey. A key is secret (ls_…,
 * servers) or publishable (pk_…, browsers: public read scopes only, and only
 * from its allowed domains); scopes are chosen per service from the
 * apiKeyScopes catalog. The secret is shown once, in a dialog with a copy
 * button (only its hash is stored); rolling shows the new one the same way,
 * the old one keeps working for the grace period. The database refuses all
 * of it without the permission; the page only hides what the user lacks.
 */
import { useState } from "react";
import {
  ApiKeysDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
  RollApiKeyDocument,
  type ApiKeysQuery,
} from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { ACTIONS, Alert, ConfirmDialog, DataTable, Empty, ErrorText, Field, SecretDialog, SelectField, useQuery, useSubmit } from "../ui";

const MANAGE: PermissionKey = "apikeys:manage";
const EXPIRY = [
  ["30d", "30 days"],
  ["90d", "90 days"],
  ["1y", "1 year"],
  ["never", "Never"],
] as const;

type Key = NonNullable<NonNullable<ApiKeysQuery["apiKeys"]>["nodes"][number]>;
type Scope = NonNullable<NonNullable<ApiKeysQuery["apiKeyScopes"]>["nodes"][number]>;
type FieldName = "name" | "scopes" | "allowedDomains";

const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : null);
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The field an INVLD refusal of create_api_key concerns, from its sentence. */
function fieldOf(e: ApiError): FieldName | null {
  if (e.code !== "INVLD") return null;
  if (/domain/i.test(e.message)) return "allowedDomains";
  if (/scope/i.test(e.message)) return "scopes";
  if (/name/i.test(e.message)) return "name";
  return null;
}

/** {"blog": ["read", "write"]} from the checked "service:scope" boxes. */
function scopesFrom(form: HTMLFormElement): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const box of Array.from(form.querySelectorAll<HTMLInputElement>('input[name="scope"]:checked'))) {
    const [service, scope] = box.value.split(":");
    (out[service] ??= []).push(scope);
  }
  return out;
}

export function ApiKeys() {
  const { can, tenant } = useSignedIn();
  const allowed = can(MANAGE);
  const keys = useQuery(async () => (allowed ? request(ApiKeysDocument, { first: 100 }) : undefined), [tenant?.rowId, allowed]);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  return (
    <section aria-labelledby="api-keys-title">
      <div className="page-header">
        <h1 id="api-keys-title">API keys</h1>
        <p className="hint">Keys let servers and browsers call the API as {tenant?.name ?? "this workspace"}.</p>
      </div>
      {allowed ? (
        <>
          <CreateKeyForm scopes={(keys.data?.apiKeyScopes?.nodes ?? []).filter((s): s is Scope => !!s)} onCreated={async (name, s) => (setSecret({ name, secret: s }), keys.reload())} />
          <KeysTable query={keys} onSecret={setSecret} />
        </>
      ) : (
        <Empty>Your role does not include managing API keys (permission {MANAGE}).</Empty>
      )}
      {secret ? <SecretDialog title={`The secret of ${secret.name}`} secret={secret.secret} onClose={() => setSecret(null)} /> : null}
    </section>
  );
}

function CreateKeyForm({ scopes, onCreated }: { scopes: Scope[]; onCreated: (name: string, secret: string) => Promise<void> }) {
  const [type, setType] = useState("secret");
  const [errors, setErrors] = useState<Partial<Record<FieldName, ApiError>>>({});
  const services = [...new Set(scopes.map((s) => s.service))];
  const submit = useSubmit(async (v, form) => {
    const name = v.name.trim();
    const chosen = scopesFrom(form);
    const domains = type === "publishable" ? v.allowedDomains.split(/[\s,]+/).filter(Boolean) : [];
    const local: Partial<Record<FieldName, ApiError>> = {};
    if (!name || name.length > 100) local.name = new ApiError(null, "Give the key a name of 1 to 100 characters.");
    if (!Object.keys(chosen).length) local.scopes = new ApiError(null, "Choose at least one scope.");
    if (type === "publishable" && !domains.length) local.allowedDomains = new ApiError(null, "A publishable key needs at least one allowed domain, e.g. example.com or *.example.com.");
    const bad = domains.filter((d) => !DOMAIN.test(d));
    if (bad.length) local.allowedDomains = new ApiError(null, `Allowed domains are host names such as example.com or *.example.com; fix: ${bad.join(", ")}.`);
    setErrors(local);
    if (Object.keys(local).length) return;
    let created;
    try {
      created = await request(CreateApiKeyDocument, { name, type, scopes: chosen, allowedDomains: domains.length ? domains : null, expiresIn: v.expiresIn });
    } catch (e) {
      const field = e instanceof ApiError ? fieldOf(e) : null;
      if (field) return setErrors({ [field]: e as ApiError });
      throw e;
    }
    form.reset();
    setType("secret");
    await onCreated(name, created.createApiKey?.result?.secret ?? "");
  });
  return (
    <form className="panel inline-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create a key</h2>
      <Alert error={submit.error} />
      <div className="row">
        <Field label="Key name" name="name" autoComplete="off" required error={errors.name} />
        <SelectField label="Kind" name="type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="secret">Secret (servers)</option>
          <option value="publishable">Publishable (browsers)</option>
        </SelectField>
        <SelectField label="Expires after" name="expiresIn" defaultValue="90d">
          {EXPIRY.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </SelectField>
      </div>
      <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
        <legend>Scopes</legend>
        {type === "publishable" ? <p className="hint">Publishable keys may only hold public read scopes.</p> : null}
        {services.map((service) => (
          <div key={service} className="scope-group">
            <span className="scope-service">{service}</span>
            {scopes.filter((s) => s.service === service).map((s) => (
              <label key={s.scope} className="check" title={s.permission}>
                <input type="checkbox" name="scope" aria-label={`${s.service} ${s.scope}`} value={`${s.service}:${s.scope}`} disabled={type === "publishable" && !s.isPublic} /> {s.scope}
              </label>
            ))}
          </div>
        ))}
        <ErrorText error={errors.scopes} id="scopes-error" />
      </fieldset>
      {type === "publishable" ? (
        <Field label="Allowed domains" name="allowedDomains" autoComplete="off" hint="Comma-separated host names, e.g. example.com, *.example.com." error={errors.allowedDomains} />
      ) : null}
      <button type="submit" disabled={submit.busy}>{submit.busy ? "Creating…" : "Create key"}</button>
    </form>
  );
}

function KeysTable({ query, onSecret }: { query: ReturnType<typeof useQuery<ApiKeysQuery | undefined>>; onSecret: (s: { name: string; secret: string }) => void }) {
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [rolling, setRolling] = useState<Key | null>(null);
  const nodes = (query.data?.apiKeys?.nodes ?? []).filter((k): k is Key => !!k);
  const status = (k: Key) => (k.revokedAt ? "Revoked" : k.expiresAt && new Date(k.expiresAt).getTime() < Date.now() ? "Expired" : "Active");
  return (
    <div className="panel">
      <h2>Keys</h2>
      <DataTable query={query} rows={nodes} loadingLabel="Loading API keys…" empty="No API keys yet." columns={["Name", "Kind", "Scopes", "Allowed domains", "Expires", "Last used", "Status", ACTIONS]}>
        {(k) => (
          <tr key={k.rowId}>
            <td data-label="Name">{k.name}<span className="badge">{k.prefix}…</span></td>
            <td data-label="Kind">{k.type}</td>
            <td data-label="Scopes">{(k.permissions ?? []).join(", ") || "—"}</td>
            <td data-label="Allowed domains">{(k.allowedDomains ?? []).join(", ") || "—"}</td>
            <td data-label="Expires">{date(k.expiresAt) ?? "Never"}</td>
            <td data-label="Last used">{date(k.lastUsedAt) ?? "Never"}</td>
            <td data-label="Status">{status(k)}</td>
            <td className="actions-cell">
              {k.revokedAt ? null : (
                <>
                  <button type="button" className="secondary small" onClick={() => setRolling(k)} aria-label={`Roll ${k.name}`}>Roll</button>
                  <button type="button" className="danger small" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>
                </>
              )}
            </td>
          </tr>
        )}
      </DataTable>
      {rolling ? (
        <ConfirmDialog
          title={`Roll ${rolling.name}?`}
          confirmLabel="Roll key"
          onClose={() => setRolling(null)}
          onConfirm={async () => {
            const rolled = await request(RollApiKeyDocument, { apiKeyId: rolling.rowId });
            onSecret({ name: rolling.name, secret: rolled.rollApiKey?.result?.secret ?? "" });
            await query.reload();
          }}
        >
          <p>You get a new secret, shown once. The current one keeps working for a grace period (24 hours by default), then stops.</p>
        </ConfirmDialog>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          confirmLabel="Revoke key"
          typeToConfirm={revoking.name}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await request(RevokeApiKeyDocument, { apiKeyId: revoking.rowId });
            await query.reload();
          }}
        >
          <p>Requests with this key are refused from now on. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
