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
 */
import { useState } from "react";
import {
  ChangeMemberRoleDocument,
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
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, request } from "../api";
import { useSignedIn } from "../session";
import { ACTIONS, Alert, ConfirmDialog, DataTable, Empty, ErrorText, Field, SelectField, useErrorHandler, useQuery, useSubmit } from "../ui";

type Member = NonNullable<NonNullable<NonNullable<TeamMembersQuery["currentTenant"]>["memberships"]>["nodes"][number]>;
type Invitation = NonNullable<NonNullable<InvitationsQuery["invitations"]>["nodes"][number]>;

const READ: PermissionKey = "tenant:members.read";
const INVITE: PermissionKey = "tenant:members.invite";
const MANAGE: PermissionKey = "tenant:members.manage";

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

  return (
    <section aria-labelledby="team-title">
      <div className="page-header">
        <h1 id="team-title">Team</h1>
        <p className="hint">People in {tenant?.name ?? "this workspace"} and what they may do.</p>
      </div>
      {can(INVITE) ? <InviteForm options={options} onInvited={invitations.reload} /> : null}
      {can(READ) ? (
        <MembersTable query={members} options={options} />
      ) : (
        <Empty>Your role does not include seeing the member list (permission {READ}).</Empty>
      )}
      {can(INVITE) ? <PendingInvitations query={invitations} options={options} /> : null}
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
