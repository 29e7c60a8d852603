--! Previous: sha1:d8952af1ebd821da5b91d82520eda0ff3f72f3ca
--! Hash: sha1:6319440c558fb750fa93c3c205bc28994db4b3fc
--! Message: Identity: users, workspaces, memberships, permission catalog, role templates, sessions and secrets

/*
 * Identity: users, workspaces (tenants), memberships, the permission catalog
 * and role templates, and every identity secret in app_private (password
 * hashes, refresh-token families, email tokens, MFA secrets, recovery codes,
 * OAuth identities, login-attempt counters).
 *
 * Trusted flows (register, login, refresh, email and MFA flows) run in the
 * server through the owner pool by calling app_private functions; request
 * roles only ever see app_public rows their claims allow.
 */

-- Undo (reverse order) so this file can be re-run while it is current.
drop function if exists app_public.my_memberships();
drop function if exists app_public.current_tenant();
drop function if exists app_public.current_user();
drop function if exists app_private.revoke_refresh_families(uuid, uuid, text);
drop function if exists app_private.rotate_refresh_token(bytea, bytea, interval, interval);
drop function if exists app_private.start_session(uuid, uuid, bytea, text[], text, interval);
drop function if exists app_private.login_lookup(text, text);
drop function if exists app_private.create_refresh_family(uuid, uuid, bytea, text[], text, interval);
drop function if exists app_private.token_claims(uuid, uuid);
drop function if exists app_private.record_login_failure(text, int, interval, interval);
drop function if exists app_private.record_login_success(text);
drop function if exists app_private.login_lock_remaining(text);
drop function if exists app_private.register_user(text, text, text, text);
drop function if exists app_private.find_or_create_oauth_user(text, text, text, boolean, text, text);
drop function if exists app_private.create_tenant(text);
drop table if exists app_private.login_attempts;
drop table if exists app_private.mfa_recovery_codes;
drop table if exists app_private.mfa_totp;
drop table if exists app_private.email_tokens;
drop table if exists app_private.refresh_tokens;
drop table if exists app_private.refresh_token_families;
drop table if exists app_private.user_identities;
drop table if exists app_private.user_secrets;
drop table if exists app_public.memberships;
drop table if exists app_public.tenants;
drop table if exists app_public.users;
drop table if exists app_public.role_templates;
drop table if exists app_public.permissions;
-- Policy helpers and trigger functions go after the tables whose policies and triggers use them.
drop function if exists app_hidden.my_tenant_ids();
drop function if exists app_hidden.current_tenant_member_ids();
drop function if exists app_private.tg_memberships__revoke_sessions();
drop function if exists app_private.add_owner_policies(regclass);

/*
 * FORCE ROW LEVEL SECURITY binds the table owner too. Trusted server-side
 * code (registration, login, the worker) connects as the owner, so each
 * table the owner works on gets one owner policy per command from here.
 * Request roles are never named by these policies.
 */
create function app_private.add_owner_policies(p_table regclass) returns void as $$
begin
  execute format('alter table %s enable row level security', p_table);
  execute format('alter table %s force row level security', p_table);
  execute format('create policy owner_select on %s for select to %I using (true)', p_table, current_user);
  execute format('create policy owner_insert on %s for insert to %I with check (true)', p_table, current_user);
  execute format('create policy owner_update on %s for update to %I using (true)', p_table, current_user);
  execute format('create policy owner_delete on %s for delete to %I using (true)', p_table, current_user);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.add_owner_policies(regclass) is
  E'Migration helper: enable and force RLS on a table and give the owner role one policy per command.';

/*
 * Permission catalog: `<service>:<resource>.<action>` strings. Tokens carry
 * them; policies test them with app_hidden.has_permission(). Global (not
 * tenant-owned): everyone may read the catalog, only migrations change it.
 */
create table app_public.permissions (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$'),
  description text not null check (length(description) between 1 and 500)
);
select app_private.add_owner_policies('app_public.permissions');
create policy select_all on app_public.permissions for select using (true);
grant select on app_public.permissions to app_anonymous, app_user, app_api_key;
comment on table app_public.permissions is E'Every permission string the platform knows, with what it allows.';
comment on column app_public.permissions.key is E'The permission string, `<service>:<resource>.<action>`, e.g. `blog:posts.write`.';

insert into app_public.permissions (key, description) values
  ('tenant:settings.update', 'Change the workspace''s name, branding and settings.'),
  ('tenant:members.read', 'See who is in the workspace and their roles.'),
  ('tenant:members.invite', 'Invite people to the workspace.'),
  ('tenant:members.manage', 'Change members'' roles and remove members.'),
  ('tenant:roles.manage', 'Create and edit custom roles.'),
  ('tenant:delete', 'Delete the workspace and everything in it.'),
  ('billing:read', 'See the plan, invoices, wallet and usage.'),
  ('billing:manage', 'Change the plan, buy coins and add-ons.'),
  ('apikeys:manage', 'Create, roll and revoke API keys.'),
  ('webhooks:manage', 'Manage outbound webhook endpoints.'),
  ('audit:read', 'Read the audit log.'),
  ('blog:posts.read', 'Read blog posts.'),
  ('blog:posts.write', 'Create and edit blog posts.'),
  ('blog:posts.publish', 'Publish and unpublish blog posts.');

/*
 * Role templates expand to permission sets. Memberships name a template;
 * the token minted for a membership carries its expanded permissions.
 */
create table app_public.role_templates (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  description text not null,
  permissions text[] not null,
  rank int not null unique
);
select app_private.add_owner_policies('app_public.role_templates');
create policy select_all on app_public.role_templates for select using (true);
grant select on app_public.role_templates to app_anonymous, app_user, app_api_key;
comment on table app_public.role_templates is E'Built-in roles (owner, admin, member) and the permissions each grants.';
comment on column app_public.role_templates.rank is E'Higher ranks outrank lower ones (owner 100, admin 50, member 10).';

insert into app_public.role_templates (key, name, description, permissions, rank) values
  ('owner', 'Owner', 'Full control, including billing and deleting the workspace.',
    array(select key from app_public.permissions order by key), 100),
  ('admin', 'Admin', 'Manages members, settings, keys and content; cannot delete the workspace.',
    array(select key from app_public.permissions where key <> 'tenant:delete' order by key), 50),
  ('member', 'Member', 'Works with content.',
    array['tenant:members.read', 'blog:posts.read', 'blog:posts.write'], 10);

/*
 * Users. Email is the login name (citext: case-insensitive, unique).
 */
create table app_public.users (
  id uuid primary key default gen_random_uuid(),
  email citext not null unique check (length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  is_verified boolean not null default false,
  name text not null check (length(name) between 1 and 200),
  avatar_url text check (avatar_url is null or (length(avatar_url) <= 2000 and avatar_url ~ '^https?://')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_public.users');
create trigger _100_timestamps before insert or update on app_public.users
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.users is E'A person who can sign in. Visible to themselves and to members of their active workspace.';
comment on column app_public.users.is_verified is E'True once the user has proven they control their email address.';

/*
 * Workspaces (tenants). The slug is globally unique (used in URLs).
 */
create table app_public.tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  slug citext not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{1,48}[a-z0-9])?$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_public.tenants');
create trigger _100_timestamps before insert or update on app_public.tenants
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.tenants is E'A workspace: the unit of isolation. Every tenant-owned row carries its id.';

create table app_public.memberships (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  user_id uuid not null references app_public.users on delete cascade,
  role text not null references app_public.role_templates (key),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, user_id)
);
select app_private.add_owner_policies('app_public.memberships');
create index memberships_tenant_id_idx on app_public.memberships (tenant_id, created_at, id);
create index memberships_user_id_idx on app_public.memberships (user_id);
create index memberships_role_idx on app_public.memberships (role);
create trigger _100_timestamps before insert or update on app_public.memberships
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.memberships is E'A user''s membership of a workspace, with the role that sets their permissions there.';

/*
 * Policy helpers that read membership rows. SECURITY DEFINER so a policy on
 * one table does not recurse through another table's policies; STABLE and
 * called as `in (select ...)` so they run once per statement.
 */
create function app_hidden.my_tenant_ids() returns setof uuid as $$
  select tenant_id from app_public.memberships where user_id = app_hidden.current_user_id();
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.my_tenant_ids() is E'Workspaces the caller belongs to (for the workspace switcher).';

create function app_hidden.current_tenant_member_ids() returns setof uuid as $$
  select user_id from app_public.memberships where tenant_id = app_hidden.current_tenant_id();
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.current_tenant_member_ids() is E'Users who are members of the caller''s active workspace.';

create policy select_self_or_teammate on app_public.users for select to app_user using (
  id = (select app_hidden.current_user_id()) or id in (select app_hidden.current_tenant_member_ids())
);
create policy update_self on app_public.users for update to app_user using (id = (select app_hidden.current_user_id()));
-- Anonymous callers hold the grant but match no policy: currentUser is simply null for them.
grant select on app_public.users to app_anonymous, app_user;
grant update (name, avatar_url) on app_public.users to app_user;

create policy select_member on app_public.tenants for select to app_user using (
  id = (select app_hidden.current_tenant_id()) or id in (select app_hidden.my_tenant_ids())
);
grant select on app_public.tenants to app_anonymous, app_user;

create policy select_mine_or_active_tenant on app_public.memberships for select to app_user using (
  user_id = (select app_hidden.current_user_id())
  or (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:members.read')))
);
grant select on app_public.memberships to app_anonymous, app_user;

/*
 * Secrets. None of these tables is granted to any request role; the owner
 * reaches them through its own policies (FORCE RLS applies to it too).
 */
create table app_private.user_secrets (
  user_id uuid primary key references app_public.users on delete cascade,
  password_hash text,
  password_updated_at timestamptz
);

create table app_private.user_identities (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  provider text not null check (provider in ('google')),
  subject text not null check (length(subject) between 1 and 255),
  email citext,
  created_at timestamptz not null default now(),
  unique (provider, subject)
);
create index user_identities_user_id_idx on app_private.user_identities (user_id);

/*
 * Refresh tokens live in families (one per sign-in). Every use rotates the
 * token; presenting an already-rotated token outside the grace window means
 * it was stolen or replayed, so the whole family is revoked.
 */
create table app_private.refresh_token_families (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  tenant_id uuid references app_public.tenants on delete set null,
  amr text[] not null default '{pwd}',
  aal text not null default 'aal1' check (aal in ('aal1', 'aal2')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index refresh_token_families_user_tenant_idx on app_private.refresh_token_families (user_id, tenant_id) where revoked_at is null;
create index refresh_token_families_tenant_id_idx on app_private.refresh_token_families (tenant_id);

create table app_private.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references app_private.refresh_token_families on delete cascade,
  token_hash bytea not null unique,
  parent_id uuid references app_private.refresh_tokens on delete cascade,
  created_at timestamptz not null default now(),
  rotated_at timestamptz
);
create index refresh_tokens_family_id_idx on app_private.refresh_tokens (family_id);
create index refresh_tokens_parent_id_idx on app_private.refresh_tokens (parent_id);

create table app_private.email_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  kind text not null check (kind in ('verify_email', 'reset_password')),
  token_hash bytea not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_tokens_user_id_idx on app_private.email_tokens (user_id, kind);

create table app_private.mfa_totp (
  user_id uuid primary key references app_public.users on delete cascade,
  secret text not null,
  confirmed_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now()
);

create table app_private.mfa_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  code_hash bytea not null unique,
  used_at timestamptz
);
create index mfa_recovery_codes_user_id_idx on app_private.mfa_recovery_codes (user_id);

/*
 * Failed sign-in counters, keyed by normalised email (whether or not a user
 * has it, so lockout reveals nothing). Written by the server in their own
 * statements, outside any request transaction, so a rollback cannot erase
 * a failure.
 */
create table app_private.login_attempts (
  key text primary key,
  failures int not null default 0,
  last_failed_at timestamptz not null default now(),
  locked_until timestamptz
);

select app_private.add_owner_policies(t::regclass)
  from unnest(array['app_private.user_secrets', 'app_private.user_identities', 'app_private.refresh_token_families',
                    'app_private.refresh_tokens', 'app_private.email_tokens', 'app_private.mfa_totp',
                    'app_private.mfa_recovery_codes', 'app_private.login_attempts']) t;

/*
 * Role changes and removals end the affected sessions: their refresh
 * families for that workspace are revoked, so stale permissions last at most
 * one access-token lifetime.
 */
create function app_private.revoke_refresh_families(p_user_id uuid, p_tenant_id uuid, p_reason text) returns int as $$
  with revoked as (
    update app_private.refresh_token_families
       set revoked_at = now(), revoked_reason = p_reason
     where user_id = p_user_id
       and (p_tenant_id is null or tenant_id = p_tenant_id)
       and revoked_at is null
    returning 1
  )
  select count(*)::int from revoked;
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.revoke_refresh_families(uuid, uuid, text) is
  E'Revokes a user''s live refresh families (for one workspace, or all when tenant is NULL); returns how many.';

create function app_private.tg_memberships__revoke_sessions() returns trigger as $$
begin
  if tg_op = 'DELETE' then
    perform app_private.revoke_refresh_families(old.user_id, old.tenant_id, 'membership removed');
    return old;
  elsif new.role is distinct from old.role then
    perform app_private.revoke_refresh_families(old.user_id, old.tenant_id, 'role changed');
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _500_revoke_sessions after update or delete on app_public.memberships
  for each row execute procedure app_private.tg_memberships__revoke_sessions();

/*
 * Creates a workspace with a slug derived from its name: lower-case, dashes,
 * plus a short random suffix when taken. Insert-or-retry (not check-then-
 * insert), so two sign-ups with the same name at the same moment both succeed.
 */
create function app_private.create_tenant(p_name text) returns app_public.tenants as $$
declare
  v_base text := trim(both '-' from left(regexp_replace(lower(coalesce(p_name, '')), '[^a-z0-9]+', '-', 'g'), 40));
  v_tenant app_public.tenants;
begin
  if length(v_base) < 3 then
    v_base := 'workspace';
  end if;
  for v_attempt in 0..20 loop
    insert into app_public.tenants (name, slug)
      values (btrim(p_name), case when v_attempt = 0 then v_base else v_base || '-' || substr(md5(gen_random_uuid()::text), 1, 6) end)
      on conflict (slug) do nothing
      returning * into v_tenant;
    if v_tenant.id is not null then
      return v_tenant;
    end if;
  end loop;
  raise exception 'Could not find a free workspace address; please try another name.' using errcode = 'NUNIQ';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.create_tenant(text) is E'Creates a workspace with a unique slug derived from its name.';

/*
 * Registration: user + secrets + first workspace + owner membership in one
 * statement, so a failure anywhere leaves nothing behind. Returns NULL (and
 * creates nothing) when the email is taken: the caller answers the same way
 * either way and emails the existing owner instead.
 */
create function app_private.register_user(p_email text, p_name text, p_password_hash text, p_tenant_name text)
returns table (user_id uuid, tenant_id uuid) as $$
declare
  v_user app_public.users;
  v_tenant app_public.tenants;
begin
  insert into app_public.users (email, name) values (btrim(p_email), btrim(p_name))
    on conflict (email) do nothing
    returning * into v_user;
  if v_user.id is null then
    return;
  end if;
  insert into app_private.user_secrets (user_id, password_hash, password_updated_at)
    values (v_user.id, p_password_hash, case when p_password_hash is not null then now() end);
  v_tenant := app_private.create_tenant(coalesce(nullif(btrim(p_tenant_name), ''), v_user.name || '''s workspace'));
  insert into app_public.memberships (tenant_id, user_id, role) values (v_tenant.id, v_user.id, 'owner');
  return query select v_user.id, v_tenant.id;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * OAuth sign-in: an existing identity signs in; otherwise link to an existing
 * user only when the provider vouches for the email; otherwise create user +
 * workspace atomically. Raises EMUNV when an account has the email but the
 * provider does not verify it (linking would let anyone take it over).
 */
create function app_private.find_or_create_oauth_user(
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
  select u.id into v_user_id from app_public.users u where u.email = p_email;
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
  update app_public.users
     set is_verified = coalesce(p_email_verified, false),
         avatar_url = case when p_avatar_url ~ '^https?://' and length(p_avatar_url) <= 2000 then p_avatar_url end
   where id = v_user_id;
  insert into app_private.user_identities (user_id, provider, subject, email) values (v_user_id, p_provider, p_subject, p_email);
  return query select v_user_id, true;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * Login backoff: 5 free failures, then a lock that doubles each time
 * (30 s, 1 min, 2 min, ... capped), reset by a success.
 */
create function app_private.login_lock_remaining(p_key text) returns interval as $$
  select greatest(locked_until - now(), interval '0') from app_private.login_attempts where key = p_key and locked_until > now();
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;

create function app_private.record_login_failure(p_key text, p_free int, p_base interval, p_max interval) returns interval as $$
  insert into app_private.login_attempts as a (key, failures, last_failed_at)
    values (p_key, 1, now())
  on conflict (key) do update set
    failures = a.failures + 1,
    last_failed_at = now(),
    locked_until = case when a.failures + 1 > p_free
      then now() + least(p_base * power(2, a.failures - p_free), p_max) end
  returning coalesce(locked_until - now(), interval '0');
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;

create function app_private.record_login_success(p_key text) returns void as $$
  delete from app_private.login_attempts where key = p_key;
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * Everything the login route needs before verifying the password, in one
 * round trip: the account (if any), whether MFA is on, and the lock state of
 * the email's attempt counter. Returns one row even for unknown emails.
 */
create function app_private.login_lookup(p_email text, p_key text)
returns table (user_id uuid, password_hash text, mfa_enabled boolean, lock_remaining int, has_failures boolean) as $$
  select u.id, s.password_hash, coalesce(m.confirmed_at is not null, false),
         greatest(coalesce(ceil(extract(epoch from a.locked_until - now()))::int, 0), 0),
         a.key is not null
    from (select 1) one
    left join app_public.users u on u.email = p_email::citext
    left join app_private.user_secrets s on s.user_id = u.id
    left join app_private.mfa_totp m on m.user_id = u.id
    left join app_private.login_attempts a on a.key = p_key;
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;

/*
 * What an access token for (user, workspace) carries, recomputed from the
 * database at every mint and refresh. With p_tenant_id NULL the user's oldest
 * membership is used. Raises DNIED when the user is not a member.
 */
create function app_private.token_claims(p_user_id uuid, p_tenant_id uuid)
returns table (tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_membership app_public.memberships;
begin
  select m.* into v_membership from app_public.memberships m
   where m.user_id = p_user_id and (p_tenant_id is null or m.tenant_id = p_tenant_id)
   order by m.created_at, m.id limit 1;
  if v_membership.id is null then
    if p_tenant_id is null then
      -- A user with no workspace at all gets a token without one.
      return query select null::uuid, null::text, '{}'::text[], '{}'::text[];
      return;
    end if;
    raise exception 'You are not a member of that workspace.' using errcode = 'DNIED';
  end if;
  return query
    select v_membership.tenant_id, v_membership.role, rt.permissions, '{}'::text[]
      from app_public.role_templates rt where rt.key = v_membership.role;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

create function app_private.create_refresh_family(
  p_user_id uuid, p_tenant_id uuid, p_token_hash bytea, p_amr text[], p_aal text, p_lifetime interval
) returns uuid as $$
declare
  v_family_id uuid;
begin
  insert into app_private.refresh_token_families (user_id, tenant_id, amr, aal, expires_at)
    values (p_user_id, p_tenant_id, p_amr, p_aal, now() + p_lifetime)
    returning id into v_family_id;
  insert into app_private.refresh_tokens (family_id, token_hash) values (v_family_id, p_token_hash);
  return v_family_id;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * A new sign-in in one round trip: resolve the workspace and its claims
 * (DNIED if not a member), then create the refresh family and first token.
 */
create function app_private.start_session(
  p_user_id uuid, p_tenant_id uuid, p_token_hash bytea, p_amr text[], p_aal text, p_lifetime interval
) returns table (family_id uuid, tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_claims record;
begin
  select * into v_claims from app_private.token_claims(p_user_id, p_tenant_id);
  return query select app_private.create_refresh_family(p_user_id, v_claims.tenant_id, p_token_hash, p_amr, p_aal, p_lifetime),
    v_claims.tenant_id, v_claims.role, v_claims.permissions, v_claims.services;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * One refresh. The family row is locked, so concurrent refreshes with the
 * same token serialise: the first rotates, the rest (within the grace window)
 * are told "already rotated" and get the same successor, which the server
 * re-derives from the presented token (it is HMAC(secret, token)). A rotated
 * token presented after the grace window revokes the family.
 *
 * outcome: 'rotated' | 'grace' | 'reused' (family now revoked) | 'invalid'
 */
create function app_private.rotate_refresh_token(
  p_token_hash bytea, p_successor_hash bytea, p_grace interval, p_idle interval
) returns table (outcome text, family_id uuid, user_id uuid, tenant_id uuid, amr text[], aal text,
                 role text, permissions text[], services text[]) as $$
declare
  v_token app_private.refresh_tokens;
  v_family app_private.refresh_token_families;
  v_claims record;
begin
  select * into v_token from app_private.refresh_tokens t where t.token_hash = p_token_hash;
  if v_token.id is null then
    return query select 'invalid'::text, null::uuid, null::uuid, null::uuid, null::text[], null::text, null::text, null::text[], null::text[];
    return;
  end if;
  select * into v_family from app_private.refresh_token_families f where f.id = v_token.family_id for update;
  -- Re-read under the lock: a concurrent refresh may have rotated it meanwhile.
  select * into v_token from app_private.refresh_tokens t where t.id = v_token.id;

  if v_family.revoked_at is not null or v_family.expires_at <= now() or v_family.last_used_at < now() - p_idle then
    return query select 'invalid'::text, v_family.id, v_family.user_id, v_family.tenant_id, v_family.amr, v_family.aal, null::text, null::text[], null::text[];
    return;
  end if;

  -- Claims come from the database now: a member who was removed gets no new token.
  begin
    select * into v_claims from app_private.token_claims(v_family.user_id, v_family.tenant_id);
  exception when sqlstate 'DNIED' then
    update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'membership gone' where id = v_family.id;
    return query select 'invalid'::text, v_family.id, v_family.user_id, v_family.tenant_id, v_family.amr, v_family.aal, null::text, null::text[], null::text[];
    return;
  end;

  if v_token.rotated_at is null then
    update app_private.refresh_tokens set rotated_at = now() where id = v_token.id;
    insert into app_private.refresh_tokens (family_id, token_hash, parent_id) values (v_family.id, p_successor_hash, v_token.id);
    update app_private.refresh_token_families set last_used_at = now() where id = v_family.id;
    return query select 'rotated'::text, v_family.id, v_family.user_id, v_claims.tenant_id, v_family.amr, v_family.aal,
      v_claims.role, v_claims.permissions, v_claims.services;
    return;
  end if;

  -- Already rotated: a lost response (grace) if its successor is the live token and it is recent.
  if v_token.rotated_at > now() - p_grace and exists (
    select 1 from app_private.refresh_tokens c where c.parent_id = v_token.id and c.token_hash = p_successor_hash and c.rotated_at is null
  ) then
    return query select 'grace'::text, v_family.id, v_family.user_id, v_claims.tenant_id, v_family.amr, v_family.aal,
      v_claims.role, v_claims.permissions, v_claims.services;
    return;
  end if;

  update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'refresh token reused'
   where id = v_family.id;
  return query select 'reused'::text, v_family.id, v_family.user_id, v_family.tenant_id, v_family.amr, v_family.aal,
    null::text, null::text[], null::text[];
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * GraphQL entry points for the signed-in caller.
 */
create function app_public.current_user() returns app_public.users as $$
  select * from app_public.users where id = app_hidden.current_user_id();
$$ language sql stable;
comment on function app_public.current_user() is E'The signed-in user, or null when anonymous.';

create function app_public.current_tenant() returns app_public.tenants as $$
  select * from app_public.tenants where id = app_hidden.current_tenant_id();
$$ language sql stable;
comment on function app_public.current_tenant() is E'The workspace the caller''s token is active in.';

create function app_public.my_memberships() returns setof app_public.memberships as $$
  select * from app_public.memberships where user_id = app_hidden.current_user_id() order by created_at, id;
$$ language sql stable;
comment on function app_public.my_memberships() is E'The caller''s memberships in every workspace (for a workspace switcher).';
