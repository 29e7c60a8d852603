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
