-- >>> webhook delivery in batches (issue 7)
/*
 * The outbox is drained in batches (bench webhookDelivery, issue 7).
 *
 * Before: one events__dispatch job per event, each fanning its event out in
 * its own transaction and recording each first attempt in another. Per
 * delivery that was a job fetch, two transactions and a job completion.
 *
 * Now:
 * - The insert trigger is per statement and queues one events__dispatch job
 *   per producing connection (job key `events__dispatch:<backend pid>`), so
 *   concurrent producers never wait on each other's job row and a bulk insert
 *   queues one job. The job carries nothing: the outbox is the state. The
 *   task drains every undispatched event (claim_... skip locked, in batches),
 *   so a job that dies or runs out of attempts loses nothing: the next job,
 *   or the once-a-minute crontab run, picks its events up.
 * - app_private.dispatch_events claims a batch and fans it out set-based in
 *   one statement group (deliveries, jobs, dispatched_at). If that fails, it
 *   retries the batch one event at a time, each in its own subtransaction: a
 *   poison event gets dispatch_error and a backoff (dispatch_after) and never
 *   holds up the others.
 * - Every delivery still gets its own webhooks__deliver job with the job key
 *   `webhooks__deliver:<delivery id>`. For the (up to p_inline_max per event)
 *   deliveries to healthy endpoints that the task attempts itself right after
 *   the claim commits, that job is a safety net due after p_safety_seconds:
 *   recording the attempt removes it (success, or failure for good) or moves
 *   it to the next retry time. If the worker dies between the POST and the
 *   record, the safety job makes the attempt again: a duplicate with the same
 *   webhook-id, never a loss.
 * - app_private.record_webhook_attempts records many attempts in one
 *   transaction. It locks the deliveries, then their endpoints in id order
 *   (FOR UPDATE where the batch holds a failure or the endpoint is failing,
 *   FOR SHARE otherwise), the same order as the single-attempt path, so two
 *   recorders cannot deadlock on each other.
 */
drop trigger if exists _900_dispatch on app_private.events;
drop function if exists app_private.tg_events__dispatch() cascade;
drop function if exists app_private.dispatch_events(jsonb, int, int, numeric);
drop function if exists app_private.fan_out_events(uuid[], jsonb, int, numeric);
drop function if exists app_private.record_webhook_attempts(jsonb, interval);
drop function if exists app_private.dispatch_event_inline(uuid, jsonb, int);

alter table app_private.events add column if not exists dispatch_failures int not null default 0;
alter table app_private.events add column if not exists dispatch_error text;
alter table app_private.events add column if not exists dispatch_after timestamptz;
create index if not exists events_undispatched_idx on app_private.events (occurred_at) where dispatched_at is null;
comment on column app_private.events.dispatch_error is E'Why the last fan-out of this event failed (it is retried after dispatch_after).';

create function app_private.tg_events__dispatch() returns trigger as $$
begin
  perform app_private.add_job('events__dispatch', '{}'::json, job_key := 'events__dispatch:' || pg_backend_pid(), max_attempts := 25);
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _900_dispatch after insert on app_private.events
  for each statement execute procedure app_private.tg_events__dispatch();
comment on function app_private.tg_events__dispatch() is
  E'Queues an events__dispatch job (one per producing connection) that drains the outbox.';

/* The set-based fan-out of already claimed events; returns the deliveries the caller attempts itself. */
create function app_private.fan_out_events(p_ids uuid[], p_subscribers jsonb, p_inline_max int, p_safety_seconds numeric)
returns uuid[] as $$
declare
  v_inline uuid[];
  v_queued uuid[];
  v_jobs graphile_worker.job_spec[];
begin
  with inserted as (
    insert into app_public.webhook_deliveries (tenant_id, endpoint_id, event_id, event_type)
    select e.tenant_id, e.id, ev.id, ev.type
      from app_private.events ev
      join app_public.webhook_endpoints e
        on e.tenant_id = ev.tenant_id and e.is_enabled
       and (cardinality(e.event_types) = 0 or ev.type = any (e.event_types))
     where ev.id = any (p_ids)
    on conflict (tenant_id, endpoint_id, event_id) do nothing
    returning webhook_deliveries.id, webhook_deliveries.endpoint_id, webhook_deliveries.event_id
  ), classified as (
    select i.id, i.event_id,
           e.failing_since is null
             and exists (select 1 from app_private.webhook_secrets s
                          where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now())) as ok
      from inserted i join app_public.webhook_endpoints e on e.id = i.endpoint_id
  ), ranked as (
    select c.id, c.ok and row_number() over (partition by c.event_id, c.ok order by c.id) <= p_inline_max as is_inline
      from classified c
  )
  select coalesce(array_agg(r.id) filter (where r.is_inline), '{}'), coalesce(array_agg(r.id) filter (where not r.is_inline), '{}')
    into v_inline, v_queued from ranked r;

  v_jobs := array(
    select row('webhooks__deliver', json_build_object('deliveryId', d.id), null, now() + make_interval(secs => p_safety_seconds::float8),
               5, 'webhooks__deliver:' || d.id, null, null)::graphile_worker.job_spec
      from unnest(v_inline) d(id)
    union all
    select row('webhooks__deliver', json_build_object('deliveryId', d.id), null, null, 5, 'webhooks__deliver:' || d.id, null, null)::graphile_worker.job_spec
      from unnest(v_queued) d(id)
    union all
    select row('events__subscriber', json_build_object('eventId', ev.id, 'subscriber', s.name), null, null, 10,
               'events__subscriber:' || s.name || ':' || ev.id, null, null)::graphile_worker.job_spec
      from app_private.events ev
     cross join lateral jsonb_array_elements_text(coalesce(p_subscribers -> ev.type, '[]')) s(name)
     where ev.id = any (p_ids)
  );
  if cardinality(v_jobs) > 0 then
    perform graphile_worker.add_jobs(v_jobs);
  end if;
  update app_private.events set dispatched_at = now(), dispatch_error = null, dispatch_after = null where id = any (p_ids);
  return v_inline;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.fan_out_events(uuid[], jsonb, int, numeric) is
  E'Fans claimed events out (deliveries, their jobs, subscriber jobs, dispatched_at); returns the deliveries to attempt inline.';

create function app_private.dispatch_events(p_subscribers jsonb, p_limit int, p_inline_max int, p_safety_seconds numeric)
returns jsonb as $$
declare
  v_ids uuid[];
  v_id uuid;
  v_inline uuid[] := '{}';
  v_failed jsonb := '[]';
begin
  select coalesce(array_agg(c.id), '{}') into v_ids from (
    select e.id from app_private.events e
     where e.dispatched_at is null and (e.dispatch_after is null or e.dispatch_after <= now())
     order by e.occurred_at
     limit p_limit
       for update skip locked
  ) c;
  if cardinality(v_ids) = 0 then
    return jsonb_build_object('claimed', 0, 'failed', v_failed, 'deliveries', '[]'::jsonb);
  end if;
  begin
    v_inline := app_private.fan_out_events(v_ids, p_subscribers, p_inline_max, p_safety_seconds);
  exception when others then
    -- One of them is bad: go one by one so the others still go out.
    foreach v_id in array v_ids loop
      begin
        v_inline := v_inline || app_private.fan_out_events(array[v_id], p_subscribers, p_inline_max, p_safety_seconds);
      exception when others then
        update app_private.events
           set dispatch_failures = dispatch_failures + 1, dispatch_error = left(sqlerrm, 500),
               dispatch_after = now() + make_interval(secs => least(3600, 5 * power(2, least(dispatch_failures, 20))))
         where id = v_id;
        v_failed := v_failed || jsonb_build_object('id', v_id, 'error', sqlerrm, 'code', sqlstate);
      end;
    end loop;
  end;
  return jsonb_build_object(
    'claimed', cardinality(v_ids),
    'failed', v_failed,
    'deliveries', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', d.id, 'url', e.url, 'type', ev.type, 'payload', ev.payload, 'occurredAt', ev.occurred_at,
               'secrets', array(select s.secret from app_private.webhook_secrets s
                                 where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now()) order by s.created_at)))
        from app_public.webhook_deliveries d
        join app_public.webhook_endpoints e on e.id = d.endpoint_id
        join app_private.events ev on ev.id = d.event_id
       where d.id = any (v_inline)), '[]'::jsonb));
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.dispatch_events(jsonb, int, int, numeric) is
  E'Claims up to p_limit undispatched events (skip locked) and fans them out; returns {claimed, failed: [{id, error, code}], deliveries: [...to attempt inline]}. p_subscribers: {type: [subscriber names]}.';

/*
 * As in 000005, plus: the delivery's job (key webhooks__deliver:<id>) is
 * removed when the delivery is finished, so the safety job of an inline first
 * attempt does not run after its attempt was recorded.
 */
create or replace function app_private.record_webhook_attempt(
  p_delivery_id uuid, p_status_code int, p_duration_ms int, p_error text, p_response text,
  p_success boolean, p_next_delay numeric, p_disable_after interval
) returns text as $$
declare
  v_delivery app_public.webhook_deliveries;
  v_endpoint app_public.webhook_endpoints;
  v_status text;
begin
  select * into v_delivery from app_public.webhook_deliveries where id = p_delivery_id for update;
  if v_delivery.id is null then return 'gone'; end if;
  insert into app_public.webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, error, response_body, is_success)
    values (v_delivery.tenant_id, v_delivery.id, p_status_code, greatest(p_duration_ms, 0), left(p_error, 500), left(p_response, 2048), p_success);
  if p_success then
    /*
     * SHARE: successes to one endpoint run side by side; a failure's FOR UPDATE
     * still waits for them (and they for it). Ending a failure run takes the
     * row lock straight away (never SHARE then UPDATE: two such would deadlock).
     */
    if exists (select 1 from app_public.webhook_endpoints e where e.id = v_delivery.endpoint_id and e.failing_since is not null) then
      update app_public.webhook_endpoints set failing_since = null where id = v_delivery.endpoint_id;
    else
      perform 1 from app_public.webhook_endpoints where id = v_delivery.endpoint_id for share;
    end if;
    v_status := 'succeeded';
  else
    select * into v_endpoint from app_public.webhook_endpoints where id = v_delivery.endpoint_id for update;
    update app_public.webhook_endpoints set failing_since = coalesce(failing_since, now()) where id = v_endpoint.id
      returning * into v_endpoint;
    if v_endpoint.is_enabled and v_endpoint.failing_since <= now() - p_disable_after then
      update app_public.webhook_endpoints
         set is_enabled = false, disabled_reason = 'Failed continuously since ' || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
       where id = v_endpoint.id;
      perform app_private.publish_event(v_endpoint.tenant_id, 'endpoint.disabled',
        jsonb_build_object('endpointId', v_endpoint.id, 'url', v_endpoint.url, 'failingSince', v_endpoint.failing_since));
      v_endpoint.is_enabled := false;
    end if;
    v_status := case when p_next_delay is null or not v_endpoint.is_enabled then 'failed' else 'pending' end;
  end if;
  update app_public.webhook_deliveries
     set status = v_status, attempt_count = attempt_count + 1, retry_index = retry_index + 1,
         last_status_code = p_status_code, last_error = left(p_error, 500),
         delivered_at = case when p_success then now() else delivered_at end,
         next_attempt_at = case when v_status = 'pending' then now() + make_interval(secs => p_next_delay::float8) end
   where id = v_delivery.id;
  if v_status = 'pending' then
    -- Moves a waiting job (the safety job of an inline attempt) to the retry time; from inside a running
    -- webhooks__deliver job, graphile-worker gives the locked job's key to this new one.
    perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_delivery.id),
      job_key := 'webhooks__deliver:' || v_delivery.id, run_at := now() + make_interval(secs => p_next_delay::float8), max_attempts := 5);
  else
    perform graphile_worker.remove_job('webhooks__deliver:' || v_delivery.id);
  end if;
  return v_status;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

/* Many attempts, one transaction: deliveries locked first, then endpoints in id order (see the top of this block). */
create function app_private.record_webhook_attempts(p_attempts jsonb, p_disable_after interval)
returns table (delivery_id uuid, status text) as $$
declare
  v_endpoint record;
  v_attempt record;
begin
  perform 1 from app_public.webhook_deliveries d
   where d.id in (select (a->>'id')::uuid from jsonb_array_elements(p_attempts) a)
   order by d.id for update;
  for v_endpoint in
    select d.endpoint_id, bool_or(not (a->>'ok')::boolean) as any_failure
      from jsonb_array_elements(p_attempts) a
      join app_public.webhook_deliveries d on d.id = (a->>'id')::uuid
     group by d.endpoint_id order by d.endpoint_id
  loop
    if v_endpoint.any_failure
       or exists (select 1 from app_public.webhook_endpoints e where e.id = v_endpoint.endpoint_id and e.failing_since is not null) then
      perform 1 from app_public.webhook_endpoints e where e.id = v_endpoint.endpoint_id for update;
    else
      perform 1 from app_public.webhook_endpoints e where e.id = v_endpoint.endpoint_id for share;
    end if;
  end loop;
  for v_attempt in
    select (a->>'id')::uuid as id, (a->>'statusCode')::int as status_code, (a->>'durationMs')::int as duration_ms,
           a->>'error' as error, a->>'body' as body, (a->>'ok')::boolean as ok, (a->>'nextDelay')::numeric as next_delay
      from jsonb_array_elements(p_attempts) a order by 1
  loop
    delivery_id := v_attempt.id;
    status := app_private.record_webhook_attempt(v_attempt.id, v_attempt.status_code, v_attempt.duration_ms, v_attempt.error,
      v_attempt.body, v_attempt.ok, v_attempt.next_delay, p_disable_after);
    return next;
  end loop;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.record_webhook_attempts(jsonb, interval) is
  E'Records attempts [{id, statusCode, durationMs, error, body, ok, nextDelay}] in one transaction (locks in a fixed order); returns each delivery''s new status.';
-- <<< webhook delivery in batches (issue 7)

