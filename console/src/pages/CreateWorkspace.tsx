/**
 * /workspaces/new: GraphQL createWorkspace makes the caller its owner, then
 * POST /auth/switch-tenant moves this session into it. SLGTK (slug taken) is
 * shown at the slug, INVLD at the name, WSLIM (too many) above the form.
 */
import { useState } from "react";
import { useNavigate } from "react-router";
import { CreateWorkspaceDocument } from "../../../sdk/generated/graphql";
import { ApiError, request } from "../api";
import { CONSOLE_ROUTES } from "../routes";
import { useSignedIn } from "../session";
import { Alert, Field, useSubmit } from "../ui";

const SLUG = /^[a-z0-9]([a-z0-9-]{1,48}[a-z0-9])?$/; // app_public.tenants.slug's check

export function CreateWorkspace() {
  const { switchWorkspace } = useSignedIn();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<{ name?: ApiError; slug?: ApiError }>({});
  const submit = useSubmit(async ({ name, slug }) => {
    const local: typeof errors = {};
    if (!name.trim()) local.name = new ApiError(null, "Enter a name for the workspace.");
    else if (name.trim().length > 100) local.name = new ApiError(null, "Use at most 100 characters.");
    if (slug && !SLUG.test(slug)) local.slug = new ApiError(null, "Use lower-case letters, digits and dashes, starting and ending with a letter or digit.");
    setErrors(local);
    if (local.name || local.slug) return;
    try {
      const { createWorkspace } = await request(CreateWorkspaceDocument, { name: name.trim(), slug: slug || null });
      const tenantId = createWorkspace?.result?.tenant?.rowId;
      if (tenantId) await switchWorkspace(tenantId);
      navigate(CONSOLE_ROUTES.team);
    } catch (e) {
      if (e instanceof ApiError && e.code === "SLGTK") return setErrors({ slug: e });
      if (e instanceof ApiError && e.code === "INVLD") return setErrors(/slug|address/i.test(e.message) ? { slug: e } : { name: e });
      throw e;
    }
  });
  return (
    <section aria-labelledby="new-workspace-title" className="narrow">
      <h1 id="new-workspace-title">Create a workspace</h1>
      <p>You will be its owner. You can invite your team next.</p>
      <form onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy}>
        <Alert error={submit.error} />
        <Field label="Workspace name" name="name" required autoFocus autoComplete="organization" error={errors.name} />
        <Field label="Address (optional)" name="slug" hint="Lower-case letters, digits and dashes, 3 to 50 of them, e.g. acme. Left empty, one is made from the name." autoComplete="off" error={errors.slug} />
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Creating…" : "Create workspace"}</button>
      </form>
    </section>
  );
}
