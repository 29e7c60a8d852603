/**
 * /settings: the workspace's branding (display name, logo, colour) and
 * regional settings (time zone, locale, first day of the week), through the
 * SDK's WorkspaceSettings / UpdateWorkspaceSettings. Every member may read
 * them; the form is disabled without tenant:settings.update (the database's
 * policy refuses the update regardless). Fields are checked as the table's
 * constraints check them; a refusal the server still finds (INVLD, e.g. an
 * unknown time zone) is shown at the field its message names.
 */
import { useState } from "react";
import { UpdateWorkspaceSettingsDocument, WorkspaceSettingsDocument } from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { Alert, Field, Loading, SelectField, useQuery, useSubmit } from "../ui";

const UPDATE: PermissionKey = "tenant:settings.update";
const FIELDS = ["displayName", "logoUrl", "primaryColor", "timezone", "locale"] as const;
type FieldName = (typeof FIELDS)[number];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
// app_public.tenant_settings' checks.
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
/** Suggestions only (a browser with a small ICU may know none): the server checks the name against Postgres's list. */
const zones = (): string[] => (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? ["UTC"];

function check(v: Record<string, string>): Partial<Record<FieldName, ApiError>> {
  const errors: Partial<Record<FieldName, ApiError>> = {};
  if (v.displayName.trim().length > 100) errors.displayName = new ApiError(null, "Use at most 100 characters.");
  if (v.logoUrl.trim() && (!v.logoUrl.trim().startsWith("https://") || v.logoUrl.length > 2000)) errors.logoUrl = new ApiError(null, "Use an https:// address of at most 2000 characters.");
  if (v.primaryColor.trim() && !COLOR.test(v.primaryColor.trim())) errors.primaryColor = new ApiError(null, "Use a colour like #1f6feb (a # and six hex digits).");
  if (!LOCALE.test(v.locale.trim())) errors.locale = new ApiError(null, "Use a language tag such as en-US, en-IN or de.");
  return errors;
}

/** The field an INVLD refusal concerns, from its message ("Unknown time zone…", a check's column name). */
function fieldOf(e: ApiError): FieldName | null {
  if (e.code !== "INVLD") return null;
  if (/time ?zone/i.test(e.message)) return "timezone";
  return FIELDS.find((f) => new RegExp(f.replace(/[A-Z]/g, (c) => `_?${c}`), "i").test(e.message)) ?? null;
}

export function Settings() {
  const { can, tenant } = useSignedIn();
  const settings = useQuery(() => request(WorkspaceSettingsDocument), [tenant?.rowId]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, ApiError>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const allowed = can(UPDATE);
  const submit = useSubmit(async (v) => {
    setSaved(null);
    const local = check(v);
    setErrors(local);
    if (Object.keys(local).length || !tenant) return;
    const blank = (s: string) => s.trim() || null;
    try {
      await request(UpdateWorkspaceSettingsDocument, {
        tenantId: tenant.rowId,
        patch: { displayName: blank(v.displayName), logoUrl: blank(v.logoUrl), primaryColor: blank(v.primaryColor), timezone: v.timezone.trim(), locale: v.locale.trim(), weekStart: Number(v.weekStart) },
      });
    } catch (e) {
      const field = e instanceof ApiError ? fieldOf(e) : null;
      if (field) return setErrors({ [field]: e as ApiError });
      throw e;
    }
    setSaved("Settings saved.");
    await settings.reload();
  });

  const s = settings.data?.currentTenant?.tenantSetting;
  return (
    <section aria-labelledby="settings-title" className="narrow">
      <div className="page-header">
        <h1 id="settings-title">Settings</h1>
        <p className="hint">Branding and regional settings of {tenant?.name ?? "this workspace"}.</p>
      </div>
      {settings.loading && !settings.data ? <Loading label="Loading settings…" /> : null}
      <Alert error={settings.error} />
      {s ? (
        <form className="panel" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy}>
          {allowed ? null : <p className="hint">Your role does not include changing settings (permission {UPDATE}).</p>}
          <Alert error={submit.error} success={saved} />
          <fieldset disabled={!allowed || submit.busy}>
            <legend>Branding</legend>
            <Field label="Display name" name="displayName" defaultValue={s.displayName ?? ""} hint="Shown in emails and pages instead of the workspace name; empty uses the name." error={errors.displayName} />
            <Field label="Logo URL" name="logoUrl" type="url" defaultValue={s.logoUrl ?? ""} hint="An https:// address." error={errors.logoUrl} />
            <Field label="Primary colour" name="primaryColor" defaultValue={s.primaryColor ?? ""} hint="A # and six hex digits, e.g. #1f6feb." error={errors.primaryColor} />
          </fieldset>
          <fieldset disabled={!allowed || submit.busy}>
            <legend>Region</legend>
            <Field label="Time zone" name="timezone" defaultValue={s.timezone} list="time-zones" autoComplete="off" hint="An IANA name such as Asia/Kolkata or Europe/Berlin." error={errors.timezone} />
            <datalist id="time-zones">
              {zones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <Field label="Locale" name="locale" defaultValue={s.locale} hint="A language tag such as en-US, en-IN or de." error={errors.locale} />
            <SelectField label="First day of the week" name="weekStart" defaultValue={String(s.weekStart)}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>{d}</option>
              ))}
            </SelectField>
          </fieldset>
          {allowed ? <button type="submit" disabled={submit.busy}>{submit.busy ? "Saving…" : "Save settings"}</button> : null}
        </form>
      ) : null}
    </section>
  );
}
