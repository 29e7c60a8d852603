--! Previous: sha1:9164dd12b892ef503bf2f0a1f09a68bf26b1dc96
--! Hash: sha1:776cafa9849c1c9a7451c63e43435512e33fefb2
--! Message: Webhook delivery in batches

-- >>> webhook delivery in batches (issue 7)
/*
 * The outbox is drained in batches (bench webhookDelivery, issue 7).
 *
 * Before: one events__dispatch job per event; each fanned its event out in one
 * transaction (delivery rows inserted as pending) and recorded each first
 * attempt in another (an update of that row touching all its indexes, an
 * attempt row, locks). Per delivery: a job fetch, two transactions, a job
 * completion and a non-HOT update.
 *
 * Now:
 * - The insert trigger is per statement and queues one events__dispatch job
 *   per producing connection (job key `events__dispatch:<backend pid>`), so
 *   concurrent producers never wait on each other's job row and a bulk insert
 *   queues one job. The job carries nothing: the outbox is the state. The task
 *   drains every undispatched event in batches, so a job that dies or runs out
 *   of attempts loses nothing: the next job, or the crontab's once a minute,
 *   picks its events up.
 * - A batch is one transaction: claim_events locks up to N undispatched events
 *   (skip locked, so drainers side by side share the work) and returns the
 *   deliveries to attempt at once (healthy endpoints, up to p_inline_max per
 *   event). The task POSTs them, then complete_dispatch writes each delivery
 *   once, in its final state with its attempt, queues jobs (retries, endpoints
 *   that are failing, subscribers) and sets dispatched_at; then commit.
 *   A crash before the commit leaves the events undispatched: they are claimed
 *   again and POSTed again with the same webhook-id, because a delivery's id is
 *   derived from (event, endpoint) (app_private.delivery_id): a duplicate,
 *   never a loss, and nothing is recorded that did not happen.
 * - If the set-based completion fails, it is retried one event at a time, each
 *   in its own subtransaction: a poison event gets dispatch_error and a backoff
 *   (dispatch_after) and never holds up the events claimed with it.
 * - Retries, replays and deliveries to failing endpoints stay
 *   webhooks__deliver jobs, one per (event, endpoint) with the job key
 *   `webhooks__deliver:<delivery id>`, recorded by record_webhook_attempt.
 */
drop trigger if exists _900_dispatch on app_private.events;
drop function if exists app_private.tg_events__dispatch() cascade;
drop function if exists app_private.complete_dispatch(uuid[], jsonb, jsonb, interval);
drop function if exists app_private.complete_events(uuid[], jsonb, jsonb, interval);
drop function if exists app_private.claim_events(int, int);
drop function if exists app_private.delivery_id(uuid, uuid);
drop function if exists app_private.dispatch_outcomes(jsonb, uuid[]);
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

/* The id of the delivery of an event to an endpoint: the same however often the event is claimed (a crash, a retry). */
create function app_private.delivery_id(p_event_id uuid, p_endpoint_id uuid) returns uuid as $$
  select md5(p_event_id::text || ':' || p_endpoint_id::text)::uuid;
$$ language sql immutable parallel safe set search_path to pg_catalog, public, pg_temp;

create function app_private.claim_events(p_limit int, p_inline_max int) returns jsonb as $$
declare
  v_ids uuid[];
begin
  select coalesce(array_agg(c.id), '{}') into v_ids from (
    select e.id from app_private.events e
     where e.dispatched_at is null and (e.dispatch_after is null or e.dispatch_after <= now())
     order by e.occurred_at
     limit p_limit
       for update skip locked
  ) c;
  return jsonb_build_object('events', to_jsonb(v_ids), 'deliveries', coalesce((
    select jsonb_agg(jsonb_build_object('id', t.id, 'eventId', t.event_id, 'endpointId', t.endpoint_id, 'url', t.url, 'secrets', t.secrets,
                                        'type', t.type, 'payload', t.payload, 'occurredAt', t.occurred_at))
      from (
        select app_private.delivery_id(ev.id, e.id) as id, ev.id as event_id, e.id as endpoint_id, e.url, ev.type, ev.payload, ev.occurred_at,
               array(select s.secret from app_private.webhook_secrets s
                      where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now()) order by s.created_at) as secrets,
               row_number() over (partition by ev.id order by e.id) as rank
          from app_private.events ev
          join app_public.webhook_endpoints e
            on e.tenant_id = ev.tenant_id and e.is_enabled and e.failing_since is null
           and (cardinality(e.event_types) = 0 or ev.type = any (e.event_types))
         where ev.id = any (v_ids)
      ) t
     where t.rank <= p_inline_max and cardinality(t.secrets) > 0), '[]'::jsonb));
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.claim_events(int, int) is
  E'Locks up to p_limit undispatched events for this transaction; returns {events: [ids], deliveries: [first attempts to make now]}. Finish with complete_dispatch in the same transaction.';

/* The outcomes argument of complete_dispatch, as rows, for the events in p_ids. */
create function app_private.dispatch_outcomes(p_outcomes jsonb, p_ids uuid[])
returns table (id uuid, event_id uuid, endpoint_id uuid, status_code int, duration_ms int, error text, body text, ok boolean, next_delay numeric) as $$
  select o.id, o."eventId", o."endpointId", o."statusCode", greatest(o."durationMs", 0), left(o.error, 500), left(o.body, 2048), o.ok, o."nextDelay"
    from jsonb_to_recordset(p_outcomes) as o(id uuid, "eventId" uuid, "endpointId" uuid, "statusCode" int, "durationMs" int,
                                             error text, body text, ok boolean, "nextDelay" numeric)
   where o."eventId" = any (p_ids);
$$ language sql immutable set search_path to pg_catalog, public, pg_temp;

/* The set-based completion of claimed events (see complete_dispatch). */
create function app_private.complete_events(p_ids uuid[], p_subscribers jsonb, p_outcomes jsonb, p_disable_after interval) returns void as $$
declare
  v_queued uuid[];
  v_failure record;
begin
  -- Endpoints whose failure run changes, locked up front in id order, so two batches never deadlock on them.
  perform 1 from app_public.webhook_endpoints e
   where e.id in (select o.endpoint_id from app_private.dispatch_outcomes(p_outcomes, p_ids) o
                   where not o.ok or exists (select 1 from app_public.webhook_endpoints f where f.id = o.endpoint_id and f.failing_since is not null))
   order by e.id for update;

  -- Attempted now: written once, in their final state when they succeeded.
  insert into app_public.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, status, attempt_count, retry_index,
                                             last_status_code, delivered_at, next_attempt_at)
  select o.id, ev.tenant_id, o.endpoint_id, ev.id, ev.type,
         case when o.ok then 'succeeded' else 'pending' end,
         case when o.ok then 1 else 0 end, case when o.ok then 1 else 0 end,
         case when o.ok then o.status_code end, case when o.ok then now() end, case when o.ok then null else now() end
    from app_private.dispatch_outcomes(p_outcomes, p_ids) o join app_private.events ev on ev.id = o.event_id
  on conflict (tenant_id, endpoint_id, event_id) do nothing;
  insert into app_public.webhook_attempts (tenant_id, delivery_id, status_code, duration_ms, error, response_body, is_success)
  select d.tenant_id, d.id, o.status_code, o.duration_ms, o.error, o.body, true
    from app_private.dispatch_outcomes(p_outcomes, p_ids) o join app_public.webhook_deliveries d on d.id = o.id
   where o.ok and d.status = 'succeeded' and d.attempt_count = 1;
  update app_public.webhook_endpoints e set failing_since = null
   where e.id in (select o.endpoint_id from app_private.dispatch_outcomes(p_outcomes, p_ids) o where o.ok) and e.failing_since is not null;
  -- Failed now: the usual bookkeeping (failure run, disabling, the retry job).
  for v_failure in select * from app_private.dispatch_outcomes(p_outcomes, p_ids) o where not o.ok order by o.endpoint_id, o.id loop
    perform app_private.record_webhook_attempt(v_failure.id, v_failure.status_code, v_failure.duration_ms, v_failure.error,
      v_failure.body, false, v_failure.next_delay, p_disable_after);
  end loop;

  -- Not attempted now (failing endpoints, past the per-event limit, or no live secret): a job each.
  with queued as (
    insert into app_public.webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type)
    select app_private.delivery_id(ev.id, e.id), e.tenant_id, e.id, ev.id, ev.type
      from app_private.events ev
      join app_public.webhook_endpoints e
        on e.tenant_id = ev.tenant_id and e.is_enabled
       and (cardinality(e.event_types) = 0 or ev.type = any (e.event_types))
     where ev.id = any (p_ids)
       and not exists (select 1 from app_private.dispatch_outcomes(p_outcomes, p_ids) o where o.event_id = ev.id and o.endpoint_id = e.id)
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
comment on function app_private.complete_events(uuid[], jsonb, jsonb, interval) is
  E'Writes the deliveries of claimed events (attempted ones with their outcome), their jobs and the subscriber jobs, and marks the events dispatched.';

create function app_private.complete_dispatch(p_ids uuid[], p_subscribers jsonb, p_outcomes jsonb, p_disable_after interval) returns jsonb as $$
declare
  v_id uuid;
  v_failed jsonb := '[]';
begin
  begin
    perform app_private.complete_events(p_ids, p_subscribers, p_outcomes, p_disable_after);
  exception when others then
    -- One of them is bad: go one by one so the others still complete.
    foreach v_id in array p_ids loop
      begin
        perform app_private.complete_events(array[v_id], p_subscribers, p_outcomes, p_disable_after);
      exception when others then
        update app_private.events
           set dispatch_failures = dispatch_failures + 1, dispatch_error = left(sqlerrm, 500),
               dispatch_after = now() + make_interval(secs => least(3600, 5 * power(2, least(dispatch_failures, 20))))
         where id = v_id;
        v_failed := v_failed || jsonb_build_object('id', v_id, 'error', sqlerrm, 'code', sqlstate);
      end;
    end loop;
  end;
  return jsonb_build_object('failed', v_failed);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.complete_dispatch(uuid[], jsonb, jsonb, interval) is
  E'Completes events claimed by claim_events in this transaction, given the outcomes of the first attempts [{id, eventId, endpointId, statusCode, durationMs, error, body, ok, nextDelay}]; an event that cannot be completed is set aside with a backoff. Returns {failed: [{id, error, code}]}. p_subscribers: {type: [subscriber names]}.';
-- <<< webhook delivery in batches (issue 7)
