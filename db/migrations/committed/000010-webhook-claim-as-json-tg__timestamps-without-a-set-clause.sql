--! Previous: sha1:cb4c93ce0206b6eefe2f52623409806e814b22e7
--! Hash: sha1:a03835ec35a79d5054c6817dc1833494b2d3dddf
--! Message: Webhook claim as json; tg__timestamps without a SET clause

-- >>> webhook claim as json; tg__timestamps without a SET clause
/*
 * Two per-row costs of the webhook drain (bench/, issue 7), each measured on its own:
 * - claim_events built its answer as jsonb, which Postgres then turned into
 *   text for the client: the binary form was work nobody read. As json the
 *   objects are written as text once: 27 -> 17 µs of backend time per delivery
 *   (pg_stat_statements, one worker connection, batches of 100). The answer
 *   parses the same in the worker (json and jsonb both arrive as JSON text).
 * - tg__timestamps runs before every insert and update of most tables. Its SET
 *   search_path made each call save and restore the setting: 3.05 -> 1.65 µs per
 *   row without it (100,000-row insert, same trigger body). It is not SECURITY
 *   DEFINER and names only built-ins (now(), timestamptz + interval), which
 *   resolve in pg_catalog whatever the caller's search_path.
 */
drop function if exists app_private.claim_events(int, int);
create or replace function app_private.claim_events(p_limit int, p_inline_max int) returns json as $$
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
  select json_build_object(
    'events', coalesce((select json_agg(c.id) from claimed c), '[]'::json),
    'deliveries', coalesce((
      select json_agg(json_build_object('id', app_private.delivery_id(p.event_id, p.endpoint_id), 'eventId', p.event_id,
                                          'endpointId', p.endpoint_id, 'url', p.url, 'secrets', p.secrets,
                                          'type', p.type, 'payload', p.payload, 'occurredAt', p.occurred_at))
        from pairs p
       where p.rank <= p_inline_max), '[]'::json)));
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
;

comment on function app_private.claim_events(int, int) is
  E'Locks up to p_limit undispatched events for this transaction; returns {events: [ids], deliveries: [first attempts to make now]}. Finish with complete_dispatch in the same transaction.';

alter function app_private.tg__timestamps() reset all;
-- <<< webhook claim as json; tg__timestamps without a SET clause
