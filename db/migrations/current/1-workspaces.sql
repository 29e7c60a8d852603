-- Workspaces a signed-in user creates (app_public.create_workspace).
drop function if exists app_public.create_workspace(text, text);
drop type if exists app_public.created_workspace;

create type app_public.created_workspace as (tenant app_public.tenants, switch_tenant_path text);
comment on type app_public.created_workspace is
  E'A workspace just created, with the caller as its owner. The access token still names the previous workspace: POST `switchTenantPath` with `{ "tenantId": tenant.id }` for one in the new workspace.';
comment on column app_public.created_workspace.switch_tenant_path is
  E'Where to get an access token for the new workspace: `POST /auth/switch-tenant` with `{ "tenantId": … }`.';

/*
 * A signed-in user creates a workspace and becomes its owner, in one
 * transaction (the tenant's own triggers add settings, plan and services).
 * The number of workspaces one user owns is capped by the server's
 * MAX_WORKSPACES_PER_USER (setting `workspaces.max_per_user`, 10 when unset);
 * the user row is locked first, so parallel calls cannot pass the cap together.
 * Without a slug one is derived from the name (with a suffix when taken); a
 * chosen slug that is taken is SLGTK, never silently changed.
 */
create function app_public.create_workspace(name text, slug text default null) returns app_public.created_workspace as $$
declare
  v_user_id uuid := app_hidden.current_user_id();
  v_name text := btrim(coalesce(create_workspace.name, ''));
  v_slug text := lower(btrim(create_workspace.slug));
  v_max int := coalesce(nullif(current_setting('workspaces.max_per_user', true), '')::int, 10);
  v_owned int;
  v_tenant app_public.tenants;
begin
  if v_user_id is null then
    raise exception 'Sign in to create a workspace.' using errcode = 'LOGIN';
  end if;
  if v_name = '' then
    raise exception 'Give the workspace a name.' using errcode = 'INVLD';
  end if;
  if length(v_name) > 100 then
    raise exception 'A workspace name can have at most 100 characters (this one has %).', length(v_name) using errcode = 'INVLD';
  end if;
  if v_slug = '' then
    v_slug := null;
  end if;
  if v_slug is not null and v_slug !~ '^[a-z0-9]([a-z0-9-]{1,48}[a-z0-9])?$' then
    raise exception 'A workspace address has 3 to 50 lower-case letters, digits and inner dashes (e.g. "acme-labs").' using errcode = 'INVLD';
  end if;

  perform 1 from app_public.users u where u.id = v_user_id for update;
  select count(*) into v_owned from app_public.memberships m where m.user_id = v_user_id and m.role = 'owner';
  if v_owned >= v_max then
    raise exception 'You already own % workspaces, the most one person may create here. Delete one or ask an operator to raise MAX_WORKSPACES_PER_USER.', v_owned
      using errcode = 'WSLIM';
  end if;

  if v_slug is null then
    v_tenant := app_private.create_tenant(v_name);
  else
    insert into app_public.tenants (name, slug) values (v_name, v_slug)
      on conflict do nothing
      returning * into v_tenant;
    if v_tenant.id is null then
      raise exception 'The workspace address "%" is already taken; choose another.', v_slug using errcode = 'SLGTK';
    end if;
  end if;
  insert into app_public.memberships (tenant_id, user_id, role) values (v_tenant.id, v_user_id, 'owner');
  return row(v_tenant, '/auth/switch-tenant')::app_public.created_workspace;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.create_workspace(text, text) is
  E'Creates a workspace owned by the caller (name; optional address `slug`, derived from the name when omitted). Then switch to it with `POST /auth/switch-tenant`. At most MAX_WORKSPACES_PER_USER owned workspaces per user (WSLIM).';
-- People only: API keys and anonymous callers cannot create workspaces.
revoke execute on function app_public.create_workspace(text, text) from public, app_anonymous, app_api_key;
grant execute on function app_public.create_workspace(text, text) to app_user;
