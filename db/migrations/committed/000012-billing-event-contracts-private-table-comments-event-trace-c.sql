--! Previous: sha1:057f50f553e2c781127902b0332d8d3fc4446a8d
--! Hash: sha1:06f06d1fd76b1fb785b011f05e75546a7b7be03a
--! Message: Billing event contracts, private table comments, event trace context, tenant primary keys for Citus, metering and services, account controls

--! split: 1-billing-event-contracts.sql
/*
 * Payload contracts for the billing event types. The catalog row of each was
 * created with an empty `required` list, so publish_event accepted any object
 * for them and webhook consumers had nothing to read in `eventTypes.schema`.
 * Each contract now lists exactly the keys its one publisher sends:
 *
 *   wallet.credited         app_private.credit
 *   addon.purchased         app_public.purchase_addon
 *   entitlements.changed    app_private.rebuild_entitlements (the new entitlements)
 *   payment.failed          app_private.apply_payment
 *   subscription.activated  app_private.apply_subscription
 *   subscription.cancelled  app_private.apply_subscription
 *   invoice.paid            app_private.apply_invoice
 *
 * Only `required` is enforced (app_private.tg_events__validate raises EVBAD
 * when a key is missing); `properties` documents types for consumers. Amounts
 * are integers in the currency's minor unit (paise), coins are whole coins.
 * Ids are uuids as strings. test/catalog/event_contracts.test.ts keeps these
 * in step with the publishers. An update, so re-running it changes nothing.
 */
update app_public.event_types t
   set schema = jsonb_build_object('type', 'object',
                  'required', (select jsonb_agg(k order by k) from jsonb_object_keys(c.properties) k),
                  'properties', c.properties)
  from (values
    ('wallet.credited', jsonb_build_object(
       'entryId', jsonb_build_object('type', 'string', 'description', 'The wallet entry (WalletEntry.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'Coins credited.'),
       'kind', jsonb_build_object('type', 'string', 'description', 'purchase, refund or grant.'),
       'balance', jsonb_build_object('type', 'integer', 'description', 'The wallet balance after the credit.'),
       'reference', jsonb_build_object('type', 'string', 'description', 'What the credit is for, e.g. coin_order:<id>; may be empty.'))),
    ('addon.purchased', jsonb_build_object(
       'tenantAddonId', jsonb_build_object('type', 'string', 'description', 'The purchased add-on (TenantAddon.rowId).'),
       'addon', jsonb_build_object('type', 'string', 'description', 'The add-on key (Addon.key).'),
       'coins', jsonb_build_object('type', 'integer', 'description', 'Coins debited from the wallet.'))),
    ('entitlements.changed', jsonb_build_object(
       'plan', jsonb_build_object('type', 'string', 'description', 'The effective plan key (Plan.key).'),
       'limits', jsonb_build_object('type', 'object', 'description', 'Workspace-wide limits by name, e.g. {"seats": 10}; a missing limit means unlimited.'),
       'services', jsonb_build_object('type', 'object', 'description', 'Per service key: {"enabled": boolean, "limits": object}.'))),
    ('payment.failed', jsonb_build_object(
       'coinOrderId', jsonb_build_object('type', 'string', 'description', 'The coin order whose payment failed (CoinOrder.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'The amount of the failed payment in paise.'))),
    ('subscription.activated', jsonb_build_object(
       'subscriptionId', jsonb_build_object('type', 'string', 'description', 'The plan subscription (PlanSubscription.rowId).'),
       'plan', jsonb_build_object('type', 'string', 'description', 'The subscribed plan key (Plan.key).'))),
    ('subscription.cancelled', jsonb_build_object(
       'subscriptionId', jsonb_build_object('type', 'string', 'description', 'The plan subscription (PlanSubscription.rowId).'),
       'plan', jsonb_build_object('type', 'string', 'description', 'The plan key it was for (Plan.key).'),
       'status', jsonb_build_object('type', 'string', 'description', 'The final state: cancelled, completed or expired.'))),
    ('invoice.paid', jsonb_build_object(
       'invoiceId', jsonb_build_object('type', 'string', 'description', 'The invoice (Invoice.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'The amount paid in the minor unit of the currency (paise).'),
       'currency', jsonb_build_object('type', 'string', 'description', 'ISO 4217 code, e.g. INR.')))
  ) as c(key, properties)
 where t.key = c.key;

--! split: 2-private-table-comments.sql
/*
 * What each app_private table holds and who writes it. app_private is never
 * in the API, so these comments are not GraphQL docs: they are what an
 * operator reads in psql (\dt+) and in db/schema.sql. Every app_public table
 * already has one; test/catalog/comments.test.ts keeps both schemas covered.
 * `comment on` replaces the previous text, so re-running this file is a no-op.
 */

-- Identity: passwords, external sign-in, sessions, email links, MFA, lockout.
comment on table app_private.user_secrets is
  E'A user''s password hash (null for accounts without a password); written by app_private.register_user, app_private.reset_password and the Google sign-in route when it takes over an unverified account.';
comment on table app_private.user_identities is
  E'External sign-in identities (provider and subject, Google today) linked to a user; written by app_private.find_or_create_oauth_user.';
comment on table app_private.refresh_token_families is
  E'One row per session (a sign-in) with its active workspace, AMR/AAL and revocation; written by app_private.sign_in and rotate_refresh_token, switched by /auth/switch-tenant, revoked on logout, role changes and token reuse.';
comment on table app_private.refresh_tokens is
  E'Hashes of the refresh tokens of a session, each replaced once by its successor; written by app_private.create_refresh_family (via sign_in) and app_private.rotate_refresh_token.';
comment on table app_private.email_tokens is
  E'Hashes of single-use email verification and password reset tokens; issued by app_private.issue_email_token from the worker''s email tasks, consumed by the email-link routes through consume_email_token and reset_password.';
comment on table app_private.mfa_totp is
  E'A user''s TOTP secret (confirmed once a first code verifies) and the last time step used, so a code cannot be replayed; written by the MFA routes of the identity server.';
comment on table app_private.mfa_recovery_codes is
  E'Hashes of a user''s one-time MFA recovery codes; generated and marked used by the MFA routes of the identity server.';
comment on table app_private.login_attempts is
  E'Failed sign-in counters and lockouts per normalised email, whether or not an account has it; written by app_private.record_login_failure and record_login_success, outside the request transaction.';

-- Workspaces: invitations.
comment on table app_private.invitation_tokens is
  E'Hash of the token in an invitation''s email link; written by the invitations__send task, read when the invitation is accepted.';

-- Event bus and webhooks.
comment on table app_private.events is
  E'The event outbox: domain events recorded by app_private.publish_event in the producer''s transaction (payloads checked against app_public.event_types), then fanned out once to webhooks and internal subscribers by the events__dispatch task.';
comment on table app_private.webhook_secrets is
  E'Signing secrets of webhook endpoints, several during a rotation overlap; written by app_public.create_webhook_endpoint and app_public.rotate_webhook_secret, read when deliveries are signed.';

-- Billing: the payment provider's ids, payments and webhooks.
comment on table app_private.provider_refs is
  E'Payment-provider ids mapped to local rows (kind customer, subscription, order or invoice); written by the billing mutations when they create the provider object and by app_private.apply_invoice.';
comment on table app_private.payments is
  E'The provider''s payments for coin orders, with a status that only moves forward; written by app_private.apply_payment from the billing__process_event task and the checkout callback.';
comment on table app_private.webhook_events is
  E'Inbox of payment-provider webhooks, each stored once by its event id; written by app_private.record_webhook_event from the provider webhook route, marked processed or ignored by the billing__process_event task.';

--! split: 3-event-trace-context.sql
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

--! split: 4-tenant-primary-keys.sql
/*
 * tenant_id in the primary key of every distributable tenant table, so Citus
 * can shard the schema by workspace (docs/scaling.md#sharding-by-workspace-citus,
 * enforced by test/catalog/citus.test.ts).
 *
 * 1. The four private tables that hung off a tenant row by its id alone
 *    (api_key_secrets, invitation_tokens, webhook_secrets, custom_domain_tokens)
 *    gain tenant_id: back-filled, NOT NULL, filled on insert from the parent row
 *    (app_private.tg__tenant_id_from_parent, so the functions that insert them
 *    stay as they are), and their foreign keys become (tenant_id, x) → parent
 *    (tenant_id, id). webhook_secrets and custom_domain_tokens are then ordinary
 *    tenant tables with tenant_id in their key; api_key_secrets and
 *    invitation_tokens keep their global keys (a secret hash / token hash is
 *    looked up before the workspace is known) and are routing tables that stay
 *    on the Citus coordinator.
 * 2. For each of the 16 app_public tables whose primary key was (id):
 *    primary key (tenant_id, id), which also replaces the unique constraint
 *    (tenant_id, id) the foreign keys pointed at (they are re-created on the
 *    new key), and a plain index on (id) for lookups that come by id alone.
 * 3. GraphQL does not change: each of those tables is tagged `@primaryKey id`,
 *    and server/src/graphql/tenantPrimaryKeys.ts presents the real key as the
 *    unique (tenant_id, id) it replaced, so node ids, `post(rowId)`,
 *    `updatePost(input: { rowId })` and `postByTenantIdAndRowId` stay exactly
 *    as they were (sdk/generated/schema.graphql is unchanged). Ids are
 *    gen_random_uuid(); lookups by id still pass the row's RLS policy.
 *
 * Idempotent: each step checks the catalog first, so re-running it changes nothing.
 */

create or replace function app_private.tg__tenant_id_from_parent() returns trigger as $$
declare
  v_parent_id uuid := (to_jsonb(new) ->> tg_argv[1])::uuid;
begin
  if new.tenant_id is null then
    execute format('select tenant_id from %s where id = $1', tg_argv[0]::regclass) into new.tenant_id using v_parent_id;
  end if;
  return new;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__tenant_id_from_parent() is
  E'BEFORE INSERT: fills tenant_id from the parent row (trigger arguments: parent table, column holding its id) when the insert does not give it; the composite foreign key then checks it.';

do $$
declare
  r record;
begin
  for r in select * from (values
      ('app_private.api_key_secrets', 'api_key_id', 'app_public.api_keys', 'api_key_secrets_api_key_id_fkey'),
      ('app_private.invitation_tokens', 'invitation_id', 'app_public.invitations', 'invitation_tokens_invitation_id_fkey'),
      ('app_private.webhook_secrets', 'endpoint_id', 'app_public.webhook_endpoints', 'webhook_secrets_endpoint_id_fkey'),
      ('app_private.custom_domain_tokens', 'custom_domain_id', 'app_public.custom_domains', 'custom_domain_tokens_custom_domain_id_fkey')
    ) v(child, col, parent, fk)
  loop
    if exists (select 1 from pg_attribute where attrelid = r.child::regclass and attname = 'tenant_id' and not attisdropped) then
      continue;
    end if;
    execute format('alter table %s add column tenant_id uuid', r.child);
    execute format('update %s c set tenant_id = p.tenant_id from %s p where p.id = c.%I', r.child, r.parent, r.col);
    execute format('alter table %s alter column tenant_id set not null', r.child);
    execute format('alter table %s drop constraint %I', r.child, r.fk);
    -- the parent's unique (tenant_id, id) is the target until step 2 makes it the primary key
    execute format('alter table %s add constraint %I foreign key (tenant_id, %I) references %s (tenant_id, id) on delete cascade',
                   r.child, r.fk, r.col, r.parent);
    execute format('create index %I on %s (tenant_id, %I)', split_part(r.child, '.', 2) || '_tenant_id_idx', r.child, r.col);
    execute format('create trigger _100_tenant_id before insert on %s for each row execute function app_private.tg__tenant_id_from_parent(%L, %L)',
                   r.child, r.parent, r.col);
  end loop;
end;
$$;

-- The two that are per-workspace rows, not routes: tenant_id joins their key.
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'webhook_secrets_pkey' and conkey @>
                   array[(select attnum from pg_attribute where attrelid = 'app_private.webhook_secrets'::regclass and attname = 'tenant_id')]) then
    alter table app_private.webhook_secrets drop constraint webhook_secrets_pkey, add constraint webhook_secrets_pkey primary key (tenant_id, id);
  end if;
  if not exists (select 1 from pg_constraint where conname = 'custom_domain_tokens_pkey' and conkey @>
                   array[(select attnum from pg_attribute where attrelid = 'app_private.custom_domain_tokens'::regclass and attname = 'tenant_id')]) then
    alter table app_private.custom_domain_tokens drop constraint custom_domain_tokens_pkey,
      add constraint custom_domain_tokens_pkey primary key (tenant_id, custom_domain_id);
    drop index app_private.custom_domain_tokens_tenant_id_idx; -- the key now leads with tenant_id
  end if;
end;
$$;

do $$
declare
  t regclass;
  v_name text;
  v_tenant smallint;
  v_fks text[];
  v_fk text;
  v_comment text;
begin
  foreach t in array array[
    'app_public.api_keys', 'app_public.audit_log', 'app_public.coin_orders', 'app_public.custom_domains',
    'app_public.invitations', 'app_public.invoices', 'app_public.memberships', 'app_public.notifications',
    'app_public.plan_subscriptions', 'app_public.posts', 'app_public.roles', 'app_public.tenant_addons',
    'app_public.wallet_entries', 'app_public.webhook_attempts', 'app_public.webhook_deliveries',
    'app_public.webhook_endpoints']::regclass[]
  loop
    select relname into v_name from pg_class where oid = t;
    select attnum into v_tenant from pg_attribute where attrelid = t and attname = 'tenant_id';
    if not exists (select 1 from pg_constraint where conrelid = t and contype = 'p' and v_tenant = any (conkey)) then
      -- foreign keys into (id) or (tenant_id, id) are re-created on the new key
      select coalesce(array_agg(format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))), '{}')
        into v_fks
        from pg_constraint
       where contype = 'f' and confrelid = t
         and conindid in (select conindid from pg_constraint where conrelid = t and conname in (v_name || '_pkey', v_name || '_tenant_id_id_key'));
      for v_fk in
        select format('alter table %s drop constraint %I', conrelid::regclass, conname) from pg_constraint
         where contype = 'f' and confrelid = t
           and conindid in (select conindid from pg_constraint where conrelid = t and conname in (v_name || '_pkey', v_name || '_tenant_id_id_key'))
      loop
        execute v_fk;
      end loop;
      execute format('alter table %s drop constraint %I, drop constraint %I, add constraint %I primary key (tenant_id, id)',
                     t, v_name || '_tenant_id_id_key', v_name || '_pkey', v_name || '_pkey');
      execute format('create index %I on %s (id)', v_name || '_id_idx', t);
      foreach v_fk in array v_fks loop
        execute v_fk;
      end loop;
    end if;
    v_comment := obj_description(t, 'pg_class');
    if v_comment is null or v_comment !~ '(^|\n)@primaryKey id(\n|$)' then
      execute format('comment on table %s is %L', t, E'@primaryKey id\n' || coalesce(v_comment, ''));
    end if;
  end loop;
end;
$$;

/*
 * The one global uniqueness among tenant rows: a hostname is verified for one
 * workspace only. A unique index without tenant_id cannot exist on a
 * distributed table, so the rule moves to a routing table keyed by hostname
 * (a coordinator table, like the other routes), kept by a trigger on
 * custom_domains. A second workspace verifying the same hostname still gets a
 * unique_violation from the same UPDATE, which record_custom_domain_check
 * turns into a failed domain as before. The partial index stays, non-unique,
 * for the readers that look a verified hostname up.
 */
create table if not exists app_private.verified_hostnames (
  hostname text primary key,
  tenant_id uuid not null,
  custom_domain_id uuid not null,
  verified_at timestamptz not null default now(),
  foreign key (tenant_id, custom_domain_id) references app_public.custom_domains (tenant_id, id) on delete cascade
);
create index if not exists verified_hostnames_tenant_id_idx on app_private.verified_hostnames (tenant_id, custom_domain_id);
comment on table app_private.verified_hostnames is
  E'Routes a verified custom hostname to its workspace; its primary key makes a hostname verified for one workspace only. Kept by app_private.tg_custom_domains__verified_hostname.';
do $$
begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.verified_hostnames'::regclass) then
    perform app_private.add_owner_policies('app_private.verified_hostnames');
  end if;
end;
$$;

create or replace function app_private.tg_custom_domains__verified_hostname() returns trigger as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'verified' then
    delete from app_private.verified_hostnames where hostname = old.hostname and custom_domain_id = old.id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'verified' then
    insert into app_private.verified_hostnames (hostname, tenant_id, custom_domain_id, verified_at)
      values (new.hostname, new.tenant_id, new.id, coalesce(new.verified_at, now()));
  end if;
  return null;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_custom_domains__verified_hostname() is
  E'AFTER INSERT/UPDATE OF status, hostname/DELETE on custom_domains: a verified domain holds its hostname in app_private.verified_hostnames (unique), anything else releases it.';

drop trigger if exists _200_verified_hostname on app_public.custom_domains;
create trigger _200_verified_hostname after insert or update of status, hostname or delete on app_public.custom_domains
  for each row execute function app_private.tg_custom_domains__verified_hostname();

insert into app_private.verified_hostnames (hostname, tenant_id, custom_domain_id, verified_at)
  select hostname, tenant_id, id, coalesce(verified_at, now()) from app_public.custom_domains where status = 'verified'
  on conflict (hostname) do nothing;

create index if not exists custom_domains_verified_hostname_idx on app_public.custom_domains (hostname) where status = 'verified';
drop index if exists app_public.custom_domains_verified_hostname_key;

create or replace function app_private.verified_custom_domain_tenant(p_hostname text) returns uuid as $$
  select tenant_id from app_private.verified_hostnames where hostname = lower(p_hostname);
$$ language sql stable;

--! split: 5-metering.sql
/*
 * Generic metering (issue 20): every limited or counted quantity of a workspace is a meter.
 *
 *   app_public.meters           the catalog: what is counted, per which period (month = calendar month in UTC,
 *                               lifetime = never resets), and where its limit comes from: a key of the
 *                               workspace-wide limits (billing_accounts.limits, service null) or of a service's
 *                               limits (tenant_services.limits), times limit_scale (storage_mb -> bytes). Limits are
 *                               the entitlements (plan + add-ons, app_private.rebuild_entitlements); a missing
 *                               limit means unlimited.
 *   app_private.meter_counters  one row per (workspace, meter, period): the running total, updated in place.
 *   app_private.meter_records   the idempotency keys of applied consumptions (a replayed key is applied once).
 *
 * Two kinds of meter. A *counter* (email.sends, api.calls, storage.bytes) only moves through
 * app_private.meter_consume: check-and-consume in one UPDATE whose WHERE re-checks the limit on the latest row
 * version, so concurrent callers queue on the counter row and can never push it past the limit. A *gauge*
 * (blog.posts, seats, api_keys) mirrors rows of another table: AFTER triggers keep it equal to their count
 * (meter_adjust) and the BEFORE INSERT limit triggers call app_hidden.check_limit, now rebuilt on the counter
 * row (locked FOR UPDATE until commit, so the insert that follows is serialised just as the advisory lock did).
 * Gauges are never consumed from outside.
 *
 * Crossing 80 % or 100 % of a limit publishes usage.threshold_reached (notifications for billing managers,
 * webhooks) once per period: counter rows remember the highest threshold announced (notified_pct), which only
 * falls again when usage falls below it (a gauge released, a limit raised).
 *
 * Re-running: tables `if not exists`, functions `create or replace`, catalog rows upserted, triggers and
 * policies re-created, and the gauges recounted from their tables (app_private.meter_recount).
 */

/* The catalog. Shared (no tenant_id): everyone reads it, only migrations change it. */
create table if not exists app_public.meters (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' and length(key) <= 63),
  description text not null check (length(description) between 1 and 500),
  unit text not null default 'count' check (unit in ('count', 'bytes')),
  period text not null check (period in ('month', 'lifetime')),
  kind text not null check (kind in ('counter', 'gauge')),
  service text references app_public.services on delete cascade,
  limit_key text not null check (limit_key ~ '^[a-z][a-z0-9_]{0,62}$'),
  limit_scale bigint not null default 1 check (limit_scale > 0),
  check (kind = 'counter' or period = 'lifetime')
);
do $$
begin
  if not exists (select 1 from pg_policy where polrelid = 'app_public.meters'::regclass and polname = 'owner_select') then
    perform app_private.add_owner_policies('app_public.meters');
    create policy select_all on app_public.meters for select using (true);
  end if;
end;
$$;
grant select on app_public.meters to app_user, app_api_key;
create index if not exists meters_service_idx on app_public.meters (service);
comment on table app_public.meters is
  E'What the platform counts per workspace (usage meters), per period, with the entitlement its limit comes from.';
comment on column app_public.meters.key is E'The meter, e.g. `email.sends`.';
comment on column app_public.meters.unit is E'`count` or `bytes`.';
comment on column app_public.meters.period is E'`month` (calendar month in UTC, resets on the 1st) or `lifetime` (never resets).';
comment on column app_public.meters.kind is
  E'`counter`: consumed by services and the worker (check-and-consume); `gauge`: the number of rows of a kind the workspace has (posts, members, active API keys), kept by the platform.';
comment on column app_public.meters.service is E'The service whose limits hold this meter''s limit (and the only service that may record it); null for workspace-wide meters.';
comment on column app_public.meters.limit_key is E'The key of the limit in the workspace''s (or the service''s) entitlements, e.g. `seats`.';
comment on column app_public.meters.limit_scale is E'The entitlement is multiplied by this to get the limit in the meter''s unit (1048576 for `storage_mb` -> bytes).';

insert into app_public.meters (key, description, unit, period, kind, service, limit_key, limit_scale) values
  ('blog.posts', 'Blog posts in the workspace.', 'count', 'lifetime', 'gauge', 'blog', 'posts', 1),
  ('seats', 'Members of the workspace.', 'count', 'lifetime', 'gauge', null, 'seats', 1),
  ('api_keys', 'Active (not revoked) API keys of the workspace.', 'count', 'lifetime', 'gauge', null, 'api_keys', 1),
  ('email.sends', 'Emails sent for the workspace (invitations, notifications), per calendar month.', 'count', 'month', 'counter', null, 'email_sends', 1),
  ('api.calls', 'API calls recorded by services for the workspace, per calendar month.', 'count', 'month', 'counter', null, 'api_calls', 1),
  ('storage.bytes', 'Bytes stored for the workspace by services (limit: the plan''s storage_mb).', 'bytes', 'lifetime', 'counter', null, 'storage_mb', 1048576)
on conflict (key) do update
  set description = excluded.description, unit = excluded.unit, period = excluded.period, kind = excluded.kind,
      service = excluded.service, limit_key = excluded.limit_key, limit_scale = excluded.limit_scale;

/* Running totals. Only the owner's functions below touch them; the dashboard reads them through meter_usage(). */
create table if not exists app_private.meter_counters (
  tenant_id uuid not null references app_public.tenants on delete cascade,
  meter text not null references app_public.meters on delete cascade,
  period_start timestamptz not null,
  used bigint not null default 0,
  notified_pct smallint not null default 0 check (notified_pct in (0, 80, 100)),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, meter, period_start)
);
do $$
begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.meter_counters'::regclass and polname = 'owner_select') then
    perform app_private.add_owner_policies('app_private.meter_counters');
  end if;
end;
$$;
create index if not exists meter_counters_meter_idx on app_private.meter_counters (meter);
comment on table app_private.meter_counters is
  E'Usage per workspace, meter and period (running totals and the highest 80/100 % threshold announced); written only by app_private.meter_consume, meter_adjust and check_limit.';

create table if not exists app_private.meter_records (
  tenant_id uuid not null references app_public.tenants on delete cascade,
  meter text not null references app_public.meters on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  quantity bigint not null check (quantity > 0),
  period_start timestamptz not null,
  service text,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, meter, idempotency_key)
);
do $$
begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.meter_records'::regclass and polname = 'owner_select') then
    perform app_private.add_owner_policies('app_private.meter_records');
  end if;
end;
$$;
create index if not exists meter_records_meter_idx on app_private.meter_records (meter);
comment on table app_private.meter_records is
  E'Consumptions recorded with an idempotency key (by services through /internal/v1/usage, by the worker for email sends), so a replayed key is applied once; written by app_private.meter_consume.';

/*
 * Period bounds: month = the calendar month in UTC (arithmetic on UTC wall time, whatever the session's
 * TimeZone). Scalar SQL functions without FROM, so the planner inlines them into their callers' cached plans
 * (meter_consume is the hot path; see bench/scenarios/metering.ts).
 */
create or replace function app_private.meter_period_start(p_period text, p_at timestamptz) returns timestamptz as $$
  select case when p_period = 'month' then date_trunc('month', p_at at time zone 'UTC') at time zone 'UTC' else 'epoch'::timestamptz end;
$$ language sql stable;
comment on function app_private.meter_period_start(text, timestamptz) is
  E'Start of the period containing p_at: the UTC calendar month for `month`, the epoch for `lifetime`.';
create or replace function app_private.meter_resets_at(p_period text, p_at timestamptz) returns timestamptz as $$
  select case when p_period = 'month' then (date_trunc('month', p_at at time zone 'UTC') + interval '1 month') at time zone 'UTC' end;
$$ language sql stable;
comment on function app_private.meter_resets_at(text, timestamptz) is
  E'End of the period containing p_at (the next UTC calendar month for `month`); null for `lifetime`.';
create or replace function app_private.meter_period(p_period text, p_at timestamptz default now(),
  out period_start timestamptz, out resets_at timestamptz) as $$
  select app_private.meter_period_start(p_period, p_at), app_private.meter_resets_at(p_period, p_at);
$$ language sql stable;
comment on function app_private.meter_period(text, timestamptz) is
  E'The period containing p_at: [start of the UTC calendar month, start of the next) for `month`, [epoch, never) for `lifetime`.';

/*
 * The limit in the meter's unit, from the entitlements; no row or null = unlimited (also for a service not
 * enabled). A set-returning SQL function so the planner inlines it into the FROM of its callers (a scalar one
 * with subqueries is never inlined, and would be planned again at every call).
 */
drop function if exists app_private.meter_limit(uuid, text, text, bigint);
create function app_private.meter_limit(p_tenant_id uuid, p_service text, p_limit_key text, p_scale bigint)
  returns table (limit_value numeric) as $$
  select case when jsonb_typeof(l.v) = 'number' then (l.v #>> '{}')::numeric * p_scale end
    from (select ba.limits -> p_limit_key as v from app_public.billing_accounts ba
           where p_service is null and ba.tenant_id = p_tenant_id
          union all
          select ts.limits -> p_limit_key from app_public.tenant_services ts
           where p_service is not null and ts.tenant_id = p_tenant_id and ts.service = p_service and ts.enabled) l;
$$ language sql stable;
comment on function app_private.meter_limit(uuid, text, text, bigint) is
  E'A workspace''s limit for a meter: the entitlement (workspace-wide when p_service is null, else that enabled service''s) times the scale; no row or null = unlimited.';

/*
 * Threshold events. Called with the counter row locked (just updated by the caller), so the comparison with
 * notified_pct and its update cannot race: each threshold is announced once until usage falls below it again.
 */
create or replace function app_private.meter_thresholds(p_tenant_id uuid, p_meter text, p_period_start timestamptz,
  p_resets_at timestamptz, p_used bigint, p_limit numeric, p_notified smallint) returns void as $$
declare
  v_level smallint := case when p_limit is null or p_limit <= 0 then 0
                           when p_used >= p_limit then 100 when p_used >= 0.8 * p_limit then 80 else 0 end;
  v_threshold int;
begin
  if v_level = p_notified then
    return;
  end if;
  update app_private.meter_counters c set notified_pct = v_level
   where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = p_period_start;
  foreach v_threshold in array array[80, 100] loop
    continue when v_threshold <= p_notified or v_threshold > v_level;
    perform app_private.publish_event(p_tenant_id, 'usage.threshold_reached', jsonb_build_object(
      'meter', p_meter, 'threshold', v_threshold, 'used', p_used, 'limit', p_limit,
      'periodStart', p_period_start, 'resetsAt', p_resets_at));
  end loop;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.meter_thresholds(uuid, text, timestamptz, timestamptz, bigint, numeric, smallint) is
  E'Publishes usage.threshold_reached for each of 80 % and 100 % newly crossed, and remembers the level in the counter row.';

/*
 * Check-and-consume (p_enforce) or record (not p_enforce: usage that already happened, e.g. an email sent, counts
 * even past the limit). Bad input raises and records nothing: unknown meter NOMTR, a gauge or another service's
 * meter DNIED, a quantity outside 1..10^15 INVLD, an idempotency key replayed with another quantity IDKEY,
 * an unknown workspace NTFND. A replayed key answers allowed, replayed, with today's totals, and changes nothing.
 *
 * Order: the idempotency record is inserted first (a concurrent call with the same key waits on it, then sees
 * the conflict), then one UPDATE adds the quantity only if it fits (re-evaluated on the newest row version under
 * concurrency, so callers queue on the row and never pass the limit); refused, the record is deleted again, so a
 * retry after an upgrade can succeed. The hot path is the catalog-and-limit lookup (meter_limit is inlined into
 * it), then the UPDATE of the counter row alone (cheap to re-check when it waited for the row), both with cached
 * plans; the row is held only from that UPDATE to the commit, and little runs after it. The answer is a row of
 * OUT columns, not jsonb: building a JSON object under the row lock halved the throughput in the bench; the
 * services API formats it (server/src/services/usageAnswer.ts). No SET search_path either (not SECURITY DEFINER,
 * every name qualified, only the owner can call it): saving and restoring the setting was measurable there too.
 */
drop function if exists app_private.meter_consume(uuid, text, bigint, text, boolean, text);
create function app_private.meter_consume(p_tenant_id uuid, p_meter text, p_quantity bigint,
  p_idempotency_key text default null, p_enforce boolean default true, p_service text default null,
  out allowed boolean, out replayed boolean, out used bigint, out limit_value numeric, out period text,
  out period_start timestamptz, out resets_at timestamptz) as $$
#variable_conflict use_column
declare
  v_now timestamptz := now();
  v_kind text;
  v_owner text;
  v_period text;
  v_limit numeric;
  v_start timestamptz;
  v_resets timestamptz;
  v_used bigint;
  v_notified smallint;
  v_prior bigint;
begin
  if p_quantity is null or p_quantity < 1 or p_quantity > 1000000000000000 then
    raise exception 'The quantity must be a whole number from 1 to 10^15.' using errcode = 'INVLD';
  end if;
  select m.kind, m.service, m.period, l.limit_value,
         app_private.meter_period_start(m.period, v_now), app_private.meter_resets_at(m.period, v_now)
    into v_kind, v_owner, v_period, v_limit, v_start, v_resets
    from app_public.meters m
    left join lateral app_private.meter_limit(p_tenant_id, m.service, m.limit_key, m.limit_scale) l on true
   where m.key = p_meter;
  if not found then
    raise exception 'There is no meter "%"; see app_public.meters (meters in GraphQL).', p_meter using errcode = 'NOMTR';
  end if;
  if v_kind <> 'counter' then
    raise exception 'The % meter counts rows the platform keeps; it cannot be consumed directly.', p_meter using errcode = 'DNIED';
  end if;
  if p_service is not null and v_owner is not null and v_owner <> p_service then
    raise exception 'The % meter belongs to the % service.', p_meter, v_owner using errcode = 'DNIED';
  end if;
  if p_idempotency_key is not null and (length(p_idempotency_key) not between 1 and 200) then
    raise exception 'An idempotency key is 1 to 200 characters.' using errcode = 'INVLD';
  end if;
  if p_tenant_id is null then
    raise exception 'There is no such workspace.' using errcode = 'NTFND';
  end if;

  if p_idempotency_key is not null then
    insert into app_private.meter_records (tenant_id, meter, idempotency_key, quantity, period_start, service)
      values (p_tenant_id, p_meter, p_idempotency_key, p_quantity, v_start, p_service)
      on conflict do nothing;
    if not found then
      select r.quantity into v_prior from app_private.meter_records r
       where r.tenant_id = p_tenant_id and r.meter = p_meter and r.idempotency_key = p_idempotency_key;
      if v_prior <> p_quantity then
        raise exception 'This idempotency key was already used for a quantity of %; use a new key for a new consumption.', v_prior
          using errcode = 'IDKEY';
      end if;
      select c.used into v_used from app_private.meter_counters c
       where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start;
      allowed := true; replayed := true; used := coalesce(v_used, 0); limit_value := v_limit;
      period := v_period; period_start := v_start; resets_at := v_resets;
      return;
    end if;
  end if;

  update app_private.meter_counters c set used = c.used + p_quantity, updated_at = v_now
   where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start
     and (not p_enforce or v_limit is null or c.used + p_quantity <= v_limit)
   returning c.used, c.notified_pct into v_used, v_notified;
  if not found then
    -- No row yet (first use in this period), or over the limit: make sure the row exists, then once more.
    if not exists (select 1 from app_public.tenants t where t.id = p_tenant_id) then
      raise exception 'There is no such workspace.' using errcode = 'NTFND';
    end if;
    insert into app_private.meter_counters (tenant_id, meter, period_start) values (p_tenant_id, p_meter, v_start)
      on conflict do nothing;
    update app_private.meter_counters c set used = c.used + p_quantity, updated_at = v_now
     where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start
       and (not p_enforce or v_limit is null or c.used + p_quantity <= v_limit)
     returning c.used, c.notified_pct into v_used, v_notified;
  end if;

  if v_used is null then
    if p_idempotency_key is not null then
      delete from app_private.meter_records r
       where r.tenant_id = p_tenant_id and r.meter = p_meter and r.idempotency_key = p_idempotency_key;
    end if;
    select c.used into v_used from app_private.meter_counters c
     where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start;
    allowed := false; replayed := false; used := coalesce(v_used, 0); limit_value := v_limit;
    period := v_period; period_start := v_start; resets_at := v_resets;
    return;
  end if;
  -- Thresholds only when the level moved (rarely): the comparison is a plain expression, the work a call.
  if v_notified <> (case when v_limit is null or v_limit <= 0 then 0 when v_used >= v_limit then 100 when v_used >= 0.8 * v_limit then 80 else 0 end) then
    perform app_private.meter_thresholds(p_tenant_id, p_meter, v_start, v_resets, v_used, v_limit, v_notified);
  end if;
  allowed := true; replayed := false; used := v_used; limit_value := v_limit;
  period := v_period; period_start := v_start; resets_at := v_resets;
  return;
end;
$$ language plpgsql volatile;
comment on function app_private.meter_consume(uuid, text, bigint, text, boolean, text) is
  E'Check-and-consume (p_enforce) or record a quantity on a counter meter, atomically and idempotently; answers allowed, replayed, the period''s usage, the limit (null = unlimited) and the period''s bounds (resets_at null = never).';

/* Usage right now, without consuming (quantity: would this much still fit?). */
drop function if exists app_private.meter_check(uuid, text, bigint);
create function app_private.meter_check(p_tenant_id uuid, p_meter text, p_quantity bigint default 1,
  out allowed boolean, out replayed boolean, out used bigint, out limit_value numeric, out period text,
  out period_start timestamptz, out resets_at timestamptz) as $$
#variable_conflict use_column
declare
  v_meter app_public.meters;
  v_start timestamptz;
  v_resets timestamptz;
  v_limit numeric;
  v_used bigint;
begin
  select * into v_meter from app_public.meters m where m.key = p_meter;
  if v_meter.key is null then
    raise exception 'There is no meter "%"; see app_public.meters (meters in GraphQL).', p_meter using errcode = 'NOMTR';
  end if;
  if p_quantity is null or p_quantity < 0 or p_quantity > 1000000000000000 then
    raise exception 'The quantity must be a whole number from 0 to 10^15.' using errcode = 'INVLD';
  end if;
  select p.period_start, p.resets_at into v_start, v_resets from app_private.meter_period(v_meter.period) p;
  v_limit := (select l.limit_value from app_private.meter_limit(p_tenant_id, v_meter.service, v_meter.limit_key, v_meter.limit_scale) l);
  select c.used into v_used from app_private.meter_counters c
   where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start;
  v_used := coalesce(v_used, 0);
  allowed := v_limit is null or v_used + p_quantity <= v_limit; replayed := false; used := v_used; limit_value := v_limit;
  period := v_meter.period; period_start := v_start; resets_at := v_resets;
  return;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.meter_check(uuid, text, bigint) is
  E'A meter''s usage in the current period and whether p_quantity more would fit (same columns as meter_consume); changes nothing.';

/*
 * Gauges: AFTER triggers move the counter with the rows it mirrors, for every writer (requests, trusted code,
 * the worker), so it always equals the count. Releases use a plain UPDATE: during a workspace deletion the
 * counter row may already be gone, and an upsert would then re-insert it for a tenant being deleted.
 */
create or replace function app_private.meter_adjust(p_tenant_id uuid, p_meter text, p_delta bigint) returns void as $$
declare
  v_meter app_public.meters;
  v_used bigint;
  v_notified smallint;
begin
  if p_delta = 0 then
    return;
  end if;
  if p_delta > 0 then
    insert into app_private.meter_counters as c (tenant_id, meter, period_start, used) values (p_tenant_id, p_meter, 'epoch', p_delta)
      on conflict (tenant_id, meter, period_start) do update set used = c.used + excluded.used, updated_at = now()
      returning c.used, c.notified_pct into v_used, v_notified;
  else
    update app_private.meter_counters c set used = greatest(c.used + p_delta, 0), updated_at = now()
     where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = 'epoch'
     returning c.used, c.notified_pct into v_used, v_notified;
    if not found then
      return;
    end if;
  end if;
  select * into v_meter from app_public.meters m where m.key = p_meter;
  perform app_private.meter_thresholds(p_tenant_id, p_meter, 'epoch', null, v_used,
    (select l.limit_value from app_private.meter_limit(p_tenant_id, v_meter.service, v_meter.limit_key, v_meter.limit_scale) l), v_notified);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.meter_adjust(uuid, text, bigint) is
  E'Moves a gauge meter by p_delta (rows added or removed), never below 0, and announces thresholds crossed upwards.';

create or replace function app_private.tg__meter_gauge() returns trigger as $$
declare
  v_meter text := tg_argv[0];
begin
  if tg_table_name = 'api_keys' then
    -- Active keys only: a revocation releases one, a key inserted already revoked never counts.
    if tg_op = 'INSERT' and new.revoked_at is null then
      perform app_private.meter_adjust(new.tenant_id, v_meter, 1);
    elsif tg_op = 'UPDATE' and (old.revoked_at is null) <> (new.revoked_at is null) then
      perform app_private.meter_adjust(new.tenant_id, v_meter, case when new.revoked_at is null then 1 else -1 end);
    elsif tg_op = 'DELETE' and old.revoked_at is null then
      perform app_private.meter_adjust(old.tenant_id, v_meter, -1);
    end if;
  elsif tg_op = 'INSERT' then
    perform app_private.meter_adjust(new.tenant_id, v_meter, 1);
  elsif tg_op = 'DELETE' then
    perform app_private.meter_adjust(old.tenant_id, v_meter, -1);
  end if;
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__meter_gauge() is
  E'Trigger (AFTER INSERT/UPDATE/DELETE, FOR EACH ROW; argument: the gauge meter): keeps the gauge equal to the rows it counts.';

drop trigger if exists _510_meter on app_public.posts;
create trigger _510_meter after insert or delete on app_public.posts
  for each row execute procedure app_private.tg__meter_gauge('blog.posts');
drop trigger if exists _510_meter on app_public.memberships;
create trigger _510_meter after insert or delete on app_public.memberships
  for each row execute procedure app_private.tg__meter_gauge('seats');
drop trigger if exists _510_meter on app_public.api_keys;
create trigger _510_meter after insert or delete or update of revoked_at on app_public.api_keys
  for each row execute procedure app_private.tg__meter_gauge('api_keys');

/* Gauges from their tables: run here, and by an operator after anything that bypassed triggers (TRUNCATE, replica mode). */
create or replace function app_private.meter_recount(p_tenant_id uuid default null) returns void as $$
  insert into app_private.meter_counters as c (tenant_id, meter, period_start, used)
  select t.id, g.meter, 'epoch', case g.meter
           when 'blog.posts' then (select count(*) from app_public.posts p where p.tenant_id = t.id)
           when 'seats' then (select count(*) from app_public.memberships m where m.tenant_id = t.id)
           when 'api_keys' then (select count(*) from app_public.api_keys k where k.tenant_id = t.id and k.revoked_at is null)
         end
    from app_public.tenants t cross join (values ('blog.posts'), ('seats'), ('api_keys')) g(meter)
   where p_tenant_id is null or t.id = p_tenant_id
  on conflict (tenant_id, meter, period_start) do update set used = excluded.used, updated_at = now()
    where c.used is distinct from excluded.used;
$$ language sql volatile;
comment on function app_private.meter_recount(uuid) is
  E'Resets the gauge meters (blog.posts, seats, api_keys) of one workspace, or all, to the counts of their tables.';
select app_private.meter_recount();

/*
 * check_limit on the meters: same signature, same callers (the _500_limit_* BEFORE INSERT triggers), same
 * LIMIT message and detail, and still only for requests (trusted server-side code is not limited). The
 * counter row, locked FOR UPDATE until commit, replaces the advisory lock: the next insert at the limit waits
 * for this one, then reads the count its AFTER trigger left.
 */
create or replace function app_hidden.check_limit(p_service text, p_resource text, p_tenant_id uuid default null) returns void as $$
declare
  v_tenant uuid := coalesce(p_tenant_id, app_hidden.current_tenant_id());
  v_meter app_public.meters;
  v_limit numeric;
  v_used bigint;
begin
  if v_tenant is null or (app_hidden.current_user_id() is null and app_hidden.current_api_key_id() is null) then
    return;
  end if;
  select * into v_meter from app_public.meters m
   where coalesce(m.service, 'workspace') = p_service and m.limit_key = p_resource and m.kind = 'gauge';
  if v_meter.key is null then
    return;
  end if;
  v_limit := (select l.limit_value from app_private.meter_limit(v_tenant, v_meter.service, v_meter.limit_key, v_meter.limit_scale) l);
  if v_limit is null then
    return;
  end if;
  insert into app_private.meter_counters (tenant_id, meter, period_start) values (v_tenant, v_meter.key, 'epoch')
    on conflict do nothing;
  select c.used into v_used from app_private.meter_counters c
   where c.tenant_id = v_tenant and c.meter = v_meter.key and c.period_start = 'epoch' for update;
  if v_used >= v_limit then
    raise exception 'Your plan allows % % (%), and % are in use. Upgrade the plan or buy an add-on to add more.',
      v_limit, replace(p_resource, '_', ' '), p_service, v_used
      using errcode = 'LIMIT', detail = json_build_object('service', p_service, 'resource', p_resource, 'limit', v_limit, 'used', v_used)::text;
  end if;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.check_limit(text, text, uuid) is
  E'Raises LIMIT when the workspace already uses its plan''s limit of a resource (blog:posts, workspace:seats, workspace:api_keys), read from the gauge meters. Serialised per workspace and meter.';

/* The billing page: every meter the workspace has, with usage in the current period. */
create or replace function app_public.meter_usage() returns table (meter text, description text, unit text, period text,
  used bigint, "limit" numeric, remaining numeric, resets_at timestamptz) as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
begin
  if not app_hidden.has_permission('billing:read') then
    raise exception 'You do not have permission to see billing.' using errcode = 'DNIED';
  end if;
  return query
    select m.key, m.description, m.unit, m.period, coalesce(c.used, 0)::bigint, l.lim,
           case when l.lim is not null then greatest(l.lim - coalesce(c.used, 0), 0) end, p.resets_at
      from app_public.meters m
      cross join lateral app_private.meter_period(m.period) p
      left join lateral (select ml.limit_value as lim from app_private.meter_limit(v_tenant, m.service, m.limit_key, m.limit_scale) ml) l on true
      left join app_private.meter_counters c on c.tenant_id = v_tenant and c.meter = m.key and c.period_start = p.period_start
     where m.service is null
        or exists (select 1 from app_public.tenant_services ts where ts.tenant_id = v_tenant and ts.service = m.service and ts.enabled)
     order by m.key;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.meter_usage() is
  E'The workspace''s usage of every meter in the current period, against its limit (limit and remaining null = unlimited; resetsAt null = never). Needs `billing:read`.';

/* The threshold event, announced to billing managers (notifications) and to webhooks subscribed to it. */
insert into app_public.event_types (key, description, schema, notify) values
  ('usage.threshold_reached', 'The workspace reached 80 % or 100 % of a usage limit.', jsonb_build_object('type', 'object',
     'required', jsonb_build_array('limit', 'meter', 'periodStart', 'threshold', 'used'),
     'properties', jsonb_build_object(
       'meter', jsonb_build_object('type', 'string', 'description', 'The meter (Meter.key), e.g. email.sends.'),
       'threshold', jsonb_build_object('type', 'integer', 'description', '80 or 100 (percent of the limit).'),
       'used', jsonb_build_object('type', 'integer', 'description', 'Usage in the period when the threshold was crossed.'),
       'limit', jsonb_build_object('type', 'integer', 'description', 'The limit in the meter''s unit.'),
       'periodStart', jsonb_build_object('type', 'string', 'description', 'Start of the period (ISO 8601; 1970-01-01 for lifetime meters).'),
       'resetsAt', jsonb_build_object('type', jsonb_build_array('string', 'null'), 'description', 'When the period ends (ISO 8601), null for lifetime meters.'))),
   'billing_managers')
on conflict (key) do update set description = excluded.description, schema = excluded.schema, notify = excluded.notify;

/*
 * Events from services (POST /internal/v1/events). A service publishes only the types the catalog says it
 * publishes (event_types.published_by); platform types (published_by null) only the platform's own SQL. Beyond
 * the outbox trigger's `required` check, each declared property must have its declared JSON type.
 * The idempotency key is claimed in the same transaction as the event: replayed, the first event's id is
 * answered and nothing is published; the same key with another type or payload is IDKEY.
 */
alter table app_public.event_types add column if not exists published_by text references app_public.services on delete set null;
create index if not exists event_types_published_by_idx on app_public.event_types (published_by);
comment on column app_public.event_types.published_by is
  E'The service that publishes this type through the services API; null for the platform''s own events, which no service may publish.';

create table if not exists app_private.service_event_keys (
  tenant_id uuid not null references app_public.tenants on delete cascade,
  service text not null references app_public.services on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  request_hash bytea not null,
  event_id uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, service, idempotency_key)
);
do $$
begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.service_event_keys'::regclass and polname = 'owner_select') then
    perform app_private.add_owner_policies('app_private.service_event_keys');
  end if;
end;
$$;
create index if not exists service_event_keys_service_idx on app_private.service_event_keys (service);
comment on table app_private.service_event_keys is
  E'Idempotency keys of events published by services, with a hash of the request and the event recorded; written by app_private.publish_service_event.';

create or replace function app_private.json_type_matches(p_value jsonb, p_type jsonb) returns boolean as $$
  select p_type is null or exists (
    select 1 from jsonb_array_elements_text(case when jsonb_typeof(p_type) = 'array' then p_type else jsonb_build_array(p_type) end) t(name)
     where case t.name
             when 'integer' then case when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric % 1 = 0 else false end
             when 'number' then jsonb_typeof(p_value) = 'number'
             when 'string' then jsonb_typeof(p_value) = 'string'
             when 'boolean' then jsonb_typeof(p_value) = 'boolean'
             when 'object' then jsonb_typeof(p_value) = 'object'
             when 'array' then jsonb_typeof(p_value) = 'array'
             when 'null' then jsonb_typeof(p_value) = 'null'
             else true end);
$$ language sql immutable;
comment on function app_private.json_type_matches(jsonb, jsonb) is
  E'Whether a JSON value has a JSON-schema `type` (a name or an array of names; integer = a number without a fraction).';

create or replace function app_private.publish_service_event(p_tenant_id uuid, p_service text, p_type text, p_payload jsonb,
  p_idempotency_key text default null) returns jsonb as $$
declare
  v_type app_public.event_types;
  v_wrong text[];
  v_hash bytea;
  v_prior app_private.service_event_keys;
  v_id uuid;
begin
  select * into v_type from app_public.event_types t where t.key = p_type;
  if v_type.key is null then
    raise exception 'Unknown event type "%"; add it to app_public.event_types first.', p_type using errcode = 'EVTYP';
  end if;
  if v_type.published_by is distinct from p_service then
    raise exception 'The % service may not publish "%" events.', p_service, p_type using errcode = 'DNIED';
  end if;
  if jsonb_typeof(p_payload) is distinct from 'object' then
    raise exception 'The payload of a "%" event must be a JSON object.', p_type using errcode = 'EVBAD';
  end if;
  v_wrong := array(select k from jsonb_each(coalesce(v_type.schema -> 'properties', '{}')) s(k, spec)
                    where p_payload ? k and not app_private.json_type_matches(p_payload -> k, spec -> 'type') order by k);
  if cardinality(v_wrong) > 0 then
    raise exception 'The payload of a "%" event has a value of the wrong type for %.', p_type, array_to_string(v_wrong, ', ') using errcode = 'EVBAD';
  end if;
  if p_idempotency_key is not null and (length(p_idempotency_key) not between 1 and 200) then
    raise exception 'An idempotency key is 1 to 200 characters.' using errcode = 'INVLD';
  end if;
  if p_idempotency_key is not null then
    v_hash := public.digest(p_type || ' ' || p_payload::text, 'sha256');
    insert into app_private.service_event_keys (tenant_id, service, idempotency_key, request_hash)
      values (p_tenant_id, p_service, p_idempotency_key, v_hash)
      on conflict do nothing;
    if not found then
      select * into v_prior from app_private.service_event_keys k
       where k.tenant_id = p_tenant_id and k.service = p_service and k.idempotency_key = p_idempotency_key;
      if v_prior.request_hash <> v_hash then
        raise exception 'This idempotency key was already used for another event; use a new key for a new event.' using errcode = 'IDKEY';
      end if;
      return jsonb_build_object('eventId', v_prior.event_id, 'type', p_type, 'replayed', true);
    end if;
  end if;
  v_id := app_private.publish_event(p_tenant_id, p_type, p_payload);
  if p_idempotency_key is not null then
    update app_private.service_event_keys k set event_id = v_id
     where k.tenant_id = p_tenant_id and k.service = p_service and k.idempotency_key = p_idempotency_key;
  end if;
  return jsonb_build_object('eventId', v_id, 'type', p_type, 'replayed', false);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.publish_service_event(uuid, text, text, jsonb, text) is
  E'Publishes an event for a service (only types it publishes, payload checked against the contract), once per idempotency key; answers {eventId, type, replayed}.';

--! split: 6-accounts.sql
/*
 * Accounts a user controls (issue 21): sessions and devices, password and email changes, the welcome email.
 * Re-running: `add column if not exists`, `create table if not exists`, `create or replace`, and the one
 * signature change (sign_in gains p_user_agent) drops the old signature first, so the file is idempotent.
 */

/*
 * Sessions and devices. A session is a refresh-token family (app_private.refresh_token_families); to list
 * them as devices it keeps the User-Agent and the client IP of its sign-in. The server parses the agent for
 * display (server/src/identity/devices.ts); the database keeps the raw header, capped, and never shows it
 * to GraphQL (app_private). IPs go through audit_client_ip, so a malformed value is stored as null.
 */
alter table app_private.refresh_token_families add column if not exists user_agent text;
alter table app_private.refresh_token_families add column if not exists ip inet;
comment on column app_private.refresh_token_families.user_agent is
  E'User-Agent header of the sign-in that started the session (at most 512 characters), shown as the device in GET /auth/sessions.';
comment on column app_private.refresh_token_families.ip is
  E'Client IP of the sign-in that started the session, shown in GET /auth/sessions.';
-- The session list reads a user's live families: this serves it without the tenant part of the other index.
create index if not exists refresh_token_families_user_live_idx
  on app_private.refresh_token_families (user_id, created_at) where revoked_at is null;

drop function if exists app_private.sign_in(uuid, uuid, bytea, text[], text, interval, text, text);
create or replace function app_private.sign_in(p_user_id uuid, p_tenant_id uuid, p_token_hash bytea, p_amr text[], p_aal text,
    p_lifetime interval, p_request_id text, p_ip text, p_user_agent text)
  returns table(family_id uuid, tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_claims record;
  v_family_id uuid;
begin
  select * into v_claims from app_private.token_claims(p_user_id, p_tenant_id);
  v_family_id := app_private.create_refresh_family(p_user_id, v_claims.tenant_id, p_token_hash, p_amr, p_aal, p_lifetime);
  update app_private.refresh_token_families f
     set user_agent = left(nullif(p_user_agent, ''), 512), ip = app_private.audit_client_ip(p_ip)
   where f.id = v_family_id;
  perform app_private.record_security_event('auth.login', p_user_id, v_claims.tenant_id,
    pg_catalog.jsonb_build_object('amr', p_amr, 'aal', p_aal), p_request_id, p_ip);
  return query select v_family_id, v_claims.tenant_id, v_claims.role, v_claims.permissions, v_claims.services;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.sign_in(uuid, uuid, bytea, text[], text, interval, text, text, text) is
  E'Starts a session (refresh family + first token, with the device''s User-Agent and IP) and records auth.login; returns the claims to sign.';

/*
 * Password change (POST /auth/password): the route has checked the current password and hashed the new
 * one; this stores it, kills unused reset links and ends every other session of the user in one
 * transaction (the one the request came from stays signed in). Returns how many sessions ended.
 */
create or replace function app_private.change_password(p_user_id uuid, p_password_hash text, p_keep_family uuid,
    p_request_id text, p_ip text) returns int as $$
declare
  v_ended int;
begin
  insert into app_private.user_secrets (user_id, password_hash, password_updated_at)
    values (p_user_id, p_password_hash, now())
    on conflict (user_id) do update set password_hash = excluded.password_hash, password_updated_at = excluded.password_updated_at;
  update app_private.email_tokens set used_at = now()
   where user_id = p_user_id and kind = 'reset_password' and used_at is null;
  with revoked as (
    update app_private.refresh_token_families
       set revoked_at = now(), revoked_reason = 'password changed'
     where user_id = p_user_id and revoked_at is null and id is distinct from p_keep_family
    returning 1
  )
  select count(*)::int into v_ended from revoked;
  perform app_private.record_security_event('auth.password_changed', p_user_id, null,
    pg_catalog.jsonb_build_object('sessionsEnded', v_ended), p_request_id, p_ip);
  return v_ended;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.change_password(uuid, text, uuid, text, text) is
  E'Sets a new password hash, voids reset links and revokes every session but p_keep_family; records auth.password_changed. Returns the sessions ended.';

/*
 * Email change. POST /auth/email/change records the wanted address here and queues
 * user__send_email_change_email, which issues a `change_email` token and mails the link to the NEW address;
 * POST /auth/email/confirm consumes it, swaps the address and queues user__send_email_changed_notice, which
 * tells the OLD address (kept here until then) and deletes the row. One pending change per user: a new
 * request replaces it and voids the previous link at once, so a link always confirms the address it was
 * sent to. An address that belongs to another account is not stored and nothing is mailed, while the
 * answer stays the same (no enumeration); confirming after someone took the address meanwhile is NUNIQ.
 */
create table if not exists app_private.email_changes (
  user_id uuid primary key references app_public.users on delete cascade,
  new_email citext not null check (length(new_email) <= 320 and new_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  old_email citext,
  requested_at timestamptz not null default now(),
  confirmed_at timestamptz
);
alter table app_private.email_changes enable row level security;
alter table app_private.email_changes force row level security;
do $$ begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.email_changes'::regclass) then
    perform app_private.add_owner_policies('app_private.email_changes'::regclass);
  end if;
end $$;
comment on table app_private.email_changes is
  E'A user''s pending email change (the new address, until confirmed from the link mailed to it) and, once confirmed, the old address until the notice to it is sent; written by app_private.request_email_change and confirm_email_change, deleted by the user__send_email_changed_notice task.';

alter table app_private.email_tokens drop constraint if exists email_tokens_kind_check;
alter table app_private.email_tokens add constraint email_tokens_kind_check
  check (kind in ('verify_email', 'reset_password', 'change_email'));

create or replace function app_private.request_email_change(p_user_id uuid, p_new_email text) returns void as $$
begin
  -- Whatever happens next, an earlier change link stops working.
  update app_private.email_tokens set used_at = now()
   where user_id = p_user_id and kind = 'change_email' and used_at is null;
  if exists (select 1 from app_public.users u where u.email = btrim(p_new_email)::citext) then
    delete from app_private.email_changes where user_id = p_user_id;
    return;
  end if;
  insert into app_private.email_changes (user_id, new_email) values (p_user_id, btrim(p_new_email)::citext)
    on conflict (user_id) do update set new_email = excluded.new_email, old_email = null, requested_at = now(), confirmed_at = null;
  perform app_private.add_job('user__send_email_change_email', json_build_object('userId', p_user_id),
                              job_key => 'user__send_email_change_email:' || p_user_id);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.request_email_change(uuid, text) is
  E'Records a wanted email address and queues the confirmation email to it; voids earlier change links. Silently does nothing more when the address belongs to an account.';

create or replace function app_private.confirm_email_change(p_token_hash bytea, p_request_id text, p_ip text) returns citext as $$
declare
  v_user_id uuid := app_private.consume_email_token(p_token_hash, 'change_email');
  v_change app_private.email_changes;
  v_old citext;
begin
  select * into v_change from app_private.email_changes where user_id = v_user_id and confirmed_at is null for update;
  if v_change.user_id is null then
    raise exception 'This link is not valid any more; request the email change again.' using errcode = 'LNKEX';
  end if;
  if exists (select 1 from app_public.users u where u.email = v_change.new_email and u.id <> v_user_id) then
    raise exception 'That email address now belongs to another account; choose another one.' using errcode = 'NUNIQ';
  end if;
  select u.email into v_old from app_public.users u where u.id = v_user_id for update;
  update app_public.users set email = v_change.new_email, is_verified = true where id = v_user_id;
  update app_private.email_changes set old_email = v_old, confirmed_at = now() where user_id = v_user_id;
  -- Other links were for the old address (or, for a reset, fine to redo): void them.
  update app_private.email_tokens set used_at = now() where user_id = v_user_id and used_at is null;
  perform app_private.record_security_event('auth.email_changed', v_user_id, null, '{}'::jsonb, p_request_id, p_ip);
  perform app_private.add_job('user__send_email_changed_notice', json_build_object('userId', v_user_id),
                              job_key => 'user__send_email_changed_notice:' || v_user_id);
  return v_change.new_email;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.confirm_email_change(bytea, text, text) is
  E'Consumes a change_email token and switches the user to the new (now verified) address; queues the notice to the old one. LNKEX for a dead link, NUNIQ when the address was taken meanwhile.';

/*
 * Welcome email: the welcome_email subscriber (functions/src/subscribers/welcomeEmail.ts) queues
 * user__send_welcome_email on user.created. The task claims this row in the transaction that sends, so a
 * replayed event or a retried job never welcomes anyone twice.
 */
create table if not exists app_private.welcome_emails (
  user_id uuid primary key references app_public.users on delete cascade,
  sent_at timestamptz not null default now()
);
alter table app_private.welcome_emails enable row level security;
alter table app_private.welcome_emails force row level security;
do $$ begin
  if not exists (select 1 from pg_policy where polrelid = 'app_private.welcome_emails'::regclass) then
    perform app_private.add_owner_policies('app_private.welcome_emails'::regclass);
  end if;
end $$;
comment on table app_private.welcome_emails is
  E'Users who were sent the welcome email; claimed by the user__send_welcome_email task in the transaction that sends it.';
