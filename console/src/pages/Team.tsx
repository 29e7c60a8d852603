/**
 * /team: members and their roles, invitations, role changes and removal, for
 * the active workspace. What the user may do follows their token's
 * permissions (sdk/catalog.ts): members are listed with tenant:members.read,
 * inviting and the pending list need tenant:members.invite, changing roles
 * and removing need tenant:members.manage. Controls the user lacks are not
 * shown; the database enforces all of it regardless.
 *
 * "Resend" is revoke-then-invite: the server sends one invitation per
 * pending row, so a new row means a new email with a new link.
 *
 * Custom roles (tenant:roles.manage): a permission picker fed by the SDK's
 * PERMISSIONS (descriptions from the API); permissions the user does not hold
 * are shown but disabled (the database refuses to grant them: DNIED). A
 * custom role is assigned like a built-in one, from a member's role select.
 * The workspace panel: leave (everyone; LSTOW for the last owner), transfer
 * ownership (owners) and delete the workspace (owners with tenant:delete,
 * after typing its name); afterwards the session moves to another workspace.
 */
import { useState } from "react";
import { useNavigate } from "react-router";
import { takeRemovedNotice } from "../membershipWatch";
import {
  ChangeMemberRoleDocument,
  CreateRoleDocument,
  DeleteRoleDocument,
  DeleteWorkspaceDocument,
  LeaveWorkspaceDocument,
  TransferOwnershipDocument,
  UpdateRoleDocument,
  InvitationsDocument,
  InviteMemberDocument,
  RemoveMemberDocument,
  RevokeInvitationDocument,
  RolesAndPermissionsDocument,
  TeamMembersDocument,
  type InvitationsQuery,
  type RolesAndPermissionsQuery,
  type TeamMembersQuery,
} from "../../../sdk/generated/graphql";
import { PERMISSIONS, type PermissionKey } from "../../../sdk/catalog";
import { CONSOLE_ROUTES } from "../routes";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { ACTIONS, Alert, ConfirmDialog, DataTable, Empty, ErrorText, Field, SelectField, useErrorHandler, useQuery, useSubmit } from "../ui";

type Member = NonNullable<NonNullable<NonNullable<TeamMembersQuery["currentTenant"]>["memberships"]>["nodes"][number]>;
type Invitation = NonNullable<NonNullable<InvitationsQuery["invitations"]>["nodes"][number]>;

const READ: PermissionKey = "tenant:members.read";
const INVITE: PermissionKey = "tenant:members.invite";
const MANAGE: PermissionKey = "tenant:members.manage";
const ROLES: PermissionKey = "tenant:roles.manage";
const DELETE: PermissionKey = "tenant:delete";

interface RoleOption {
  value: string;
  label: string;
  role: string | null;
  customRoleId: string | null;
}

const FALLBACK_ROLES = ["owner", "admin", "member"];

/** Built-in roles (templates) then the workspace's custom roles; one select value each ("role:admin", "custom:<id>"). */
function roleOptions(data: RolesAndPermissionsQuery | undefined): RoleOption[] {
  const templates = data?.roleTemplates?.nodes.filter(Boolean) ?? FALLBACK_ROLES.map((key) => ({ key, name: key[0].toUpperCase() + key.slice(1) }));
  return [
    ...templates.map((t) => ({ value: `role:${t!.key}`, label: t!.name, role: t!.key, customRoleId: null })),
    ...(data?.roles?.nodes ?? []).filter(Boolean).map((r) => ({ value: `custom:${r!.rowId}`, label: r!.name, role: null, customRoleId: r!.rowId })),
  ];
}

const valueOf = (x: { role?: string | null; customRoleId?: string | null }) => (x.customRoleId ? `custom:${x.customRoleId}` : `role:${x.role}`);
const labelOf = (options: RoleOption[], x: { role?: string | null; customRoleId?: string | null }) => options.find((o) => o.value === valueOf(x))?.label ?? x.role ?? "Custom role";
const isPending = (i: Invitation) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > Date.now();
const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

export function Team() {
  const { can, tenant } = useSignedIn();
  const roles = useQuery(() => request(RolesAndPermissionsDocument), [tenant?.rowId]);
  const members = useQuery(() => request(TeamMembersDocument, { first: 100 }), [tenant?.rowId]);
  const invitations = useQuery(async () => (can(INVITE) ? request(InvitationsDocument, { first: 100 }) : undefined), [tenant?.rowId, can(INVITE)]);
  const options = roleOptions(roles.data);
  const [removedFrom] = useState(takeRemovedNotice);

  return (
    <section aria-labelledby="team-title">
      <div className="page-header">
        <h1 id="team-title">Team</h1>
        <p className="hint">People in {tenant?.name ?? "this workspace"} and what they may do.</p>
      </div>
      {removedFrom ? <Alert error={`You were removed from ${removedFrom}. You are now in ${tenant?.name ?? "no workspace"}.`} /> : null}
      {can(INVITE) ? <InviteForm options={options} onInvited={invitations.reload} /> : null}
      {can(READ) ? (
        <MembersTable query={members} options={options} />
      ) : (
        <Empty>Your role does not include seeing the member list (permission {READ}).</Empty>
      )}
      {can(INVITE) ? <PendingInvitations query={invitations} options={options} /> : null}
      {can(ROLES) ? <CustomRoles query={roles} /> : null}
      <WorkspacePanel members={members.data} />
    </section>
  );
}

function InviteForm({ options, onInvited }: { options: RoleOption[]; onInvited: () => Promise<void> }) {
  const [sent, setSent] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<ApiError | null>(null);
  const submit = useSubmit(async ({ email, role }, form) => {
    setSent(null);
    setEmailError(null);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return setEmailError(new ApiError(null, "Enter a valid email address."));
    const option = options.find((o) => o.value === role) ?? { role: "member", customRoleId: null };
    try {
      await request(InviteMemberDocument, { email: address, role: option.role, customRoleId: option.customRoleId });
    } catch (e) {
      if (e instanceof ApiError && ["ISMEM", "NUNIQ", "INVLD"].includes(e.code ?? "")) return setEmailError(e);
      throw e;
    }
    form.reset();
    setSent(`Invitation sent to ${address}.`);
    await onInvited();
  });
  return (
    <form className="panel inline-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <Alert error={submit.error} success={sent} />
      <div className="row">
        <Field label="Email address" name="email" type="email" autoComplete="off" required error={emailError} />
        <SelectField label="Role" name="role" defaultValue="role:member">
          {options.filter((o) => o.role !== "owner").map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </SelectField>
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Sending…" : "Send invitation"}</button>
      </div>
    </form>
  );
}

function MembersTable({ query, options }: { query: ReturnType<typeof useQuery<TeamMembersQuery>>; options: RoleOption[] }) {
  const { can, user } = useSignedIn();
  const [removing, setRemoving] = useState<Member | null>(null);
  const members = query.data?.currentTenant?.memberships;
  const nodes = (members?.nodes ?? []).filter((m): m is Member => !!m);
  return (
    <div className="panel">
      <h2>Members{members ? ` (${members.totalCount})` : ""}</h2>
      <DataTable query={query} rows={nodes} loadingLabel="Loading members…" empty="No members yet." columns={["Name", "Email", "Role", "Joined", ...(can(MANAGE) ? [ACTIONS] : [])]}>
        {(m) => (
          <tr key={m.rowId}>
            <td data-label="Name">{m.user?.name ?? "—"}{m.user?.rowId === user.rowId ? <span className="badge">you</span> : null}</td>
            <td data-label="Email">{m.user?.email}</td>
            <td data-label="Role">
              {can(MANAGE) && m.user?.rowId !== user.rowId ? <RoleSelect member={m} options={options} onChanged={query.reload} /> : labelOf(options, m)}
            </td>
            <td data-label="Joined">{date(m.createdAt)}</td>
            {can(MANAGE) ? (
              <td className="actions-cell">
                {m.user?.rowId !== user.rowId ? (
                  <button type="button" className="danger small" onClick={() => setRemoving(m)} aria-label={`Remove ${m.user?.email}`}>Remove</button>
                ) : null}
              </td>
            ) : null}
          </tr>
        )}
      </DataTable>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.user?.name ?? removing.user?.email}?`}
          confirmLabel="Remove member"
          typeToConfirm={removing.user?.email ?? undefined}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await request(RemoveMemberDocument, { membershipId: removing.rowId });
            await query.reload();
          }}
        >
          <p>They lose access to this workspace at once. You can invite them again later.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** Changing the select saves at once (optimistically), and goes back with the server's error next to it if refused. */
function RoleSelect({ member, options, onChanged }: { member: Member; options: RoleOption[]; onChanged: () => Promise<void> }) {
  const [value, setValue] = useState(valueOf(member));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const handle = useErrorHandler();
  const id = `role-${member.rowId}`;
  return (
    <div className="role-select">
      <label htmlFor={id} className="visually-hidden">Role for {member.user?.email}</label>
      <select
        id={id}
        value={value}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={async (e) => {
          const previous = value;
          const option = options.find((o) => o.value === e.target.value);
          if (!option) return;
          setValue(option.value);
          setBusy(true);
          setError(null);
          setSaved(false);
          try {
            await request(ChangeMemberRoleDocument, { membershipId: member.rowId, role: option.role, customRoleId: option.customRoleId });
            setSaved(true);
            await onChanged();
          } catch (err) {
            setValue(previous);
            setError(handle(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {options.some((o) => o.value === value) ? null : <option value={value}>{labelOf(options, member)}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {saved ? <span className="saved" role="status">Saved</span> : null}
      <ErrorText error={error} id={`${id}-error`} />
    </div>
  );
}

function PendingInvitations({ query, options }: { query: ReturnType<typeof useQuery<InvitationsQuery | undefined>>; options: RoleOption[] }) {
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const pending = (query.data?.invitations?.nodes ?? []).filter((i): i is Invitation => !!i && isPending(i));

  const resend = async (i: Invitation) => {
    setNotice(null);
    setError(null);
    try {
      await request(RevokeInvitationDocument, { invitationId: i.rowId });
      await request(InviteMemberDocument, { email: i.email, role: i.customRoleId ? null : i.role, customRoleId: i.customRoleId });
      setNotice(`A new invitation was sent to ${i.email}.`);
    } catch (e) {
      setError(handle(e));
    }
    await query.reload();
  };

  return (
    <div className="panel">
      <h2>Pending invitations</h2>
      <DataTable query={query} rows={pending} loadingLabel="Loading invitations…" empty="No pending invitations." error={error} success={notice} columns={["Email", "Role", "Expires", ACTIONS]}>
        {(i) => (
          <tr key={i.rowId}>
            <td data-label="Email">{i.email}</td>
            <td data-label="Role">{labelOf(options, i)}</td>
            <td data-label="Expires">{date(i.expiresAt)}</td>
            <td className="actions-cell">
              <button type="button" className="secondary small" onClick={() => void resend(i)} aria-label={`Resend the invitation to ${i.email}`}>Resend</button>
              <button type="button" className="danger small" onClick={() => setRevoking(i)} aria-label={`Revoke the invitation to ${i.email}`}>Revoke</button>
            </td>
          </tr>
        )}
      </DataTable>
      {revoking ? (
        <ConfirmDialog
          title={`Revoke the invitation to ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await request(RevokeInvitationDocument, { invitationId: revoking.rowId });
            await query.reload();
          }}
        >
          <p>The link in their email stops working. You can invite them again later.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

type CustomRole = NonNullable<NonNullable<RolesAndPermissionsQuery["roles"]>["nodes"][number]>;

/** "Support agent" → "support_agent": the key the roles table's check accepts (^[a-z][a-z0-9_]{1,39}$). */
const roleKey = (name: string) => {
  const key = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^[^a-z]+|_+$/g, "").slice(0, 40);
  return key.length >= 2 ? key : `role_${key}`.slice(0, 40);
};

function CustomRoles({ query }: { query: ReturnType<typeof useQuery<RolesAndPermissionsQuery>> }) {
  const [editing, setEditing] = useState<CustomRole | null>(null);
  const [deleting, setDeleting] = useState<CustomRole | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = (query.data?.roles?.nodes ?? []).filter((r): r is CustomRole => !!r);
  return (
    <div className="panel">
      <h2>Custom roles</h2>
      <p className="hint">A named set of permissions, given to members from their role select. Changing a role's permissions signs its members out of this workspace, so they pick up the change.</p>
      <DataTable query={query} rows={rows} loadingLabel="Loading roles…" empty="No custom roles yet." success={notice} columns={["Name", "Permissions", ACTIONS]}>
        {(r) => (
          <tr key={r.rowId}>
            <td data-label="Name">{r.name}{r.description ? <p className="hint">{r.description}</p> : null}</td>
            <td data-label="Permissions" className="mono">{r.permissions.length ? r.permissions.join(", ") : "none"}</td>
            <td className="actions-cell">
              <button type="button" className="secondary small" onClick={() => (setNotice(null), setEditing(r))} aria-label={`Edit the role ${r.name}`}>Edit</button>
              <button type="button" className="danger small" onClick={() => (setNotice(null), setDeleting(r))} aria-label={`Delete the role ${r.name}`}>Delete</button>
            </td>
          </tr>
        )}
      </DataTable>
      <RoleForm
        key={editing?.rowId ?? "new"}
        role={editing}
        descriptions={new Map((query.data?.permissions?.nodes ?? []).filter(Boolean).map((p) => [p!.key, p!.description]))}
        onCancel={() => setEditing(null)}
        onSaved={async (message) => {
          setEditing(null);
          setNotice(message);
          await query.reload();
        }}
      />
      {deleting ? (
        <ConfirmDialog
          title={`Delete the role ${deleting.name}?`}
          confirmLabel="Delete role"
          typeToConfirm={deleting.name}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await request(DeleteRoleDocument, { id: deleting.rowId });
            } catch (e) {
              if (e instanceof ApiError && e.code === "BADFK") throw new ApiError("BADFK", "Members still have this role. Give them another role first.");
              throw e;
            }
            setNotice(`The role ${deleting.name} was deleted.`);
            await query.reload();
          }}
        >
          <p>Members who have it must be given another role first.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** Create (role null) or edit a custom role; the picker lists the catalog's permissions, those you lack disabled. */
function RoleForm({ role, descriptions, onCancel, onSaved }: { role: CustomRole | null; descriptions: Map<string, string>; onCancel: () => void; onSaved: (message: string) => Promise<void> }) {
  const { can } = useSignedIn();
  const [errors, setErrors] = useState<{ name?: ApiError; permissions?: ApiError }>({});
  const held = new Set(role?.permissions ?? []);
  const submit = useSubmit(async (v, form) => {
    const name = v.name.trim();
    const permissions = PERMISSIONS.filter((p) => (form.elements.namedItem(`perm:${p}`) as HTMLInputElement | null)?.checked);
    const local: typeof errors = {};
    if (!name || name.length > 100) local.name = new ApiError(null, "Give the role a name of at most 100 characters.");
    if (!permissions.length) local.permissions = new ApiError(null, "Choose at least one permission.");
    setErrors(local);
    if (local.name || local.permissions) return;
    try {
      if (role) await request(UpdateRoleDocument, { id: role.rowId, patch: { name, description: v.description.trim(), permissions } });
      else await request(CreateRoleDocument, { role: { key: roleKey(name), name, description: v.description.trim(), permissions } });
    } catch (e) {
      if (e instanceof ApiError && (e.code === "NUNIQ" || (e.code === "INVLD" && /key|name/i.test(e.message)))) return setErrors({ name: e.code === "NUNIQ" ? new ApiError("NUNIQ", "A role with this name already exists.") : e });
      if (e instanceof ApiError && (e.code === "DNIED" || e.code === "INVLD")) return setErrors({ permissions: e });
      throw e;
    }
    if (!role) form.reset();
    await onSaved(role ? `The role ${name} was saved.` : `The role ${name} was created.`);
  });
  return (
    <form className="inline-form" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="role-form-title">
      <h3 id="role-form-title">{role ? `Edit ${role.name}` : "New role"}</h3>
      <Alert error={submit.error} />
      <Field label="Role name" name="name" defaultValue={role?.name ?? ""} autoComplete="off" required error={errors.name} />
      <Field label="Description (optional)" name="description" defaultValue={role?.description ?? ""} autoComplete="off" />
      <fieldset className="permission-picker" aria-describedby={errors.permissions ? "role-permissions-error" : undefined}>
        <legend>Permissions</legend>
        {PERMISSIONS.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" name={`perm:${p}`} defaultChecked={held.has(p)} disabled={!can(p) && !held.has(p)} />
            <span><span className="mono">{p}</span> — {descriptions.get(p) ?? ""}{can(p) ? "" : " (you do not hold it)"}</span>
          </label>
        ))}
        <ErrorText error={errors.permissions} id="role-permissions-error" />
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Saving…" : role ? "Save role" : "Create role"}</button>
        {role ? <button type="button" className="secondary" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}

/** Leave, transfer ownership, delete: each asks first; afterwards the session reloads into another workspace. */
function WorkspacePanel({ members }: { members: TeamMembersQuery | undefined }) {
  const { can, tenant, user, memberships, reload, ended } = useSignedIn();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<"leave" | "transfer" | "delete" | null>(null);
  const [target, setTarget] = useState("");
  const [targetError, setTargetError] = useState<ApiError | null>(null);
  const isOwner = memberships.find((m) => m.tenant?.rowId === tenant?.rowId)?.role === "owner";
  const others = (members?.currentTenant?.memberships?.nodes ?? []).filter((m): m is Member => !!m && m.user?.rowId !== user.rowId);
  const chosen = others.find((m) => m.rowId === target);
  if (!tenant) return null;
  const moveOut = async () => {
    await reload();
    navigate(CONSOLE_ROUTES.team, { replace: true });
  };
  return (
    <div className="panel danger-zone">
      <h2>Workspace</h2>
      <div className="row">
        <button type="button" className="secondary" onClick={() => setDialog("leave")}>Leave workspace</button>
      </div>
      {isOwner ? (
        <div className="row">
          <SelectField label="New owner" name="newOwner" value={target} onChange={(e) => (setTarget(e.target.value), setTargetError(null))} error={targetError}>
            <option value="">Choose a member…</option>
            {others.map((m) => (
              <option key={m.rowId} value={m.rowId}>{m.user?.name ? `${m.user.name} (${m.user.email})` : m.user?.email}</option>
            ))}
          </SelectField>
          <button type="button" className="secondary" onClick={() => (chosen ? setDialog("transfer") : setTargetError(new ApiError(null, "Choose the member who becomes the owner.")))}>Transfer ownership</button>
        </div>
      ) : null}
      {isOwner && can(DELETE) ? (
        <div className="row">
          <button type="button" className="danger" onClick={() => setDialog("delete")}>Delete workspace</button>
        </div>
      ) : null}
      {dialog === "leave" ? (
        <ConfirmDialog title={`Leave ${tenant.name}?`} confirmLabel="Leave workspace" onClose={() => setDialog(null)} onConfirm={async () => (await request(LeaveWorkspaceDocument), await moveOut())}>
          <p>You lose access at once; someone must invite you again to come back.</p>
        </ConfirmDialog>
      ) : null}
      {dialog === "transfer" && chosen ? (
        <ConfirmDialog
          title={`Make ${chosen.user?.email} the owner?`}
          confirmLabel="Transfer ownership"
          typeToConfirm={chosen.user?.email ?? undefined}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await request(TransferOwnershipDocument, { membershipId: chosen.rowId });
            // Your role changed (owner → admin), which ends your sessions in this workspace, as any role change
            // does: the token still says "owner". Sign in again for one that says "admin".
            ended();
          }}
        >
          <p>They become the owner and you become an admin. Only they can give ownership back. You then sign in again, as an admin.</p>
        </ConfirmDialog>
      ) : null}
      {dialog === "delete" ? (
        <ConfirmDialog
          title={`Delete ${tenant.name}?`}
          confirmLabel="Delete workspace"
          typeToConfirm={tenant.name}
          onClose={() => setDialog(null)}
          onConfirm={async () => (await request(DeleteWorkspaceDocument, { confirmSlug: tenant.slug }), await moveOut())}
        >
          <p>Everything in it (members, keys, webhooks, files, billing) is deleted at once. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
