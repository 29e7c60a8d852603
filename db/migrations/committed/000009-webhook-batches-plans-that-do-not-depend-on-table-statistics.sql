--! Previous: sha1:cf92e90392df0c6409cdf0778a8e923180c19c8a
--! Hash: sha1:cb4c93ce0206b6eefe2f52623409806e814b22e7
--! Message: Webhook batches: plans that do not depend on table statistics

-- >>> webhook batches: plans that do not depend on table statistics
/*
 * Measured (bench/, issue 7; pg_stat_statements and perf on the worker's
 * backend): a batch of 100 first attempts cost Postgres ~230 µs per delivery
 * in the bench, more than the whole raw HTTP POST it is compared with, and up
 * to 2 ms per delivery once the deliveries table held a few thousand rows.
 * Not the two inserts a delivery needs, but how the batch found its rows:
 * - the attempt rows were inserted by joining the outcomes back to
 *   webhook_deliveries on status and attempt_count. plpgsql caches a generic
 *   plan after five calls; planned while the table was small, that plan scans
 *   the whole table, and a worker connection keeps it until the table is next
 *   analyzed. The attempts are now written from the RETURNING rows of the
 *   deliveries insert (the deliveries this batch created, which is what the
 *   join's conditions stood for): no plan of it can scan the table;
 * - "not attempted now" was an anti-join of each (event, endpoint) pair with
 *   the outcomes; planned for a handful of rows it rescanned all the outcomes
 *   per pair (quadratic in the batch). It is now a test against the array of
 *   attempted delivery ids;
 * - the outcomes were parsed from JSON five times; one pass now tells which
 *   statements have work (a batch that all succeeded takes no endpoint locks
 *   and skips the failure loop);
 * - claim_events is one statement that reads the claimed rows while it locks
 *   them (before: lock, then look the events up again by id), and reads each
 *   endpoint's secrets once per endpoint instead of once per (event, endpoint).
 * Tried and left out: `set plan_cache_mode = force_custom_plan` on these
 * functions. It also applies to the foreign-key checks their inserts fire,
 * which then re-plan at every row (a third of the backend's time, in perf).
 */
create or replace function app_private.claim_events(p_limit int, p_inline_max int) returns jsonb as $$
begin
  -- One statement: the claimed rows are read while they are locked, never looked up again by id.
  return (with claimed as materialized (
    select e.id, e.tenant_id, e.type, e.payload, e.occurred_at
      from app_private.events e
     where e.dispatched_at is null and (e.dispatch_after is null or e.dispatch_after <= now())
     order by e.occurred_at
     limit p_limit
       for update skip locked
  ), endpoints as materialized (
    -- Healthy endpoints of the claimed events' workspaces, each with its live secrets, read once.
    select e.id, e.tenant_id, e.url, e.event_types,
           array(select s.secret from app_private.webhook_secrets s
                  where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now()) order by s.created_at) as secrets
      from app_public.webhook_endpoints e
     where e.is_enabled and e.failing_since is null
       and e.tenant_id in (select c.tenant_id from claimed c)
  ), pairs as (
    select ev.id as event_id, e.id as endpoint_id, e.url, e.secrets, ev.type, ev.payload, ev.occurred_at,
           row_number() over (partition by ev.id order by e.id) as rank
      from claimed ev
      join endpoints e
        on e.tenant_id = ev.tenant_id and cardinality(e.secrets) > 0
       and (cardinality(e.event_types) = 0 or ev.type = any (e.event_types))
  )
  select jsonb_build_object(
    'events', coalesce((select jsonb_agg(c.id) from claimed c), '[]'::jsonb),
    'deliveries', coalesce((
      select jsonb_agg(jsonb_build_object('id', app_private.delivery_id(p.event_id, p.endpoint_id), 'eventId', p.event_id,
                                          'endpointId', p.endpoint_id, 'url', p.url, 'secrets', p.secrets,
                                          'type', p.type, 'payload', p.payload, 'occurredAt', p.occurred_at))
        from pairs p
       where p.rank <= p_inline_max), '[]'::jsonb)));
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

create or replace function app_private.complete_events(p_ids uuid[], p_subscribers jsonb, p_outcomes jsonb, p_disable_after interval) returns void as $$
declare
  v_any_failed boolean;
  v_attempted uuid[];
  v_ok_endpoints uuid[];
  v_queued uuid[];
  v_failure record;
begin
  select coalesce(bool_or(not o.ok), false), coalesce(array_agg(o.id), '{}'), array_agg(distinct o.endpoint_id) filter (where o.ok)
    into v_any_failed, v_attempted, v_ok_endpoints
    from app_private.dispatch_outcomes(p_outcomes, p_ids) o;

  -- Endpoints whose failure run changes, locked up front in id order, so two batches never deadlock on them.
  if v_any_failed or exists (select 1 from app_public.webhook_endpoints f where f.id = any (v_ok_endpoints) and f.failing_since is not null) then
    perform 1 from app_public.webhook_endpoints e
     where e.id in (select o.endpoint_id from app_private.dispatch_outcomes(p_outcomes, p_ids) o where not o.ok)
        or (e.id = any (v_ok_endpoints) and e.failing_since is not null)
     order by e.id for update;
  end if;

  -- Attempted now: written once, in their final state when they succeeded, with the attempt of those this batch created.
  with created as (
    insert into app_public.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, status, attempt_count, retry_index,
                                               last_status_code, delivered_at, next_attempt_at)
    select o.id, ev.tenant_id, o.endpoint_id, ev.id, ev.type,
           case when o.ok then 'succeeded' else 'pending' end,
           case when o.ok then 1 else 0 end, case when o.ok then 1 else 0 end,
           case when o.ok then o.status_code end, case when o.ok then now() end, case when o.ok then null else now() end
      from app_private.dispatch_outcomes(p_outcomes, p_ids) o join app_private.events ev on ev.id = o.event_id
    on conflict (tenant_id, endpoint_id, event_id) do nothing
    returning webhook_deliveries.id, webhook_deliveries.tenant_id, webhook_deliveries.status
  )
  insert into app_public.webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, error, response_body, is_success)
  select c.tenant_id, c.id, o.status_code, o.duration_ms, o.error, o.body, true
    from created c join app_private.dispatch_outcomes(p_outcomes, p_ids) o on o.id = c.id
   where c.status = 'succeeded';
  if v_ok_endpoints is not null then
    update app_public.webhook_endpoints e set failing_since = null where e.id = any (v_ok_endpoints) and e.failing_since is not null;
  end if;
  -- Failed now: the usual bookkeeping (failure run, disabling, the retry job).
  if v_any_failed then
    for v_failure in select * from app_private.dispatch_outcomes(p_outcomes, p_ids) o where not o.ok order by o.endpoint_id, o.id loop
      perform app_private.record_webhook_attempt(v_failure.id, v_failure.status_code, v_failure.duration_ms, v_failure.error,
        v_failure.body, false, v_failure.next_delay, p_disable_after);
    end loop;
  end if;

  -- Not attempted now (failing endpoints, past the per-event limit, or no live secret): a job each.
  with queued as (
    insert into app_public.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type)
    select app_private.delivery_id(ev.id, e.id), e.tenant_id, e.id, ev.id, ev.type
      from app_private.events ev
      join app_public.webhook_endpoints e
        on e.tenant_id = ev.tenant_id and e.is_enabled
       and (cardinality(e.event_types) = 0 or ev.type = any (e.event_types))
     where ev.id = any (p_ids)
       -- (an array, not an anti-join with the outcomes: planned for a handful of rows, that join rescans them per pair)
       and app_private.delivery_id(ev.id, e.id) <> all (v_attempted)
    on conflict (tenant_id, endpoint_id, event_id) do nothing
    returning webhook_deliveries.id
  )
  select coalesce(array_agg(q.id), '{}') into v_queued from queued q;
  -- graphile_worker's types are named only inside statements: its schema may not exist yet when this is created.
  perform graphile_worker.add_jobs(j.specs)
     from (select array(
             select row('webhooks__deliver', json_build_object('deliveryId', d.id), null, null, 5, 'webhooks__deliver:' || d.id, null, null)::graphile_worker.job_spec
               from unnest(v_queued) d(id)
             union all
             select row('events__subscriber', json_build_object('eventId', ev.id, 'subscriber', sub.name), null, null, 10,
                        'events__subscriber:' || sub.name || ':' || ev.id, null, null)::graphile_worker.job_spec
               from app_private.events ev
              cross join lateral jsonb_array_elements_text(coalesce(p_subscribers -> ev.type, '[]')) sub(name)
              where ev.id = any (p_ids)) as specs) j
    where cardinality(j.specs) > 0;
  update app_private.events set dispatched_at = now(), dispatch_error = null, dispatch_after = null where id = any (p_ids);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
-- <<< webhook batches: plans that do not depend on table statistics
