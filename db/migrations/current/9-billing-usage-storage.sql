/*
 * billingUsage lists stored bytes too (issue 19: "usage shows in billingUsage"): the storage.bytes meter,
 * which the files table keeps (reserved when a row is created, freed when it goes), against the plan's
 * storage_mb in bytes. The other rows are unchanged.
 */
create or replace function app_public.billing_usage() returns table (service text, resource text, used bigint, "limit" numeric) as $$
begin
  if not app_hidden.has_permission('billing:read') then
    raise exception 'You do not have permission to see billing.' using errcode = 'DNIED';
  end if;
  return query
    select 'blog'::text, 'posts'::text, (select count(*) from app_public.posts p where p.tenant_id = app_hidden.current_tenant_id()),
           (select (ts.limits ->> 'posts')::numeric from app_public.tenant_services ts
             where ts.tenant_id = app_hidden.current_tenant_id() and ts.service = 'blog')
    union all
    select 'workspace', 'seats', (select count(*) from app_public.memberships m where m.tenant_id = app_hidden.current_tenant_id()),
           (select (ba.limits ->> 'seats')::numeric from app_public.billing_accounts ba where ba.tenant_id = app_hidden.current_tenant_id())
    union all
    select 'workspace', 'api_keys', (select count(*) from app_public.api_keys k where k.tenant_id = app_hidden.current_tenant_id() and k.revoked_at is null),
           (select (ba.limits ->> 'api_keys')::numeric from app_public.billing_accounts ba where ba.tenant_id = app_hidden.current_tenant_id())
    union all
    select 'storage', 'bytes',
           coalesce((select c.used from app_private.meter_counters c
                      where c.tenant_id = app_hidden.current_tenant_id() and c.meter = 'storage.bytes' and c.period_start = 'epoch'), 0),
           (select l.limit_value from app_private.meter_limit(app_hidden.current_tenant_id(), null, 'storage_mb', 1048576) l);
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.billing_usage() is
  E'Usage against the plan''s limits per limited resource (limit null = unlimited): blog posts, seats, API keys, stored bytes. Needs `billing:read`.';
