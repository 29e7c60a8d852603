--! Previous: sha1:6319440c558fb750fa93c3c205bc28994db4b3fc
--! Hash: sha1:494b023e3a352d2ffce6be82018631f414a0fd3e
--! Message: authorization core, email flows, google sign-in

/*
 * Authorization core: custom roles, invitations and team management, tenant
 * settings, the event outbox, and the sample "blog" module. Every tenant-owned
 * table follows db/POLICIES.md: tenant_id defaulting from the session,
 * composite unique (tenant_id, id), composite foreign keys, one policy per
 * command with (select ...)-wrapped helpers, column-list grants, and an index
 * led by tenant_id.
 */

-- Undo (reverse order): functions that use table row types, then tables, then helpers.
drop function if exists app_public.delete_tenant(text);
drop function if exists app_public.transfer_ownership(uuid);
drop function if exists app_public.leave_tenant();
drop function if exists app_public.remove_member(uuid);
drop function if exists app_public.change_member_role(uuid, text, uuid);
drop function if exists app_public.accept_invitation(text);
drop function if exists app_public.revoke_invitation(uuid);
drop function if exists app_public.invite_member(text, text, uuid);
drop function if exists app_private.membership_permissions(text, uuid);
drop table if exists app_public.posts;
drop table if exists app_public.tenant_settings;
drop table if exists app_private.invitation_tokens;
drop table if exists app_public.invitations;
drop trigger if exists _500_last_owner on app_public.memberships;
drop trigger if exists _200_validate_role on app_public.memberships;
alter table if exists app_public.memberships drop constraint if exists memberships_one_role;
alter table if exists app_public.memberships drop constraint if exists memberships_custom_role_fkey;
alter table if exists app_public.memberships drop column if exists custom_role_id;
alter table if exists app_public.memberships alter column role set not null;
drop table if exists app_public.roles;
drop table if exists app_private.events;
drop trigger if exists _500_create_settings on app_public.tenants;
drop policy if exists update_settings_manager on app_public.tenants;
revoke update on app_public.tenants from app_user;
drop function if exists app_private.tg_posts__publish();
drop function if exists app_private.tg_tenants__create_settings();
drop function if exists app_private.tg_tenant_settings__validate();
drop function if exists app_private.tg_memberships__last_owner();
drop function if exists app_private.tg_memberships__validate_role();
drop function if exists app_private.tg_roles__validate();
drop function if exists app_private.tg_roles__revoke_sessions();
drop function if exists app_private.tg_invitations__send();
drop function if exists app_private.publish_event(uuid, text, jsonb);
drop function if exists app_hidden.assert_grantable(text[]);

/*
 * Event outbox. Domain events are written in the same transaction as the
 * change; the event bus (dispatch, webhooks) reads from here. Events outlive
 * the workspace they describe, so tenant_id is not a foreign key.
 */
create table app_private.events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid,
  type text not null check (type ~ '^[a-z]+(\.[a-z_]+)+$'),
  payload jsonb not null default '{}',
  actor_user_id uuid,
  occurred_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.events');
create index events_tenant_id_idx on app_private.events (tenant_id, occurred_at);

create function app_private.publish_event(p_tenant_id uuid, p_type text, p_payload jsonb) returns uuid as $$
  insert into app_private.events (tenant_id, type, payload, actor_user_id)
    values (p_tenant_id, p_type, coalesce(p_payload, '{}'), app_hidden.current_user_id())
    returning id;
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.publish_event(uuid, text, jsonb) is
  E'Records a domain event in the outbox, in the caller''s transaction.';

/*
 * A caller may only hand out permissions they hold themselves: custom roles,
 * invitations and role changes all pass through here.
 */
create function app_hidden.assert_grantable(p_permissions text[]) returns void as $$
declare
  v_unknown text[];
  v_unheld text[];
begin
  select array_agg(p order by p) into v_unknown
    from unnest(p_permissions) p where not exists (select 1 from app_public.permissions c where c.key = p);
  if v_unknown is not null then
    raise exception 'Unknown permission(s): %. See the permissions list for valid names.', array_to_string(v_unknown, ', ') using errcode = 'INVLD';
  end if;
  if app_hidden.current_user_id() is null then
    return; -- trusted server-side code (owner connection, no request identity)
  end if;
  select array_agg(p order by p) into v_unheld from unnest(p_permissions) p where not app_hidden.has_permission(p);
  if v_unheld is not null then
    raise exception 'You cannot grant permissions you do not hold yourself: %.', array_to_string(v_unheld, ', ') using errcode = 'DNIED';
  end if;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.assert_grantable(text[]) is
  E'Raises INVLD for unknown permission strings and DNIED for permissions the caller does not hold.';

/*
 * Custom roles: per-workspace permission sets, managed by holders of
 * tenant:roles.manage and never broader than their creator.
 */
create table app_public.roles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 500),
  permissions text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, key)
);
select app_private.add_owner_policies('app_public.roles');
create index roles_tenant_id_idx on app_public.roles (tenant_id, created_at, id);
create trigger _100_timestamps before insert or update on app_public.roles
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.roles is E'A custom role of this workspace: a named set of permissions members can be given.';

create function app_private.tg_roles__validate() returns trigger as $$
begin
  if exists (select 1 from app_public.role_templates t where t.key = new.key) then
    raise exception 'The role key "%" is reserved for a built-in role; choose another.', new.key using errcode = 'INVLD';
  end if;
  new.permissions := array(select distinct p from unnest(new.permissions) p order by p);
  perform app_hidden.assert_grantable(new.permissions);
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _200_validate before insert or update on app_public.roles
  for each row execute procedure app_private.tg_roles__validate();

create policy select_member on app_public.roles for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()));
create policy insert_manager on app_public.roles for insert to app_user
  with check (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:roles.manage')));
create policy update_manager on app_public.roles for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:roles.manage')));
create policy delete_manager on app_public.roles for delete to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:roles.manage')));
grant select, delete on app_public.roles to app_user;
grant insert (key, name, description, permissions), update (name, description, permissions) on app_public.roles to app_user;

/*
 * Memberships now name either a built-in role or a custom role of the same
 * workspace (composite foreign key: a membership can never use another
 * workspace's role).
 */
alter table app_public.memberships alter column role drop not null;
alter table app_public.memberships add column custom_role_id uuid;
alter table app_public.memberships add constraint memberships_custom_role_fkey
  foreign key (tenant_id, custom_role_id) references app_public.roles (tenant_id, id);
alter table app_public.memberships add constraint memberships_one_role check ((role is null) <> (custom_role_id is null));
create index memberships_custom_role_idx on app_public.memberships (tenant_id, custom_role_id) where custom_role_id is not null;
comment on column app_public.memberships.custom_role_id is E'A custom role of this workspace, used instead of a built-in role.';

/* Permissions a (built-in or custom) role grants. */
create function app_private.membership_permissions(p_role text, p_custom_role_id uuid) returns text[] as $$
  select coalesce(
    (select t.permissions from app_public.role_templates t where t.key = p_role),
    (select r.permissions from app_public.roles r where r.id = p_custom_role_id),
    '{}'::text[]);
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;

-- Tokens carry the custom role's key and permissions too.
create or replace function app_private.token_claims(p_user_id uuid, p_tenant_id uuid)
returns table (tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_membership app_public.memberships;
begin
  select m.* into v_membership from app_public.memberships m
   where m.user_id = p_user_id and (p_tenant_id is null or m.tenant_id = p_tenant_id)
   order by m.created_at, m.id limit 1;
  if v_membership.id is null then
    if p_tenant_id is null then
      return query select null::uuid, null::text, '{}'::text[], '{}'::text[];
      return;
    end if;
    raise exception 'You are not a member of that workspace.' using errcode = 'DNIED';
  end if;
  return query select v_membership.tenant_id,
    coalesce(v_membership.role, (select r.key from app_public.roles r where r.id = v_membership.custom_role_id)),
    app_private.membership_permissions(v_membership.role, v_membership.custom_role_id),
    '{}'::text[];
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

-- Changing a custom role's permissions ends its members' sessions, like a role change does.
create function app_private.tg_roles__revoke_sessions() returns trigger as $$
begin
  if new.permissions is distinct from old.permissions then
    perform app_private.revoke_refresh_families(m.user_id, m.tenant_id, 'role permissions changed')
       from app_public.memberships m where m.tenant_id = new.tenant_id and m.custom_role_id = new.id;
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _500_revoke_sessions after update on app_public.roles
  for each row execute procedure app_private.tg_roles__revoke_sessions();

create or replace function app_private.tg_memberships__revoke_sessions() returns trigger as $$
begin
  if tg_op = 'DELETE' then
    perform app_private.revoke_refresh_families(old.user_id, old.tenant_id, 'membership removed');
    return old;
  elsif new.role is distinct from old.role or new.custom_role_id is distinct from old.custom_role_id then
    perform app_private.revoke_refresh_families(old.user_id, old.tenant_id, 'role changed');
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * A workspace never loses its last owner. Runs after the change, under a lock
 * on the workspace row so two concurrent demotions cannot both pass. Skipped
 * when the workspace itself is being deleted (cascade).
 */
create function app_private.tg_memberships__last_owner() returns trigger as $$
begin
  if old.role = 'owner' and (tg_op = 'DELETE' or new.role is distinct from 'owner') then
    perform 1 from app_public.tenants where id = old.tenant_id for update;
    if found and not exists (select 1 from app_public.memberships where tenant_id = old.tenant_id and role = 'owner') then
      raise exception 'A workspace needs at least one owner. Make someone else an owner first, or delete the workspace.' using errcode = 'LSTOW';
    end if;
  end if;
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _500_last_owner after update or delete on app_public.memberships
  for each row execute procedure app_private.tg_memberships__last_owner();

/*
 * Invitations. The row is visible to the workspace; the token (hashed) lives
 * in app_private and is created by the worker when it sends the email, so
 * the plaintext never touches the database or a job payload.
 */
create table app_public.invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  email citext not null check (length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role text references app_public.role_templates (key),
  custom_role_id uuid,
  invited_by uuid references app_public.users on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references app_public.users on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, custom_role_id) references app_public.roles (tenant_id, id) on delete cascade,
  check ((role is null) <> (custom_role_id is null))
);
select app_private.add_owner_policies('app_public.invitations');
create index invitations_tenant_id_idx on app_public.invitations (tenant_id, created_at, id);
create unique index invitations_pending_email_idx on app_public.invitations (tenant_id, email) where accepted_at is null and revoked_at is null;
create index invitations_invited_by_idx on app_public.invitations (invited_by);
create index invitations_accepted_by_idx on app_public.invitations (accepted_by);
create index invitations_custom_role_idx on app_public.invitations (tenant_id, custom_role_id) where custom_role_id is not null;
create trigger _100_timestamps before insert or update on app_public.invitations
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.invitations is E'An invitation for someone to join this workspace by email.';

create policy select_inviter on app_public.invitations for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:members.invite')));
grant select on app_public.invitations to app_user;

create table app_private.invitation_tokens (
  invitation_id uuid primary key references app_public.invitations on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.invitation_tokens');

create function app_private.tg_invitations__send() returns trigger as $$
begin
  perform app_private.add_job('invitations__send', json_build_object('id', new.id));
  perform app_private.publish_event(new.tenant_id, 'member.invited',
    jsonb_build_object('invitationId', new.id, 'email', new.email, 'role', coalesce(new.role, 'custom')));
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _900_send after insert on app_public.invitations
  for each row execute procedure app_private.tg_invitations__send();

/*
 * Team management. SECURITY DEFINER because they read rows the caller may not
 * see (e.g. whether an email is already a member); every one checks the
 * caller's permission first and works only in the caller's active workspace.
 */
create function app_public.invite_member(email text, role text default 'member', custom_role_id uuid default null)
returns app_public.invitations as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_invitation app_public.invitations;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to invite members.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('tenant:members.invite') then
    raise exception 'You do not have permission to invite members.' using errcode = 'DNIED';
  end if;
  if custom_role_id is not null then
    role := null;
    if not exists (select 1 from app_public.roles r where r.id = custom_role_id and r.tenant_id = v_tenant) then
      raise exception 'That role does not exist in this workspace.' using errcode = 'NTFND';
    end if;
  elsif not exists (select 1 from app_public.role_templates t where t.key = role) then
    raise exception 'Unknown role "%". Use owner, admin, member or a custom role.', role using errcode = 'INVLD';
  end if;
  perform app_hidden.assert_grantable(app_private.membership_permissions(role, custom_role_id));
  if exists (select 1 from app_public.memberships m join app_public.users u on u.id = m.user_id
              where m.tenant_id = v_tenant and u.email = invite_member.email::citext) then
    raise exception 'That person is already a member of this workspace.' using errcode = 'ISMEM';
  end if;
  if exists (select 1 from app_public.invitations i where i.tenant_id = v_tenant and i.email = invite_member.email::citext
              and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()) then
    raise exception 'That email already has a pending invitation. Revoke it to send a new one.' using errcode = 'NUNIQ';
  end if;
  -- An expired, unanswered invitation would block the partial unique index: retire it.
  update app_public.invitations i set revoked_at = now()
   where i.tenant_id = v_tenant and i.email = invite_member.email::citext and i.accepted_at is null and i.revoked_at is null;
  insert into app_public.invitations (tenant_id, email, role, custom_role_id, invited_by)
    values (v_tenant, btrim(invite_member.email), role, custom_role_id, app_hidden.current_user_id())
    returning * into v_invitation;
  return v_invitation;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.invite_member(text, text, uuid) is
  E'Invites someone to the active workspace by email, with a built-in role (default member) or a custom role. Needs `tenant:members.invite`; you cannot grant permissions you do not hold.';

create function app_public.revoke_invitation(invitation_id uuid) returns app_public.invitations as $$
declare
  v_invitation app_public.invitations;
begin
  if not app_hidden.has_permission('tenant:members.invite') then
    raise exception 'You do not have permission to manage invitations.' using errcode = 'DNIED';
  end if;
  update app_public.invitations set revoked_at = now()
   where id = invitation_id and tenant_id = app_hidden.current_tenant_id() and accepted_at is null and revoked_at is null
   returning * into v_invitation;
  if v_invitation.id is null then
    raise exception 'No pending invitation with that id in this workspace.' using errcode = 'NTFND';
  end if;
  return v_invitation;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.revoke_invitation(uuid) is E'Cancels a pending invitation of the active workspace.';

create function app_public.accept_invitation(token text) returns app_public.memberships as $$
declare
  v_user app_public.users;
  v_invitation app_public.invitations;
  v_membership app_public.memberships;
begin
  select * into v_user from app_public.users where id = app_hidden.current_user_id();
  if v_user.id is null then
    raise exception 'Sign in (or create an account) to accept the invitation.' using errcode = 'LOGIN';
  end if;
  select i.* into v_invitation from app_private.invitation_tokens t join app_public.invitations i on i.id = t.invitation_id
   where t.token_hash = digest(coalesce(token, ''), 'sha256') for update of i;
  if v_invitation.id is null then
    raise exception 'This invitation link is not valid.' using errcode = 'NTFND';
  end if;
  if v_invitation.accepted_at is not null or v_invitation.revoked_at is not null then
    raise exception 'This invitation has already been used or was cancelled. Ask for a new one.' using errcode = 'INVUS';
  end if;
  if v_invitation.expires_at <= now() then
    raise exception 'This invitation has expired. Ask for a new one.' using errcode = 'INVEX';
  end if;
  if v_invitation.email <> v_user.email then
    raise exception 'This invitation was sent to another email address. Sign in with that address to accept it.' using errcode = 'DNIED';
  end if;
  if exists (select 1 from app_public.memberships m where m.tenant_id = v_invitation.tenant_id and m.user_id = v_user.id) then
    raise exception 'You are already a member of this workspace.' using errcode = 'ISMEM';
  end if;
  insert into app_public.memberships (tenant_id, user_id, role, custom_role_id)
    values (v_invitation.tenant_id, v_user.id, v_invitation.role, v_invitation.custom_role_id)
    returning * into v_membership;
  update app_public.invitations set accepted_at = now(), accepted_by = v_user.id where id = v_invitation.id;
  -- The token proved control of the inbox.
  update app_public.users set is_verified = true where id = v_user.id and not is_verified;
  perform app_private.publish_event(v_invitation.tenant_id, 'member.joined',
    jsonb_build_object('membershipId', v_membership.id, 'userId', v_user.id, 'invitationId', v_invitation.id));
  return v_membership;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.accept_invitation(text) is
  E'Joins the workspace an invitation is for. The signed-in user''s email must match the invitation. Switch to the workspace afterwards to work in it.';

create function app_public.change_member_role(membership_id uuid, role text default null, custom_role_id uuid default null)
returns app_public.memberships as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_target app_public.memberships;
  v_caller_role text;
begin
  if not app_hidden.has_permission('tenant:members.manage') then
    raise exception 'You do not have permission to change members'' roles.' using errcode = 'DNIED';
  end if;
  select * into v_target from app_public.memberships m where m.id = membership_id and m.tenant_id = v_tenant for update;
  if v_target.id is null then
    raise exception 'No member with that id in this workspace.' using errcode = 'NTFND';
  end if;
  if (role is null) = (custom_role_id is null) then
    raise exception 'Give either a built-in role or a custom role.' using errcode = 'INVLD';
  end if;
  if role is not null and not exists (select 1 from app_public.role_templates t where t.key = role) then
    raise exception 'Unknown role "%".', role using errcode = 'INVLD';
  end if;
  if custom_role_id is not null and not exists (select 1 from app_public.roles r where r.id = custom_role_id and r.tenant_id = v_tenant) then
    raise exception 'That role does not exist in this workspace.' using errcode = 'NTFND';
  end if;
  select m.role into v_caller_role from app_public.memberships m where m.tenant_id = v_tenant and m.user_id = app_hidden.current_user_id();
  if (v_target.role = 'owner' or role = 'owner') and v_caller_role is distinct from 'owner' then
    raise exception 'Only owners can make or unmake owners.' using errcode = 'DNIED';
  end if;
  perform app_hidden.assert_grantable(app_private.membership_permissions(role, custom_role_id));
  update app_public.memberships m set role = change_member_role.role, custom_role_id = change_member_role.custom_role_id
   where m.id = v_target.id returning * into v_target;
  perform app_private.publish_event(v_tenant, 'role.changed',
    jsonb_build_object('membershipId', v_target.id, 'userId', v_target.user_id, 'role', coalesce(v_target.role, 'custom'), 'customRoleId', v_target.custom_role_id));
  return v_target;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.change_member_role(uuid, text, uuid) is
  E'Gives a member a built-in or custom role. Needs `tenant:members.manage`; only owners can make or unmake owners; the last owner cannot be demoted.';

create function app_public.remove_member(membership_id uuid) returns app_public.memberships as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_target app_public.memberships;
  v_caller_role text;
begin
  select * into v_target from app_public.memberships m where m.id = membership_id and m.tenant_id = v_tenant;
  if v_target.id is null then
    raise exception 'No member with that id in this workspace.' using errcode = 'NTFND';
  end if;
  if v_target.user_id is distinct from app_hidden.current_user_id() then
    if not app_hidden.has_permission('tenant:members.manage') then
      raise exception 'You do not have permission to remove members.' using errcode = 'DNIED';
    end if;
    select m.role into v_caller_role from app_public.memberships m where m.tenant_id = v_tenant and m.user_id = app_hidden.current_user_id();
    if v_target.role = 'owner' and v_caller_role is distinct from 'owner' then
      raise exception 'Only owners can remove an owner.' using errcode = 'DNIED';
    end if;
  end if;
  delete from app_public.memberships m where m.id = v_target.id;
  perform app_private.publish_event(v_tenant, 'member.removed', jsonb_build_object('membershipId', v_target.id, 'userId', v_target.user_id));
  return v_target;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.remove_member(uuid) is
  E'Removes a member from the active workspace (needs `tenant:members.manage`; owners only by owners). Their sessions for it end.';

create function app_public.leave_tenant() returns app_public.memberships as $$
  select app_public.remove_member(m.id) from app_public.memberships m
   where m.tenant_id = app_hidden.current_tenant_id() and m.user_id = app_hidden.current_user_id();
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.leave_tenant() is E'Leaves the active workspace. The last owner cannot leave; transfer ownership or delete it.';

create function app_public.transfer_ownership(membership_id uuid) returns app_public.memberships as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_target app_public.memberships;
begin
  if not exists (select 1 from app_public.memberships m where m.tenant_id = v_tenant and m.user_id = app_hidden.current_user_id() and m.role = 'owner') then
    raise exception 'Only an owner can transfer ownership.' using errcode = 'DNIED';
  end if;
  update app_public.memberships m set role = 'owner', custom_role_id = null
   where m.id = membership_id and m.tenant_id = v_tenant returning * into v_target;
  if v_target.id is null then
    raise exception 'No member with that id in this workspace.' using errcode = 'NTFND';
  end if;
  update app_public.memberships m set role = 'admin'
   where m.tenant_id = v_tenant and m.user_id = app_hidden.current_user_id() and m.id <> v_target.id;
  perform app_private.publish_event(v_tenant, 'role.changed', jsonb_build_object('membershipId', v_target.id, 'userId', v_target.user_id, 'role', 'owner'));
  return v_target;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.transfer_ownership(uuid) is E'Makes another member the owner; you become an admin.';

create function app_public.delete_tenant(confirm_slug text) returns boolean as $$
declare
  v_tenant app_public.tenants;
begin
  select * into v_tenant from app_public.tenants where id = app_hidden.current_tenant_id();
  if v_tenant.id is null or not app_hidden.has_permission('tenant:delete')
     or not exists (select 1 from app_public.memberships m where m.tenant_id = v_tenant.id and m.user_id = app_hidden.current_user_id() and m.role = 'owner') then
    raise exception 'Only an owner can delete the workspace.' using errcode = 'DNIED';
  end if;
  if confirm_slug is distinct from v_tenant.slug::text then
    raise exception 'Type the workspace address "%" to confirm deletion.', v_tenant.slug using errcode = 'INVLD';
  end if;
  perform app_private.publish_event(v_tenant.id, 'tenant.deleted', jsonb_build_object('tenantId', v_tenant.id, 'name', v_tenant.name, 'slug', v_tenant.slug));
  delete from app_public.tenants where id = v_tenant.id;
  return true;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.delete_tenant(text) is
  E'Deletes the active workspace and everything in it. Owner only; pass the workspace slug to confirm.';

/*
 * Workspace settings: one row per workspace, created with it. Readable by
 * members, writable with tenant:settings.update. The workspace name is
 * editable with the same permission.
 */
create table app_public.tenant_settings (
  tenant_id uuid primary key default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  display_name text check (display_name is null or length(display_name) between 1 and 100),
  logo_url text check (logo_url is null or (length(logo_url) <= 2000 and logo_url ~ '^https://')),
  primary_color text check (primary_color is null or primary_color ~ '^#[0-9a-fA-F]{6}$'),
  timezone text not null default 'UTC',
  locale text not null default 'en-US' check (locale ~ '^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$'),
  week_start smallint not null default 1 check (week_start between 0 and 6),
  preferences jsonb not null default '{}' check (jsonb_typeof(preferences) = 'object' and octet_length(preferences::text) <= 16384),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_public.tenant_settings');
create trigger _100_timestamps before insert or update on app_public.tenant_settings
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.tenant_settings is E'Branding and regional settings of a workspace.';
comment on column app_public.tenant_settings.timezone is E'IANA time zone name, e.g. `Asia/Kolkata`.';
comment on column app_public.tenant_settings.locale is E'BCP 47 language tag, e.g. `en-IN`.';
comment on column app_public.tenant_settings.week_start is E'First day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday.';
comment on column app_public.tenant_settings.preferences is E'Free-form JSON object for the workspace''s own settings, at most 16 KiB.';

-- Time zone names come from the server's catalog, which a CHECK may not consult: validate in a trigger.
create function app_private.tg_tenant_settings__validate() returns trigger as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    raise exception 'Unknown time zone "%"; use an IANA name such as Asia/Kolkata or Europe/Berlin.', new.timezone using errcode = 'INVLD';
  end if;
  return new;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
create trigger _200_validate before insert or update on app_public.tenant_settings
  for each row execute procedure app_private.tg_tenant_settings__validate();

create function app_private.tg_tenants__create_settings() returns trigger as $$
begin
  insert into app_public.tenant_settings (tenant_id) values (new.id) on conflict do nothing;
  perform app_private.publish_event(new.id, 'tenant.created', jsonb_build_object('tenantId', new.id, 'name', new.name, 'slug', new.slug));
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _500_create_settings after insert on app_public.tenants
  for each row execute procedure app_private.tg_tenants__create_settings();
insert into app_public.tenant_settings (tenant_id) select id from app_public.tenants on conflict do nothing;

create policy select_member on app_public.tenant_settings for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()));
create policy update_manager on app_public.tenant_settings for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:settings.update')));
grant select on app_public.tenant_settings to app_user;
grant update (display_name, logo_url, primary_color, timezone, locale, week_start, preferences) on app_public.tenant_settings to app_user;

create policy update_settings_manager on app_public.tenants for update to app_user
  using (id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:settings.update')));
grant update (name) on app_public.tenants to app_user;

/*
 * The sample product module: blog posts. Reading needs blog:posts.read,
 * writing blog:posts.write (authors edit their own drafts), publishing
 * blog:posts.publish (publishers may edit and delete any post). The author
 * must be a member of the same workspace (composite foreign key).
 */
create table app_public.posts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  author_id uuid default app_hidden.current_user_id(),
  title text not null check (length(title) between 1 and 300),
  body text not null default '' check (length(body) <= 100000),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, author_id) references app_public.memberships (tenant_id, user_id) on delete set null (author_id)
);
select app_private.add_owner_policies('app_public.posts');
create index posts_tenant_id_idx on app_public.posts (tenant_id, created_at, id);
create index posts_tenant_author_idx on app_public.posts (tenant_id, author_id);
create index posts_tenant_status_idx on app_public.posts (tenant_id, status, published_at);
create trigger _100_timestamps before insert or update on app_public.posts
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.posts is E'A blog post of the workspace.';
comment on column app_public.posts.status is E'`draft` or `published`; publishing needs `blog:posts.publish`.';

create function app_private.tg_posts__publish() returns trigger as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status is distinct from 'published') then
    new.published_at := now();
    perform app_private.publish_event(new.tenant_id, 'blog.post.published', jsonb_build_object('postId', new.id, 'title', new.title));
  elsif new.status = 'draft' then
    new.published_at := null;
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _200_publish before insert or update on app_public.posts
  for each row execute procedure app_private.tg_posts__publish();

create policy select_reader on app_public.posts for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('blog:posts.read')));
create policy insert_writer on app_public.posts for insert to app_user
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and author_id = (select app_hidden.current_user_id())
    and (select app_hidden.has_permission('blog:posts.write'))
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy update_author_or_publisher on app_public.posts for update to app_user
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (author_id = (select app_hidden.current_user_id()) and status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  )
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy delete_author_or_publisher on app_public.posts for delete to app_user
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (author_id = (select app_hidden.current_user_id()) and status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  );
grant select, delete on app_public.posts to app_user;
grant insert (title, body, status), update (title, body, status) on app_public.posts to app_user;

/*
 * Anonymous callers hold SELECT on users, tenants and memberships only so that
 * currentUser/currentTenant/myMemberships answer null/empty instead of a
 * permission error; these explicit policies document that they see no row.
 */
drop policy if exists select_none on app_public.users;
drop policy if exists select_none on app_public.tenants;
drop policy if exists select_none on app_public.memberships;
create policy select_none on app_public.users for select to app_anonymous using (false);
create policy select_none on app_public.tenants for select to app_anonymous using (false);
create policy select_none on app_public.memberships for select to app_anonymous using (false);

-- >>> email flows (issue 3)
/*
 * Email verification and password reset. The worker task that sends the
 * email creates the token; only its SHA-256 is stored (email_tokens), with an
 * expiry, and each token works once. Issuing a token replaces the user's
 * unused ones of the same kind, so a retried job or a second request leaves
 * exactly one live link. Consumption locks the token row, so two requests
 * racing with one token cannot both succeed.
 *
 * Everything here is called on the owner pool (auth routes, worker), which
 * reaches these tables through its own policies: no SECURITY DEFINER needed,
 * and request roles have no USAGE on app_private. Drop-then-create keeps this
 * block re-runnable.
 */
drop function if exists app_private.reset_password(bytea, text);
drop function if exists app_private.verify_email(bytea);
drop function if exists app_private.consume_email_token(bytea, text);
drop function if exists app_private.email_token_owner(bytea, text);
drop function if exists app_private.issue_email_token(uuid, text, bytea, interval);
drop function if exists app_private.request_password_reset(text);
drop function if exists app_private.request_verification_email(uuid);

create function app_private.issue_email_token(p_user_id uuid, p_kind text, p_token_hash bytea, p_ttl interval)
returns timestamptz as $$
  with replaced as (
    delete from app_private.email_tokens where user_id = p_user_id and kind = p_kind and used_at is null
  )
  insert into app_private.email_tokens (user_id, kind, token_hash, expires_at)
    values (p_user_id, p_kind, p_token_hash, now() + p_ttl)
  returning expires_at;
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.issue_email_token(uuid, text, bytea, interval) is
  E'Stores a new email token hash (replacing the user''s unused ones of that kind); returns its expiry.';

/*
 * Enqueueing lives in SQL so that "does this email have an account?" and
 * "queue the email" are one statement: the route answers the same way, in
 * about the same time, whether or not a row matched. The job key collapses
 * repeated requests that arrive before the worker runs into one email.
 */
create function app_private.request_password_reset(p_email text) returns void as $$
begin
  perform app_private.add_job('user__send_password_reset_email', json_build_object('userId', u.id),
                              job_key => 'user__send_password_reset_email:' || u.id)
     from app_public.users u
    where u.email = btrim(p_email)::citext;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.request_password_reset(text) is
  E'Queues a password-reset email when an account has this email; does nothing (silently) otherwise.';

create function app_private.request_verification_email(p_user_id uuid) returns boolean as $$
begin
  perform app_private.add_job('user__send_verification_email', json_build_object('userId', u.id),
                              job_key => 'user__send_verification_email:' || u.id)
     from app_public.users u
    where u.id = p_user_id and not u.is_verified;
  return found;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.request_verification_email(uuid) is
  E'Queues a new verification email unless the user is already verified; true when queued.';

/* Read-only look-up (no lock, nothing consumed): whose live token is this? No row when unknown, used or expired. */
create function app_private.email_token_owner(p_token_hash bytea, p_kind text)
returns table (user_id uuid, email citext) as $$
  select u.id, u.email
    from app_private.email_tokens t join app_public.users u on u.id = t.user_id
   where t.token_hash = p_token_hash and t.kind = p_kind and t.used_at is null and t.expires_at > now();
$$ language sql stable set search_path to pg_catalog, public, pg_temp;

/*
 * Marks a live token used and returns its user. FOR UPDATE serialises
 * concurrent callers on the row; the losers re-read it after the winner
 * commits, see used_at set, and get LNKEX. Guard clauses raise, so the
 * caller's statement changes nothing for a bad token.
 */
create function app_private.consume_email_token(p_token_hash bytea, p_kind text) returns uuid as $$
declare
  v_token app_private.email_tokens;
begin
  select * into v_token from app_private.email_tokens t
   where t.token_hash = p_token_hash and t.kind = p_kind
     for update;
  if v_token.id is null then
    raise exception 'This link is not valid. Check that you copied the whole link, or request a new one.' using errcode = 'LNKEX';
  end if;
  if v_token.used_at is not null then
    raise exception 'This link was already used or replaced by a newer one. Request a new one if you still need it.' using errcode = 'LNKEX';
  end if;
  if v_token.expires_at <= now() then
    raise exception 'This link has expired. Request a new one.' using errcode = 'LNKEX';
  end if;
  update app_private.email_tokens set used_at = now() where id = v_token.id;
  return v_token.user_id;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

create function app_private.verify_email(p_token_hash bytea) returns uuid as $$
declare
  v_user_id uuid := app_private.consume_email_token(p_token_hash, 'verify_email');
begin
  update app_public.users set is_verified = true where id = v_user_id and not is_verified;
  return v_user_id;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.verify_email(bytea) is
  E'Consumes a verify_email token and marks its user verified; LNKEX when unknown, used or expired.';

/*
 * Password reset, all or nothing in one statement: consume the token, store
 * the new hash, invalidate every other unused reset link, sign the user out
 * everywhere (all refresh families), clear the email's login lockout, and
 * mark the email verified (the user just proved they read its inbox). The
 * lockout key matches login.ts: 'email:' || lower(email).
 */
create function app_private.reset_password(p_token_hash bytea, p_password_hash text) returns uuid as $$
declare
  v_user_id uuid := app_private.consume_email_token(p_token_hash, 'reset_password');
  v_email text;
begin
  insert into app_private.user_secrets (user_id, password_hash, password_updated_at)
    values (v_user_id, p_password_hash, now())
    on conflict (user_id) do update set password_hash = excluded.password_hash, password_updated_at = excluded.password_updated_at;
  update app_private.email_tokens set used_at = now()
   where user_id = v_user_id and kind = 'reset_password' and used_at is null;
  perform app_private.revoke_refresh_families(v_user_id, null, 'password reset');
  update app_public.users set is_verified = true where id = v_user_id and not is_verified;
  select u.email::text into v_email from app_public.users u where u.id = v_user_id;
  perform app_private.record_login_success('email:' || lower(v_email));
  return v_user_id;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.reset_password(bytea, text) is
  E'Consumes a reset_password token, sets the password hash, ends every session and clears the login lockout; LNKEX when unknown, used or expired.';
-- <<< email flows (issue 3)

-- >>> google sign-in (issue 3)
/*
 * Fix forward for find_or_create_oauth_user (000002): `users.email = p_email`
 * compared citext with text, which Postgres resolves as a case-sensitive text
 * comparison, so "Jane@Example.com" registered with a password and
 * "jane@example.com" from Google missed each other and the insert then failed.
 * The email is now compared as citext. A registration racing this sign-in
 * (register_user returns no row) is a coded conflict, not a null-user insert.
 */
create or replace function app_private.find_or_create_oauth_user(
  p_provider text, p_subject text, p_email text, p_email_verified boolean, p_name text, p_avatar_url text
) returns table (user_id uuid, created boolean) as $$
declare
  v_user_id uuid;
  v_tenant_id uuid;
begin
  select i.user_id into v_user_id from app_private.user_identities i where i.provider = p_provider and i.subject = p_subject;
  if v_user_id is not null then
    return query select v_user_id, false;
    return;
  end if;
  select u.id into v_user_id from app_public.users u where u.email = p_email::citext;
  if v_user_id is not null then
    if not coalesce(p_email_verified, false) then
      raise exception 'An account with this email already exists. Sign in with your password to link this provider.' using errcode = 'EMUNV';
    end if;
    insert into app_private.user_identities (user_id, provider, subject, email) values (v_user_id, p_provider, p_subject, p_email);
    update app_public.users set is_verified = true where id = v_user_id and not is_verified;
    return query select v_user_id, false;
    return;
  end if;
  select r.user_id, r.tenant_id into v_user_id, v_tenant_id
    from app_private.register_user(p_email, coalesce(nullif(btrim(p_name), ''), split_part(p_email, '@', 1)), null, null) r;
  if v_user_id is null then
    raise exception 'An account with this email was created at the same moment; please sign in again.' using errcode = 'NUNIQ';
  end if;
  update app_public.users
     set is_verified = coalesce(p_email_verified, false),
         avatar_url = case when p_avatar_url ~ '^https?://' and length(p_avatar_url) <= 2000 then p_avatar_url end
   where id = v_user_id;
  insert into app_private.user_identities (user_id, provider, subject, email) values (v_user_id, p_provider, p_subject, p_email);
  return query select v_user_id, true;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
-- <<< google sign-in (issue 3)
