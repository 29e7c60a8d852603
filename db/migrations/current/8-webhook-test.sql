/*
 * "Send a test event" to one webhook endpoint (the console's webhooks page; issue 18).
 *
 * app_public.send_test_webhook(endpoint_id) records a `webhook.test` event already marked dispatched, so
 * the outbox never fans it out to the workspace's other endpoints or to subscribers, and creates the one
 * delivery for the chosen endpoint, whatever its event-type filter: the test goes where it was asked to,
 * signed, retried and recorded like any delivery (the deliveries list then shows its status and response).
 */
drop function if exists app_public.send_test_webhook(uuid);

insert into app_public.event_types (key, description, schema) values
  ('webhook.test', 'A test event sent to one endpoint from the console (sendTestWebhook); never fanned out.',
   '{"type": "object", "required": ["endpointId", "message"], "properties": {"endpointId": {"type": "string"}, "message": {"type": "string"}, "sentBy": {"type": "string"}}}')
on conflict (key) do update set description = excluded.description, schema = excluded.schema;

create function app_public.send_test_webhook(endpoint_id uuid) returns app_public.webhook_deliveries as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_user uuid := app_hidden.current_user_id();
  v_endpoint app_public.webhook_endpoints;
  v_event uuid;
  v_delivery app_public.webhook_deliveries;
begin
  if v_user is null or v_tenant is null then
    raise exception 'Sign in to manage webhooks.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('webhooks:manage') then
    raise exception 'You do not have permission to manage webhooks.' using errcode = 'DNIED';
  end if;
  select * into v_endpoint from app_public.webhook_endpoints e where e.id = send_test_webhook.endpoint_id and e.tenant_id = v_tenant;
  if v_endpoint.id is null then
    raise exception 'No such webhook endpoint.' using errcode = 'NTFND';
  end if;
  if not v_endpoint.is_enabled then
    raise exception 'This endpoint is disabled; enable it to send it a test event.' using errcode = 'INVLD';
  end if;
  insert into app_private.events (tenant_id, type, payload, actor_user_id, dispatched_at)
    values (v_tenant, 'webhook.test',
            jsonb_build_object('endpointId', v_endpoint.id, 'sentBy', v_user,
                               'message', 'This is a test event from LogicSpike. Your endpoint received and verified it.'),
            v_user, now())
    returning id into v_event;
  insert into app_public.webhook_deliveries (tenant_id, endpoint_id, event_id, event_type)
    values (v_tenant, v_endpoint.id, v_event, 'webhook.test')
    returning * into v_delivery;
  perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_delivery.id),
    job_key := 'webhooks__deliver:' || v_delivery.id, max_attempts := 5);
  perform app_private.audit_append(v_tenant, 'insert', 'webhook.test_sent', 'webhook_deliveries', v_delivery.id::text,
    jsonb_build_object('endpoint_id', v_endpoint.id, 'event_id', v_event),
    v_user, app_hidden.current_api_key_id(),
    nullif(pg_catalog.current_setting('app.request_id', true), ''),
    app_private.audit_client_ip(pg_catalog.current_setting('app.client_ip', true)));
  return v_delivery;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.send_test_webhook(uuid) is
  E'Sends a `webhook.test` event to this endpoint only (whatever its event types), as a normal signed delivery; returns the delivery. Needs `webhooks:manage`.';
