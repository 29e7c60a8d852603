/*
 * Services behind the gateway (issue 20), the rest of it:
 *
 *   - Releasing usage: app_private.meter_release, the inverse of meter_consume for a service's own counter
 *     meters (a media service deleting bytes it counted), idempotent like consume. meter_records remembers
 *     whether a key consumed or released, so one key can never do both.
 *   - Retention of idempotency keys: app_private.services_retention drops meter_records and
 *     service_event_keys older than the retention period (a key is meant for retries of one call, not for ever).
 *   - The blog service's reactions: a counter meter and an event type the example upstream service
 *     (examples/blog-reactions) consumes and publishes, so the example runs against a stock database.
 */
drop function if exists app_private.services_retention(interval);
drop function if exists app_private.meter_release(uuid, text, bigint, text, text);

alter table app_private.meter_records add column if not exists kind text not null default 'consume';
alter table app_private.meter_records drop constraint if exists meter_records_kind_check;
alter table app_private.meter_records add constraint meter_records_kind_check check (kind in ('consume', 'release'));
comment on column app_private.meter_records.kind is E'consume (meter_consume) or release (meter_release): a key applies once, and to one of them.';
create index if not exists meter_records_recorded_at_idx on app_private.meter_records (recorded_at);
create index if not exists service_event_keys_created_at_idx on app_private.service_event_keys (created_at);

create function app_private.meter_release(
  p_tenant_id uuid, p_meter text, p_quantity bigint, p_idempotency_key text, p_service text,
  out allowed boolean, out replayed boolean, out used bigint, out limit_value numeric,
  out period text, out period_start timestamptz, out resets_at timestamptz
) as $$
#variable_conflict use_column
declare
  v_now timestamptz := now();
  v_kind text;
  v_owner text;
  v_start timestamptz;
  v_prior app_private.meter_records;
  v_used bigint;
  v_notified smallint;
begin
  if p_quantity is null or p_quantity < 1 or p_quantity > 1000000000000000 then
    raise exception 'The quantity must be a whole number from 1 to 10^15.' using errcode = 'INVLD';
  end if;
  select m.kind, m.service, m.period, l.limit_value,
         app_private.meter_period_start(m.period, v_now), app_private.meter_resets_at(m.period, v_now)
    into v_kind, v_owner, period, limit_value, v_start, resets_at
    from app_public.meters m
    left join lateral app_private.meter_limit(p_tenant_id, m.service, m.limit_key, m.limit_scale) l on true
   where m.key = p_meter;
  if not found then
    raise exception 'There is no meter "%"; see app_public.meters (meters in GraphQL).', p_meter using errcode = 'NOMTR';
  end if;
  if v_kind <> 'counter' then
    raise exception 'The % meter counts rows the platform keeps; it cannot be released directly.', p_meter using errcode = 'DNIED';
  end if;
  -- Platform meters (storage.bytes follows the files table, api.calls and email.sends are history) are never
  -- given back by a service: only a service's own meters, which it alone consumes.
  if p_service is null or v_owner is distinct from p_service then
    raise exception 'Only the % meter''s own service can release it.', p_meter using errcode = 'DNIED';
  end if;
  if p_idempotency_key is not null and (length(p_idempotency_key) not between 1 and 200) then
    raise exception 'An idempotency key is 1 to 200 characters.' using errcode = 'INVLD';
  end if;
  if not exists (select 1 from app_public.tenants t where t.id = p_tenant_id) then
    raise exception 'There is no such workspace.' using errcode = 'NTFND';
  end if;
  period_start := v_start;

  if p_idempotency_key is not null then
    insert into app_private.meter_records (tenant_id, meter, idempotency_key, quantity, period_start, service, kind)
      values (p_tenant_id, p_meter, p_idempotency_key, p_quantity, v_start, p_service, 'release')
      on conflict do nothing;
    if not found then
      select * into v_prior from app_private.meter_records r
       where r.tenant_id = p_tenant_id and r.meter = p_meter and r.idempotency_key = p_idempotency_key;
      if v_prior.kind <> 'release' or v_prior.quantity <> p_quantity then
        raise exception 'This idempotency key was already used to % %; use a new key for a new release.', v_prior.kind, v_prior.quantity
          using errcode = 'IDKEY';
      end if;
      select c.used into v_used from app_private.meter_counters c
       where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start;
      allowed := true; replayed := true; used := coalesce(v_used, 0);
      return;
    end if;
  end if;

  -- Never below zero: releasing more than this period holds (a consumption from last month) empties it.
  update app_private.meter_counters c set used = greatest(c.used - p_quantity, 0), updated_at = v_now
   where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start
   returning c.used, c.notified_pct into v_used, v_notified;
  if found then
    perform app_private.meter_thresholds(p_tenant_id, p_meter, v_start, resets_at, v_used, limit_value, v_notified);
  end if;
  allowed := true; replayed := false; used := coalesce(v_used, 0);
  return;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.meter_release(uuid, text, bigint, text, text) is
  E'Gives back a quantity on a service''s own counter meter in the current period (never below 0), idempotently; same answer columns as meter_consume.';

create function app_private.services_retention(p_keep interval) returns table (meter_records bigint, event_keys bigint) as $$
  with r as (delete from app_private.meter_records where recorded_at < now() - p_keep returning 1),
       k as (delete from app_private.service_event_keys where created_at < now() - p_keep returning 1)
  select (select count(*) from r), (select count(*) from k);
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.services_retention(interval) is
  E'Deletes idempotency keys of metered calls and published events older than p_keep (daily, task services__retention); a key replayed after that applies again.';

insert into app_public.meters (key, description, unit, period, kind, service, limit_key, limit_scale) values
  ('blog.reactions', 'Reactions to blog posts, per calendar month (counted by the blog service).', 'count', 'month', 'counter', 'blog', 'reactions', 1)
on conflict (key) do update
  set description = excluded.description, unit = excluded.unit, period = excluded.period, kind = excluded.kind,
      service = excluded.service, limit_key = excluded.limit_key, limit_scale = excluded.limit_scale;

insert into app_public.event_types (key, description, schema, published_by) values
  ('blog.post.reacted', 'Someone reacted to a blog post (published by the blog service).',
   '{"type": "object", "required": ["postId", "reaction", "userId"], "properties": {"postId": {"type": "string"}, "reaction": {"type": "string"}, "userId": {"type": "string"}, "count": {"type": "integer"}}}',
   'blog')
on conflict (key) do update set description = excluded.description, schema = excluded.schema, published_by = excluded.published_by;
