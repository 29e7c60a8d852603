-- >>> console: account security status (issue 18)
/*
 * The console's profile page shows whether two-factor authentication is on.
 * The TOTP secret lives in app_private.mfa_totp, which no request role can
 * read, so this computed column answers for the caller's own user only: a
 * teammate's row (users are visible to teammates) reads NULL, so nobody learns
 * who in the workspace has a second factor. Security definer to look into
 * app_private; it reads nothing but the one boolean.
 */
drop function if exists app_public.users_mfa_enabled(app_public.users);
drop function if exists app_private.detach_current_session(uuid);

create function app_public.users_mfa_enabled(u app_public.users) returns boolean as $$
  select case when u.id = app_hidden.current_user_id() then
    exists (select 1 from app_private.mfa_totp m where m.user_id = u.id and m.confirmed_at is not null)
  end;
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
revoke all on function app_public.users_mfa_enabled(app_public.users) from public;
grant execute on function app_public.users_mfa_enabled(app_public.users) to app_user;
comment on function app_public.users_mfa_enabled(app_public.users) is
  E'Whether two-factor authentication (an authenticator app) is on for this account; only for your own user, NULL for anyone else. Turn it on with POST /auth/mfa/totp/enroll and confirm, off with POST /auth/mfa/totp/disable.';
-- <<< console: account security status

-- >>> console: leaving or deleting a workspace keeps your own session (issue 18)
/*
 * Removing a membership revokes the member's sessions for that workspace
 * (tg_memberships__revoke_sessions): right when someone else removes you, but
 * when you leave or delete the workspace yourself, from the console, it also
 * ended the very session you did it in, so the next refresh signed you out
 * instead of moving you to your other workspace. Both now first detach the
 * caller's own session (the token's `session_id`) from the workspace
 * (tenant_id NULL: the next refresh or switch picks another workspace), in
 * the same transaction, so a refused leave (LSTOW) detaches nothing. Your
 * other sessions in that workspace are still revoked.
 */
create function app_private.detach_current_session(p_tenant_id uuid) returns void as $$
  update app_private.refresh_token_families f set tenant_id = null
   where f.id = nullif(pg_catalog.current_setting('jwt.claims.session_id', true), '')::uuid
     and f.user_id = app_hidden.current_user_id() and f.tenant_id = p_tenant_id and f.revoked_at is null;
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.detach_current_session(uuid) is
  E'Moves the caller''s own live session (jwt.claims.session_id) out of a workspace (tenant_id NULL), so leaving or deleting it does not end that session.';

create or replace function app_public.leave_tenant() returns app_public.memberships as $$
  select app_private.detach_current_session(app_hidden.current_tenant_id());
  select app_public.remove_member(m.id) from app_public.memberships m
   where m.tenant_id = app_hidden.current_tenant_id() and m.user_id = app_hidden.current_user_id();
$$ language sql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.leave_tenant() is
  E'Leaves the active workspace (your session stays signed in; switch to another workspace next). The last owner cannot leave; transfer ownership or delete it.';

create or replace function app_public.delete_tenant(confirm_slug text) returns boolean as $$
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
  perform app_private.detach_current_session(v_tenant.id);
  perform app_private.publish_event(v_tenant.id, 'tenant.deleted', jsonb_build_object('tenantId', v_tenant.id, 'name', v_tenant.name, 'slug', v_tenant.slug));
  delete from app_public.tenants where id = v_tenant.id;
  return true;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.delete_tenant(text) is
  E'Deletes the active workspace and everything in it (your session stays signed in; switch to another workspace next). Owner only; pass the workspace slug to confirm.';
-- <<< console: leaving or deleting a workspace keeps your own session

-- >>> console: custom domains without APP_DOMAIN (issue 18)
/*
 * With no reserved domains configured (APP_DOMAIN unset, the development
 * default), custom_domains.reserved is '' and string_to_array(NULL) is NULL:
 * FOREACH over NULL raised 22004, so addCustomDomain answered INTRN for every
 * hostname. The same function, looping over an empty array instead.
 */
create or replace function app_private.normalize_custom_hostname(p_hostname text) returns text as $$
declare
  v_host text := lower(btrim(coalesce(p_hostname, '')));
  v_reserved text;
begin
  if right(v_host, 1) = '.' then
    v_host := left(v_host, -1);
  end if;
  if v_host = '' then
    raise exception 'Give a hostname such as shop.example.com.' using errcode = 'DMBAD';
  end if;
  if length(v_host) > 253 then
    raise exception 'A hostname has at most 253 characters.' using errcode = 'DMBAD';
  end if;
  if position('*' in v_host) > 0 then
    raise exception 'Wildcard hostnames cannot be added; add each hostname on its own.' using errcode = 'DMBAD';
  end if;
  if v_host ~ '^[0-9.]+$' or position(':' in v_host) > 0 or position('[' in v_host) > 0 then
    raise exception 'Give a hostname, not an IP address.' using errcode = 'DMBAD';
  end if;
  if v_host !~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' or v_host ~ '\.[0-9]+$' then
    raise exception 'That is not a valid hostname: use letters, digits and hyphens in dot-separated labels of at most 63 characters (punycode for international names), e.g. shop.example.com.' using errcode = 'DMBAD';
  end if;
  if v_host = 'localhost' or v_host ~ '\.(localhost|local|internal|invalid|arpa)$' then
    raise exception 'That hostname is reserved for local or special use; give a public hostname.' using errcode = 'DMBAD';
  end if;
  foreach v_reserved in array coalesce(string_to_array(nullif(pg_catalog.current_setting('custom_domains.reserved', true), ''), ' '), '{}') loop
    if v_reserved <> '' and (v_host = v_reserved or right(v_host, length(v_reserved) + 1) = '.' || v_reserved) then
      raise exception 'Hostnames under our own domain cannot be added as custom domains.' using errcode = 'DMOWN';
    end if;
  end loop;
  return v_host;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
-- <<< console: custom domains without APP_DOMAIN

-- >>> console: removing a verified custom domain (issue 18)
/*
 * The trigger that releases a verified hostname (app_private.verified_hostnames)
 * ran as the caller, so a manager removing a verified domain got 42501 (DNIED):
 * request roles have no rights on app_private. It only maintains that table
 * from the row being changed, so it runs as its owner.
 */
alter function app_private.tg_custom_domains__verified_hostname() security definer;
-- <<< console: removing a verified custom domain
