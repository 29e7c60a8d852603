--! Previous: sha1:d0d93d1b2fe9def4e2718b8da925de4ea7daee60
--! Hash: sha1:9164dd12b892ef503bf2f0a1f09a68bf26b1dc96
--! Message: realtime subscriptions, billing mutations, webhook delivery speed, webhook outcome indexes

-- >>> realtime subscriptions (issue 8)
/*
 * Realtime: GraphQL subscriptions (server/src/graphql/realtime.ts) LISTEN on
 * Postgres NOTIFY topics that the server derives from the verified access
 * token, never from client input:
 *
 *   notifications:<md5(tenant_id || ':' || user_id)>   a user's in-app notifications in one workspace
 *   events:<tenant_id>                                  the workspace's domain events (needs `events:read`)
 *
 * Channel names are limited to 63 bytes, hence the hash for the (workspace,
 * user) pair; it is a name, not a secret. NOTIFY is transactional, so a
 * rolled-back change is never announced. Payloads carry the row id only: the
 * subscriber re-reads the row as its own role and claims (RLS on
 * notifications, the checks in app_hidden.workspace_event), so even a
 * message on a wrong topic could not leak a row the subscriber may not read.
 */
drop trigger if exists _910_realtime on app_private.events;
drop trigger if exists _910_realtime on app_public.notifications;
drop function if exists app_private.tg_events__realtime() cascade;
drop function if exists app_private.tg_notifications__realtime() cascade;
drop function if exists app_hidden.workspace_event(uuid);
drop function if exists app_hidden.notifications_topic(uuid, uuid);

/* The one definition of the per-user topic; server/src/graphql/realtime.ts computes the same string. */
create function app_hidden.notifications_topic(p_tenant_id uuid, p_user_id uuid) returns text as $$
  select 'notifications:' || md5(p_tenant_id::text || ':' || p_user_id::text);
$$ language sql immutable;
comment on function app_hidden.notifications_topic(uuid, uuid) is
  E'NOTIFY channel for a user''s in-app notifications in one workspace (hashed: channel names are at most 63 bytes).';

create function app_private.tg_notifications__realtime() returns trigger as $$
begin
  perform pg_catalog.pg_notify(app_hidden.notifications_topic(new.tenant_id, new.user_id), new.id::text);
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _910_realtime after insert on app_public.notifications
  for each row execute procedure app_private.tg_notifications__realtime();

/* Events without a workspace (user.created) have no realtime audience. */
create function app_private.tg_events__realtime() returns trigger as $$
begin
  if new.tenant_id is not null then
    perform pg_catalog.pg_notify('events:' || new.tenant_id::text, new.id::text);
  end if;
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _910_realtime after insert on app_private.events
  for each row execute procedure app_private.tg_events__realtime();

/*
 * How a subscriber reads an announced event: app_private.events has no grant,
 * so this definer function returns the row only when it belongs to the
 * caller's active workspace and the caller holds `events:read`; anything else
 * reads as no row.
 */
create function app_hidden.workspace_event(p_event_id uuid)
  returns table (id uuid, type text, payload jsonb, actor_user_id uuid, occurred_at timestamptz) as $$
  select e.id, e.type, e.payload, e.actor_user_id, e.occurred_at
    from app_private.events e
   where e.id = p_event_id
     and e.tenant_id = app_hidden.current_tenant_id()
     and app_hidden.has_permission('events:read');
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
revoke all on function app_hidden.workspace_event(uuid) from public, app_anonymous, app_api_key;
grant execute on function app_hidden.workspace_event(uuid) to app_user;
comment on function app_hidden.workspace_event(uuid) is
  E'One domain event of the active workspace, for the workspaceEvent subscription; no row without `events:read`.';

insert into app_public.permissions (key, description) values
  ('events:read', 'Receive the workspace''s domain events live (GraphQL subscription workspaceEvent).')
on conflict (key) do update set description = excluded.description;
update app_public.role_templates set permissions = array(select distinct unnest(permissions || '{events:read}') order by 1)
 where key in ('owner', 'admin');
-- <<< realtime subscriptions (issue 8)

-- >>> billing: GraphQL checkout mutations (issue 6)
/*
 * startCheckout, buyCoins, changePlan and cancelSubscription call the payment
 * provider from the server, so they are schema extensions, not SQL functions.
 * Each first calls this as the request role (its own transaction settings),
 * so the permission check is the same SQL one purchase_addon makes; it
 * returns who acts for which workspace. Not exposed (app_hidden).
 */
drop function if exists app_hidden.assert_billing_manager();
create function app_hidden.assert_billing_manager(out tenant_id uuid, out user_id uuid) as $$
begin
  tenant_id := app_hidden.current_tenant_id();
  user_id := app_hidden.current_user_id();
  if user_id is null or tenant_id is null then
    raise exception 'Sign in to a workspace to manage its billing.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('billing:manage') then
    raise exception 'You do not have permission to manage billing.' using errcode = 'DNIED';
  end if;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.assert_billing_manager() is
  E'Raises LOGIN without a signed-in user and workspace, DNIED without billing:manage; otherwise returns the workspace and user.';
-- <<< billing: GraphQL checkout mutations (issue 6)

-- >>> webhook delivery speed (issue 7)
/*
 * Webhook delivery, leaner (bench webhookDelivery, issue 7):
 *
 * - The delivery tables are no longer audited row by row. They are written by
 *   the worker only, several times per event, and every audited write took
 *   the workspace's audit chain head lock until commit, so all deliveries of
 *   a workspace queued behind each other (and behind its request writes).
 *   They are an operational log in their own right (webhook_attempts records
 *   every HTTP attempt). The one user action on them, replay, is still
 *   audited: the replay functions append a `webhook.replayed` entry.
 *   test/catalog/audit.test.ts lists these two tables as its only exemptions.
 *
 * - dispatch_event_inline: the fan-out the events__dispatch task calls. Same
 *   transaction as dispatch_event (deliveries, subscriber jobs,
 *   dispatched_at), but for up to p_inline_max endpoints that are not failing
 *   it queues no job and returns what the task needs to make the first
 *   attempt itself, right after this commits. The delivery row exists before
 *   any HTTP attempt; the dispatch job stays locked while it makes them. If
 *   the worker dies before an attempt is recorded, the dispatch job runs
 *   again (graphile-worker's lock expiry) and then queues a webhooks__deliver
 *   job for every delivery of the event that is still pending with no
 *   recorded attempt: at most a duplicate with the same webhook-id, never a
 *   loss. Retries are ordinary webhooks__deliver jobs, one per delivery (the
 *   job key), queued by record_webhook_attempt as before. Endpoints that are
 *   failing (failing_since set) get a job at once, so a known-bad endpoint
 *   never holds up the dispatch of an event.
 *
 * - record_webhook_attempt: a success takes a SHARE lock on the endpoint row
 *   instead of FOR UPDATE, so successful deliveries to one endpoint no longer
 *   queue behind each other; they still wait for (and block) a failure's
 *   update of the failure run, as before.
 */
drop function if exists app_private.dispatch_event_inline(uuid, jsonb, int);
drop trigger if exists _990_audit on app_public.webhook_deliveries;
drop trigger if exists _010_audit_lock on app_public.webhook_deliveries;
drop trigger if exists _990_audit on app_public.webhook_attempts;
drop trigger if exists _010_audit_lock on app_public.webhook_attempts;

create function app_private.dispatch_event_inline(p_event_id uuid, p_subscribers jsonb, p_inline_max int)
returns table (delivery_id uuid, url text, secrets text[], event_type text, payload jsonb, occurred_at timestamptz) as $$
declare
  v_event app_private.events;
  v_name text;
  v_inline uuid[] := '{}';
  v_queued uuid[];
begin
  select * into v_event from app_private.events e where e.id = p_event_id for update;
  if v_event.id is null then
    return;
  end if;
  if v_event.dispatched_at is not null then
    -- A re-run: the first attempts of an earlier run may never have been recorded. Hand them to jobs.
    perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', d.id),
              job_key := 'webhooks__deliver:' || d.id, max_attempts := 5)
       from app_public.webhook_deliveries d
      where d.tenant_id = v_event.tenant_id and d.event_id = v_event.id and d.status = 'pending' and d.attempt_count = 0;
    return;
  end if;
  if v_event.tenant_id is not null then
    with inserted as (
      insert into app_public.webhook_deliveries (tenant_id, endpoint_id, event_id, event_type)
      select e.tenant_id, e.id, v_event.id, v_event.type
        from app_public.webhook_endpoints e
       where e.tenant_id = v_event.tenant_id and e.is_enabled
         and (cardinality(e.event_types) = 0 or v_event.type = any (e.event_types))
      on conflict (tenant_id, endpoint_id, event_id) do nothing
      returning webhook_deliveries.id, webhook_deliveries.endpoint_id
    ), healthy as (
      select i.id,
             e.failing_since is null
               and exists (select 1 from app_private.webhook_secrets s
                            where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now())) as ok
        from inserted i join app_public.webhook_endpoints e on e.id = i.endpoint_id
    ), ranked as (
      select h.id, h.ok and row_number() over (partition by h.ok order by h.id) <= p_inline_max as is_inline from healthy h
    )
    select coalesce(array_agg(r.id) filter (where r.is_inline), '{}'), coalesce(array_agg(r.id) filter (where not r.is_inline), '{}')
      into v_inline, v_queued from ranked r;
    perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', q.id),
              job_key := 'webhooks__deliver:' || q.id, max_attempts := 5)
       from unnest(v_queued) q(id);
  end if;
  for v_name in select jsonb_array_elements_text(coalesce(p_subscribers -> v_event.type, '[]')) loop
    perform app_private.add_job('events__subscriber', json_build_object('eventId', v_event.id, 'subscriber', v_name),
      job_key := 'events__subscriber:' || v_name || ':' || v_event.id, max_attempts := 10);
  end loop;
  update app_private.events set dispatched_at = now() where id = v_event.id;
  return query
    select d.id, e.url,
           array(select s.secret from app_private.webhook_secrets s
                  where s.endpoint_id = e.id and (s.expires_at is null or s.expires_at > now()) order by s.created_at),
           v_event.type, v_event.payload, v_event.occurred_at
      from app_public.webhook_deliveries d join app_public.webhook_endpoints e on e.id = d.endpoint_id
     where d.id = any (v_inline);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.dispatch_event_inline(uuid, jsonb, int) is
  E'Fans an event out like dispatch_event (p_subscribers: {type: [subscriber names]}) and returns up to p_inline_max deliveries for the caller to attempt itself; on a re-run, queues jobs for first attempts never recorded.';

/* As in 000004, except for the endpoint lock a success takes (see the top of this block). */
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
    -- From inside the running job: graphile-worker gives the locked job's key to this new one.
    perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_delivery.id),
      job_key := 'webhooks__deliver:' || v_delivery.id, run_at := now() + make_interval(secs => p_next_delay::float8), max_attempts := 5);
  end if;
  return v_status;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

/*
 * Replays, as in 000004, plus one audit entry each: the delivery tables are
 * not audited row by row any more, and a replay is a user's action.
 */
create or replace function app_public.replay_webhook_delivery(delivery_id uuid) returns app_public.webhook_deliveries as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_delivery app_public.webhook_deliveries;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage webhooks.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('webhooks:manage') then
    raise exception 'You do not have permission to manage webhooks.' using errcode = 'DNIED';
  end if;
  update app_public.webhook_deliveries d set status = 'pending', retry_index = 0, next_attempt_at = now()
   where d.id = replay_webhook_delivery.delivery_id and d.tenant_id = v_tenant
   returning * into v_delivery;
  if v_delivery.id is null then
    raise exception 'No such webhook delivery.' using errcode = 'NTFND';
  end if;
  perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_delivery.id),
    job_key := 'webhooks__deliver:' || v_delivery.id, max_attempts := 5);
  perform app_private.audit_append(v_tenant, 'update', 'webhook.replayed', 'webhook_deliveries', v_delivery.id::text,
    jsonb_build_object('endpoint_id', v_delivery.endpoint_id, 'event_id', v_delivery.event_id),
    app_hidden.current_user_id(), app_hidden.current_api_key_id(),
    nullif(pg_catalog.current_setting('app.request_id', true), ''),
    app_private.audit_client_ip(pg_catalog.current_setting('app.client_ip', true)));
  return v_delivery;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

create or replace function app_public.replay_failed_webhook_deliveries(endpoint_id uuid, since timestamptz) returns int as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_id uuid;
  v_count int := 0;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage webhooks.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('webhooks:manage') then
    raise exception 'You do not have permission to manage webhooks.' using errcode = 'DNIED';
  end if;
  if since is null then
    raise exception 'Say since when failed deliveries should be replayed.' using errcode = 'INVLD';
  end if;
  if not exists (select 1 from app_public.webhook_endpoints e where e.id = replay_failed_webhook_deliveries.endpoint_id and e.tenant_id = v_tenant) then
    raise exception 'No such webhook endpoint.' using errcode = 'NTFND';
  end if;
  for v_id in
    update app_public.webhook_deliveries d set status = 'pending', retry_index = 0, next_attempt_at = now()
     where d.tenant_id = v_tenant and d.endpoint_id = replay_failed_webhook_deliveries.endpoint_id
       and d.status = 'failed' and d.created_at >= since
    returning d.id
  loop
    perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_id),
      job_key := 'webhooks__deliver:' || v_id, max_attempts := 5);
    v_count := v_count + 1;
  end loop;
  perform app_private.audit_append(v_tenant, 'update', 'webhook.replayed', 'webhook_endpoints', replay_failed_webhook_deliveries.endpoint_id::text,
    jsonb_build_object('since', since, 'deliveries', v_count),
    app_hidden.current_user_id(), app_hidden.current_api_key_id(),
    nullif(pg_catalog.current_setting('app.request_id', true), ''),
    app_private.audit_client_ip(pg_catalog.current_setting('app.client_ip', true)));
  return v_count;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
-- <<< webhook delivery speed (issue 7)

-- >>> observability: webhook outcomes (issue 9)
/*
 * /metrics reads webhook outcomes at scrape time: deliveries still pending or
 * given up (partial indexes keep those counts cheap however many succeeded),
 * and attempts of the last five minutes by outcome.
 */
drop index if exists app_public.webhook_deliveries_unfinished_idx;
drop index if exists app_public.webhook_attempts_created_at_idx;
create index webhook_deliveries_unfinished_idx on app_public.webhook_deliveries (status) where status <> 'succeeded';
create index webhook_attempts_created_at_idx on app_public.webhook_attempts (created_at);
-- <<< observability: webhook outcomes (issue 9)
