/*
 * Trace context through the outbox. When tracing is on (docs/tracing.md), the server puts the request's W3C
 * `traceparent` into the transaction settings as `app.traceparent` (core/tenancy.ts, beside app.request_id);
 * publish_event keeps it with the event, and the worker's events__dispatch and webhooks__deliver spans link to
 * it, so a webhook delivery can be found from the mutation that caused it and the other way round. Without a
 * traceparent (tracing off, the worker, SQL consoles, cron) the column stays null. It is observability data,
 * never authorization: nothing reads it in SQL, and the worker only parses it as a trace link. A malformed value
 * is stored as null rather than refused, so tracing can never fail a write.
 * Re-running: `add column if not exists`, `create or replace`; publish_event is otherwise as in db/schema.sql.
 */
alter table app_private.events add column if not exists traceparent text;
comment on column app_private.events.traceparent is
  E'W3C traceparent of the request that published the event (the transaction setting app.traceparent), when tracing was on; the worker links its dispatch and delivery spans to it.';

create or replace function app_private.publish_event(p_tenant_id uuid, p_type text, p_payload jsonb) returns uuid as $$
declare
  v_id uuid;
  v_traceparent text := nullif(pg_catalog.current_setting('app.traceparent', true), '');
begin
  if v_traceparent !~ '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' then
    v_traceparent := null;
  end if;
  insert into app_private.events (tenant_id, type, payload, actor_user_id, traceparent)
    values (p_tenant_id, p_type, coalesce(p_payload, '{}'), app_hidden.current_user_id(), v_traceparent)
    returning id into v_id;
  return v_id;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.publish_event(p_tenant_id uuid, p_type text, p_payload jsonb) is
  E'Records a domain event in the outbox, in the caller''s transaction.';
