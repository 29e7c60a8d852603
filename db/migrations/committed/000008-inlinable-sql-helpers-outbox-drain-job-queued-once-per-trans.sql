--! Previous: sha1:1a199a9502ed7a6779913e843ac9c0e5ac3b5add
--! Hash: sha1:cf92e90392df0c6409cdf0778a8e923180c19c8a
--! Message: Inlinable SQL helpers; outbox drain job queued once per transaction

-- >>> SQL helpers the planner can inline; publish_event planned once per connection
/*
 * The rule of migration 000007 (db/POLICIES.md, "Hot-path functions and
 * planning"), applied to the remaining helpers, and kept by a catalog test:
 * a `language sql` function that is neither SECURITY DEFINER nor volatile has
 * no SET clause, so the planner can inline it. Their bodies name app objects
 * schema-qualified and use only pg_catalog functions and operators.
 * - delivery_id is evaluated per delivery and dispatch_outcomes five times per
 *   webhook batch (each call was a separate plan and executor run);
 * - verify_api_key runs per API-key request that misses the server's cache;
 * - publish_event runs per event (per row of a bulk change): plpgsql, so its
 *   insert is planned once per connection instead of at every call.
 */
alter function app_private.delivery_id(uuid, uuid) reset all;
-- jsonb_to_recordset is stable: a function declared immutable around it is never inlined.
alter function app_private.dispatch_outcomes(jsonb, uuid[]) stable;
alter function app_private.dispatch_outcomes(jsonb, uuid[]) reset all;
alter function app_private.verify_api_key(bytea, interval) reset all;
alter function app_private.email_token_owner(bytea, text) reset all;
alter function app_private.verified_custom_domain_tenant(text) reset all;
alter function app_private.is_private_address(inet) reset all;
alter function app_private.merge_limits(jsonb, jsonb) reset all;

create or replace function app_private.publish_event(p_tenant_id uuid, p_type text, p_payload jsonb) returns uuid as $$
declare
  v_id uuid;
begin
  insert into app_private.events (tenant_id, type, payload, actor_user_id)
    values (p_tenant_id, p_type, coalesce(p_payload, '{}'), app_hidden.current_user_id())
    returning id into v_id;
  return v_id;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
/*
 * The outbox trigger queued its drain job at every insert statement. A trigger
 * that calls publish_event() per row makes one statement per event, and each
 * add_job() with the same job key updated the same job row again: in one
 * transaction of 2000 events that was 1.5 s, most of it walking that row's
 * growing chain of versions. The job only becomes visible at commit and then
 * drains every event committed by then, so one per transaction is enough: a
 * transaction-local setting remembers it (undone with a rolled-back savepoint,
 * together with the job it queued).
 */
create or replace function app_private.tg_events__dispatch() returns trigger as $$
begin
  if pg_catalog.current_setting('logicspike.events_dispatch_queued', true) is distinct from 'yes' then
    perform app_private.add_job('events__dispatch', '{}'::json, job_key := 'events__dispatch:' || pg_backend_pid(), max_attempts := 25);
    perform pg_catalog.set_config('logicspike.events_dispatch_queued', 'yes', true);
  end if;
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
-- <<< SQL helpers the planner can inline; publish_event planned once per connection
