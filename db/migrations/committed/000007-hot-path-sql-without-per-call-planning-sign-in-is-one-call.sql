--! Previous: sha1:776cafa9849c1c9a7451c63e43435512e33fefb2
--! Hash: sha1:1a199a9502ed7a6779913e843ac9c0e5ac3b5add
--! Message: Hot-path SQL without per-call planning; sign-in is one call

-- >>> hot-path SQL without per-call planning (issue 3)
/*
 * Sign-in, refresh and audit-append costs, measured in the identity bench.
 *
 * PostgreSQL before 18 plans the body of a `language sql` function again at
 * every call unless the planner can inline it, and it cannot inline a
 * function that is SECURITY DEFINER or has a SET clause. Every security
 * definer function must pin search_path (STYLE.md), so a single-statement
 * security definer function on a hot path pays a full parse + plan per call
 * (membership_permissions ~100 µs, login_lookup ~250 µs of Postgres CPU).
 * plpgsql caches its plans per connection, so such functions are plpgsql here
 * even when they hold one statement. Helpers that are not security definer
 * and name everything schema-qualified lose their SET clause instead, so the
 * planner inlines them into the caller's (cached) plan.
 */

-- Inlinable: not security definer, no SET; callers are owner functions with a pinned search_path.
create or replace function app_private.audit_genesis(p_tenant_id uuid) returns bytea as $$
  select pg_catalog.sha256(pg_catalog.convert_to('logicspike-audit:' || p_tenant_id::text, 'UTF8'));
$$ language sql stable;
alter function app_private.audit_genesis(uuid) reset all;

create or replace function app_private.audit_entry_hash(e app_public.audit_log) returns bytea as $$
  select pg_catalog.sha256(e.prev_hash || pg_catalog.convert_to(pg_catalog.jsonb_build_array(
    e.tenant_id::text, e.seq, pg_catalog.to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id::text, e.actor_api_key_id::text, e.request_id, e.ip::text,
    e.action, e.event, e.table_name, e.record_id, e.diff)::text, 'UTF8'));
$$ language sql stable;
alter function app_private.audit_entry_hash(app_public.audit_log) reset all;

create or replace function app_private.audit_client_ip(p_value text) returns inet as $$
  select case when p_value ~ '^[0-9A-Fa-f:.]{2,45}$' and p_value ~ '[.:]' then p_value::inet end;
$$ language sql immutable;
alter function app_private.audit_client_ip(text) reset all;

/*
 * The claims of a user's membership (the given workspace, or their oldest when
 * p_tenant_id is null): no row when they are not a member. Inlinable into the
 * security definer functions that call it (token_claims, rotate_refresh_token);
 * request roles cannot execute it.
 */
create or replace function app_private.membership_claims(p_user_id uuid, p_tenant_id uuid)
returns table (tenant_id uuid, role text, permissions text[], services text[]) as $$
  select m.tenant_id, coalesce(m.role, r.key), coalesce(t.permissions, r.permissions, '{}'::text[]),
         array(select ts.service from app_public.tenant_services ts
                where ts.tenant_id = m.tenant_id and ts.enabled order by ts.service)
    from app_public.memberships m
    left join app_public.role_templates t on t.key = m.role
    left join app_public.roles r on r.id = m.custom_role_id
   where m.user_id = p_user_id and (p_tenant_id is null or m.tenant_id = p_tenant_id)
   order by m.created_at, m.id
   limit 1;
$$ language sql stable;
comment on function app_private.membership_claims(uuid, uuid) is
  E'Tenant, role, permissions and enabled services of a membership; no row when not a member.';

create or replace function app_private.membership_permissions(p_role text, p_custom_role_id uuid) returns text[] as $$
begin
  return coalesce(
    (select t.permissions from app_public.role_templates t where t.key = p_role),
    (select r.permissions from app_public.roles r where r.id = p_custom_role_id),
    '{}'::text[]);
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

create or replace function app_private.token_claims(p_user_id uuid, p_tenant_id uuid)
returns table (tenant_id uuid, role text, permissions text[], services text[]) as $$
begin
  return query select * from app_private.membership_claims(p_user_id, p_tenant_id);
  if found then
    return;
  end if;
  if p_tenant_id is null then
    -- A user with no workspace at all gets a token without one.
    return query select null::uuid, null::text, '{}'::text[], '{}'::text[];
    return;
  end if;
  raise exception 'You are not a member of that workspace.' using errcode = 'DNIED';
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

create or replace function app_private.login_lookup(p_email text, p_key text)
returns table (user_id uuid, password_hash text, mfa_enabled boolean, lock_remaining int, has_failures boolean) as $$
begin
  return query
    select u.id, s.password_hash, coalesce(m.confirmed_at is not null, false),
           greatest(coalesce(ceil(extract(epoch from a.locked_until - now()))::int, 0), 0),
           a.key is not null
      from (select 1) one
      left join app_public.users u on u.email = p_email::citext
      left join app_private.user_secrets s on s.user_id = u.id
      left join app_private.mfa_totp m on m.user_id = u.id
      left join app_private.login_attempts a on a.key = p_key;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

/*
 * One refresh. The family row is locked, so concurrent refreshes with the
 * same token serialise: the first rotates, the rest (within the grace window)
 * are told "already rotated" and get the same successor, which the server
 * re-derives from the presented token (it is HMAC(secret, token)). A rotated
 * token presented after the grace window revokes the family. A member who was
 * removed from the family's workspace gets nothing, and the family is revoked.
 * No exception block (a subtransaction per call): membership_claims says "not
 * a member" with no row.
 *
 * outcome: 'rotated' | 'grace' | 'reused' (family now revoked) | 'invalid'
 */
create or replace function app_private.rotate_refresh_token(
  p_token_hash bytea, p_successor_hash bytea, p_grace interval, p_idle interval
) returns table (outcome text, family_id uuid, user_id uuid, tenant_id uuid, amr text[], aal text,
                 role text, permissions text[], services text[]) as $$
declare
  v_family app_private.refresh_token_families;
  v_token_id uuid;
  v_rotated_at timestamptz;
  v_claims record;
begin
  select f.* into v_family from app_private.refresh_token_families f
   where f.id = (select t.family_id from app_private.refresh_tokens t where t.token_hash = p_token_hash)
     for update of f;
  if v_family.id is null then
    return query select 'invalid'::text, null::uuid, null::uuid, null::uuid, null::text[], null::text, null::text, null::text[], null::text[];
    return;
  end if;
  -- Read under the lock: a concurrent refresh may have rotated it meanwhile.
  select t.id, t.rotated_at into v_token_id, v_rotated_at from app_private.refresh_tokens t where t.token_hash = p_token_hash;

  if v_family.revoked_at is not null or v_family.expires_at <= now() or v_family.last_used_at < now() - p_idle then
    return query select 'invalid'::text, v_family.id, v_family.user_id, v_family.tenant_id, v_family.amr, v_family.aal, null::text, null::text[], null::text[];
    return;
  end if;

  -- Claims come from the database now.
  select * into v_claims from app_private.membership_claims(v_family.user_id, v_family.tenant_id);
  if not found then
    if v_family.tenant_id is not null then
      update app_private.refresh_token_families set revoked_at = now(), revoked_reason = 'membership gone' where id = v_family.id;
      return query select 'invalid'::text, v_family.id, v_family.user_id, v_family.tenant_id, v_family.amr, v_family.aal, null::text, null::text[], null::text[];
      return;
    end if;
    -- A user with no workspace at all keeps a session without one.
    select null::uuid as tenant_id, null::text as role, '{}'::text[] as permissions, '{}'::text[] as services into v_claims;
  end if;

  if v_rotated_at is null then
    update app_private.refresh_tokens set rotated_at = now() where id = v_token_id;
    insert into app_private.refresh_tokens (family_id, token_hash, parent_id) values (v_family.id, p_successor_hash, v_token_id);
    update app_private.refresh_token_families set last_used_at = now() where id = v_family.id;
    return query select 'rotated'::text, v_family.id, v_family.user_id, v_claims.tenant_id, v_family.amr, v_family.aal,
      v_claims.role, v_claims.permissions, v_claims.services;
    return;
  end if;

  -- Already rotated: a lost response (grace) if its successor is the live token and it is recent.
  if v_rotated_at > now() - p_grace and exists (
    select 1 from app_private.refresh_tokens c where c.parent_id = v_token_id and c.token_hash = p_successor_hash and c.rotated_at is null
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
/* The chain head exists after a workspace's first entry: lock it first, create it only when missing. */
create or replace function app_private.audit_lock_head(p_tenant_id uuid) returns app_private.audit_chain_heads as $$
declare
  v_head app_private.audit_chain_heads;
begin
  select * into v_head from app_private.audit_chain_heads h where h.tenant_id = p_tenant_id for update;
  if found then
    return v_head;
  end if;
  insert into app_private.audit_chain_heads (tenant_id, last_hash, anchor_hash)
    values (p_tenant_id, app_private.audit_genesis(p_tenant_id), app_private.audit_genesis(p_tenant_id))
    on conflict (tenant_id) do nothing;
  select * into v_head from app_private.audit_chain_heads h where h.tenant_id = p_tenant_id for update;
  return v_head;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * A sign-in (password, second factor, Google) in one round trip and one
 * transaction: resolve the workspace and its claims (DNIED if not a member),
 * create the refresh family and its first token, and record `auth.login` in
 * the audit log with the methods used. A session never exists without its
 * audit entry, and the route makes one call instead of two.
 */
drop function if exists app_private.start_session(uuid, uuid, bytea, text[], text, interval);
create or replace function app_private.sign_in(
  p_user_id uuid, p_tenant_id uuid, p_token_hash bytea, p_amr text[], p_aal text, p_lifetime interval,
  p_request_id text, p_ip text
) returns table (family_id uuid, tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_claims record;
  v_family_id uuid;
begin
  select * into v_claims from app_private.token_claims(p_user_id, p_tenant_id);
  v_family_id := app_private.create_refresh_family(p_user_id, v_claims.tenant_id, p_token_hash, p_amr, p_aal, p_lifetime);
  perform app_private.record_security_event('auth.login', p_user_id, v_claims.tenant_id,
    pg_catalog.jsonb_build_object('amr', p_amr, 'aal', p_aal), p_request_id, p_ip);
  return query select v_family_id, v_claims.tenant_id, v_claims.role, v_claims.permissions, v_claims.services;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.sign_in(uuid, uuid, bytea, text[], text, interval, text, text) is
  E'Starts a session (refresh family + first token) and records auth.login; returns the claims to sign.';
-- <<< hot-path SQL without per-call planning (issue 3)
