--! Previous: sha1:494b023e3a352d2ffce6be82018631f414a0fd3e
--! Hash: sha1:d0d93d1b2fe9def4e2718b8da925de4ea7daee60
--! Message: entitlements, api keys, rate limits, service clients, events and webhooks, billing, custom domains, audit log

-- >>> service entitlements (issue 5 foundation)
/*
 * Services and what each workspace is entitled to. The service catalog names
 * the products behind permission prefixes (`blog:` -> blog); tenant_services
 * holds, per workspace, whether a service is enabled and its merged limits.
 * Billing (issue 6) rebuilds tenant_services from plan + add-ons; until then
 * new workspaces get the services marked `default_enabled`.
 *
 * Tokens carry the enabled services (`svc`), the server puts them in
 * jwt.claims.services, and policies test them with has_service(), so an
 * unentitled workspace is refused at the edge *and* in SQL.
 */
drop policy if exists select_reader on app_public.posts;
drop policy if exists insert_writer on app_public.posts;
drop policy if exists update_author_or_publisher on app_public.posts;
drop policy if exists delete_author_or_publisher on app_public.posts;
drop trigger if exists _510_default_services on app_public.tenants;
drop function if exists app_private.tg_tenants__default_services() cascade;
-- CASCADE: later blocks (api keys, billing) reference these; they recreate their own dependents below.
drop table if exists app_public.tenant_services cascade;
drop table if exists app_public.services cascade;
drop function if exists app_hidden.has_service(text) cascade;
drop function if exists app_hidden.current_services() cascade;

create function app_hidden.current_services() returns text[] as $$
  select coalesce(
    pg_catalog.string_to_array(nullif(pg_catalog.current_setting('jwt.claims.services', true), ''), ' '),
    '{}'::text[]
  );
$$ language sql stable;
comment on function app_hidden.current_services() is
  E'Services the active workspace is entitled to (from the verified token or API key); empty when none.';

create function app_hidden.has_service(service text) returns boolean as $$
  select coalesce(service = any (app_hidden.current_services()), false);
$$ language sql stable;
comment on function app_hidden.has_service(text) is
  E'True when the active workspace is entitled to `service`. Call it as `(select app_hidden.has_service(''blog''))` in policies.';

create table app_public.services (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 500),
  default_enabled boolean not null default false,
  default_limits jsonb not null default '{}' check (jsonb_typeof(default_limits) = 'object')
);
select app_private.add_owner_policies('app_public.services');
create policy select_all on app_public.services for select using (true);
grant select on app_public.services to app_anonymous, app_user, app_api_key;
comment on table app_public.services is E'Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`).';

insert into app_public.services (key, name, description, default_enabled, default_limits) values
  ('blog', 'Blog', 'Posts with drafts and publishing.', true, '{"posts": 100}');

create table app_public.tenant_services (
  tenant_id uuid not null references app_public.tenants on delete cascade,
  service text not null references app_public.services on delete cascade,
  enabled boolean not null default true,
  limits jsonb not null default '{}' check (jsonb_typeof(limits) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, service)
);
select app_private.add_owner_policies('app_public.tenant_services');
create index tenant_services_service_idx on app_public.tenant_services (service);
create trigger _100_timestamps before update on app_public.tenant_services
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.tenant_services is E'What this workspace is entitled to: each service, whether it is on, and its limits (rebuilt by billing).';

-- Members read their workspace's entitlements; nobody but the owner role (billing) writes them.
create policy select_member on app_public.tenant_services for select to app_user, app_api_key
  using (tenant_id = (select app_hidden.current_tenant_id()));
grant select on app_public.tenant_services to app_user, app_api_key;

create function app_private.tg_tenants__default_services() returns trigger as $$
begin
  insert into app_public.tenant_services (tenant_id, service, enabled, limits)
    select new.id, s.key, true, s.default_limits from app_public.services s where s.default_enabled
  on conflict do nothing;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _510_default_services after insert on app_public.tenants
  for each row execute procedure app_private.tg_tenants__default_services();
insert into app_public.tenant_services (tenant_id, service, enabled, limits)
  select t.id, s.key, true, s.default_limits from app_public.tenants t, app_public.services s where s.default_enabled
on conflict do nothing;

/* Tokens now carry the workspace's enabled services. */
create or replace function app_private.token_claims(p_user_id uuid, p_tenant_id uuid)
returns table (tenant_id uuid, role text, permissions text[], services text[]) as $$
declare
  v_membership app_public.memberships;
begin
  select m.* into v_membership from app_public.memberships m
   where m.user_id = p_user_id and (p_tenant_id is null or m.tenant_id = p_tenant_id)
   order by m.created_at, m.id limit 1;
  if v_membership.id is null then
    if p_tenant_id is null then
      return query select null::uuid, null::text, '{}'::text[], '{}'::text[];
      return;
    end if;
    raise exception 'You are not a member of that workspace.' using errcode = 'DNIED';
  end if;
  return query select v_membership.tenant_id,
    coalesce(v_membership.role, (select r.key from app_public.roles r where r.id = v_membership.custom_role_id)),
    app_private.membership_permissions(v_membership.role, v_membership.custom_role_id),
    array(select ts.service from app_public.tenant_services ts
           where ts.tenant_id = v_membership.tenant_id and ts.enabled order by ts.service);
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;

/* The blog module now also needs the workspace to be entitled to `blog`. */
create policy select_reader on app_public.posts for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_service('blog'))
         and (select app_hidden.has_permission('blog:posts.read')));
create policy insert_writer on app_public.posts for insert to app_user
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and author_id = (select app_hidden.current_user_id())
    and (select app_hidden.has_permission('blog:posts.write'))
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy update_author_or_publisher on app_public.posts for update to app_user
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (author_id = (select app_hidden.current_user_id()) and status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  )
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy delete_author_or_publisher on app_public.posts for delete to app_user
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (author_id = (select app_hidden.current_user_id()) and status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  );
-- <<< service entitlements (issue 5 foundation)
-- >>> service clients (issue 5)
/*
 * Machine-to-machine clients (OAuth client_credentials). Each internal service
 * that calls the /internal routes gets an id and a random secret; POST
 * /auth/service-token trades them for a short RS256 token (typ `svc+jwt`, its
 * own audience, so it is never accepted as a user access token).
 *
 * Only the SHA-256 of the secret is stored: secrets are 256 random bits, so a
 * slow hash (argon2id) would add latency without adding safety. The server
 * reads this table as the owner (rootPgPool); request roles have no USAGE on
 * app_private. Revoking sets revoked_at; the next token request fails
 * (CLCRD) and tokens already issued die within SERVICE_TOKEN_TTL_SECONDS.
 */
drop function if exists app_private.revoke_service_client(text);
drop function if exists app_private.create_service_client(text, text[]);
drop table if exists app_private.service_clients;

create table app_private.service_clients (
  id text primary key check (id ~ '^[a-z][a-z0-9_-]{1,62}$'),
  secret_hash bytea not null check (length(secret_hash) = 32),
  allowed_scopes text[] not null default '{}'
    check (array_position(allowed_scopes, null) is null),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
select app_private.add_owner_policies('app_private.service_clients');
comment on table app_private.service_clients is
  E'Internal service clients for POST /auth/service-token (client_credentials); secret stored as SHA-256.';

/* Returns the new secret once; only its hash is kept. Re-creating an id rotates its secret and un-revokes it. */
create function app_private.create_service_client(p_id text, p_scopes text[] default '{}') returns text as $$
declare
  v_secret text := encode(public.gen_random_bytes(32), 'hex');
begin
  if p_id is null or p_id !~ '^[a-z][a-z0-9_-]{1,62}$' then
    raise exception 'A service client id is 2-63 lowercase letters, digits, - or _, starting with a letter.' using errcode = 'INVLD';
  end if;
  insert into app_private.service_clients (id, secret_hash, allowed_scopes)
    values (p_id, public.digest(v_secret, 'sha256'), coalesce(p_scopes, '{}'))
  on conflict (id) do update
    set secret_hash = excluded.secret_hash, allowed_scopes = excluded.allowed_scopes, revoked_at = null;
  return v_secret;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.create_service_client(text, text[]) is
  E'Creates (or rotates) a service client and returns its secret, which is not stored and cannot be shown again.';

create function app_private.revoke_service_client(p_id text) returns boolean as $$
  with revoked as (
    update app_private.service_clients set revoked_at = now() where id = p_id and revoked_at is null returning 1
  )
  select exists (select 1 from revoked);
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.revoke_service_client(text) is
  E'Revokes a service client: no new service tokens; issued ones expire within SERVICE_TOKEN_TTL_SECONDS.';
-- <<< service clients (issue 5)

-- >>> rate limits (issue 5)
/*
 * Rate-limit counters shared by every server instance (rate-limiter-flexible's
 * Postgres store; server/src/middleware/installRateLimit.ts). The columns and
 * their order are exactly what the library would create itself (it inserts
 * `values ($1, $2, $3)`); the server passes `tableCreated: true` so it never
 * runs DDL. One row per `<limiter>:<subject>` key (`auth:ip:…`, `api:user:…`,
 * `tenant:…`); `expire` is the window's end in epoch milliseconds.
 *
 * UNLOGGED: counters are hot (one upsert per request and limiter) and worth
 * nothing after a Postgres crash, so they skip the WAL; a server restart keeps
 * them. fillfactor leaves room for HOT updates (only the key is indexed).
 * Owner-only: no grants, RLS forced with the owner's policies.
 */
drop table if exists app_private.rate_limits;
create unlogged table app_private.rate_limits (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
) with (fillfactor = 70);
select app_private.add_owner_policies('app_private.rate_limits');
comment on table app_private.rate_limits is
  E'Rate-limit counters (rate-limiter-flexible Postgres store), shared by all server instances; expired rows are swept by the server.';
-- <<< rate limits (issue 5)
-- >>> api keys (issue 5)
/*
 * API keys per workspace. `secret` keys (`ls_…`) are for servers; `publishable`
 * keys (`pk_…`) are for browsers: read-only, public resources only, and only
 * from their allowed domains. The plaintext is returned once by
 * create_api_key / roll_api_key; only its SHA-256 is kept, in app_private
 * (keys are 192 random bits, so a slow hash would add latency, not safety).
 *
 * Scopes are `{"blog": ["read", "write"]}`; api_key_scopes maps each
 * (service, scope) to permission strings, and the validate trigger stores the
 * expansion in api_keys.permissions, refusing unknown scopes, non-public
 * scopes on publishable keys, and anything the caller does not hold
 * (assert_grantable), so a key never outranks its creator.
 *
 * The server verifies a key with app_private.verify_api_key (owner pool) and
 * runs the request as app_api_key with the key's workspace, permissions and the
 * workspace's enabled services in the usual jwt.claims.* settings, so the
 * same helpers apply. Policies for app_api_key also look the key up
 * (current_api_key_type()), so revocation and expiry cut off data at once,
 * and a publishable key reads published posts only, whatever its settings say.
 */
drop function if exists app_private.touch_api_keys(uuid[]);
drop function if exists app_private.verify_api_key(bytea, interval);
drop function if exists app_public.revoke_api_key(uuid);
drop function if exists app_public.roll_api_key(uuid);
drop function if exists app_public.create_api_key(text, text, jsonb, text[], text);
drop type if exists app_public.created_api_key;
drop policy if exists select_api_key on app_public.posts;
drop policy if exists insert_api_key on app_public.posts;
drop policy if exists update_api_key on app_public.posts;
drop policy if exists delete_api_key on app_public.posts;
revoke all on app_public.posts from app_api_key;
drop function if exists app_hidden.current_api_key_type();
drop table if exists app_private.api_key_secrets;
drop table if exists app_public.api_keys;
drop function if exists app_private.tg_api_keys__validate() cascade;
drop table if exists app_public.api_key_scopes;
drop function if exists app_hidden.current_api_key_id();

create function app_hidden.current_api_key_id() returns uuid as $$
  select nullif(pg_catalog.current_setting('jwt.claims.api_key_id', true), '')::uuid;
$$ language sql stable;
comment on function app_hidden.current_api_key_id() is E'The API key the request authenticated with, or NULL.';

/* Table-driven scope map: what `{"<service>": ["<scope>"]}` grants. */
create table app_public.api_key_scopes (
  service text not null references app_public.services on delete cascade,
  scope text not null check (scope ~ '^[a-z][a-z0-9_]{0,39}$'),
  permission text not null references app_public.permissions on delete cascade,
  is_public boolean not null default false,
  primary key (service, scope, permission)
);
select app_private.add_owner_policies('app_public.api_key_scopes');
create index api_key_scopes_permission_idx on app_public.api_key_scopes (permission);
create policy select_all on app_public.api_key_scopes for select using (true);
grant select on app_public.api_key_scopes to app_anonymous, app_user, app_api_key;
comment on table app_public.api_key_scopes is E'What each API-key scope grants: `{"blog": ["read"]}` means every permission listed for (blog, read).';
comment on column app_public.api_key_scopes.is_public is E'True for read scopes on public resources: the only scopes a publishable key may hold.';

insert into app_public.api_key_scopes (service, scope, permission, is_public) values
  ('blog', 'read', 'blog:posts.read', true),
  ('blog', 'write', 'blog:posts.write', false),
  ('blog', 'publish', 'blog:posts.publish', false);

create table app_public.api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  name text not null check (length(name) between 1 and 100),
  type text not null check (type in ('secret', 'publishable')),
  prefix text not null check (prefix ~ '^(ls|pk)_[0-9a-f]{8}$'),
  scopes jsonb not null default '{}' check (jsonb_typeof(scopes) = 'object'),
  permissions text[] not null default '{}',
  allowed_domains text[] not null default '{}',
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, created_by) references app_public.memberships (tenant_id, user_id) on delete set null (created_by),
  constraint api_keys_prefix_matches_type check ((type = 'secret') = (prefix like 'ls\_%')),
  constraint api_keys_domains_publishable_only check (type = 'publishable' or cardinality(allowed_domains) = 0)
);
select app_private.add_owner_policies('app_public.api_keys');
create index api_keys_tenant_id_idx on app_public.api_keys (tenant_id, created_at, id);
create index api_keys_tenant_created_by_idx on app_public.api_keys (tenant_id, created_by);
create trigger _100_timestamps before insert or update on app_public.api_keys
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.api_keys is E'An API key of the workspace. The secret itself is shown once, at creation or roll; only a hash is kept.';
comment on column app_public.api_keys.type is E'`secret` (`ls_…`, servers only) or `publishable` (`pk_…`, browsers: public read scopes, allowed domains only).';
comment on column app_public.api_keys.prefix is E'The first characters of the secret, to recognise the key; not enough to use it.';
comment on column app_public.api_keys.scopes is E'Per-service scopes, e.g. `{"blog": ["read", "write"]}` (see apiKeyScopes).';
comment on column app_public.api_keys.permissions is E'The permission strings the scopes expand to (computed).';
comment on column app_public.api_keys.allowed_domains is E'Publishable keys only: hosts the key may be used from (`Origin`/`Referer`), e.g. `example.com` or `*.example.com`.';
comment on column app_public.api_keys.expires_at is E'When the key stops working; null = never.';
comment on column app_public.api_keys.last_used_at is E'Last successful use, to within about a minute.';
comment on column app_public.api_keys.revoked_at is E'When the key was revoked; revoked keys never work again.';

/*
 * Scopes and domains are validated and expanded here (on insert, and on
 * update of scopes or allowed_domains), for every writer including the owner.
 */
create function app_private.tg_api_keys__validate() returns trigger as $$
declare
  v_bad text;
begin
  if tg_op = 'UPDATE' and new.scopes is not distinct from old.scopes and new.allowed_domains is not distinct from old.allowed_domains then
    return new;
  end if;
  select string_agg(s.key, ', ' order by s.key) into v_bad from jsonb_each(new.scopes) s
   where jsonb_typeof(s.value) <> 'array' or jsonb_array_length(s.value) = 0;
  if v_bad is not null then
    raise exception 'Scopes map each service to a list of actions, e.g. {"blog": ["read"]}; fix: %.', v_bad using errcode = 'INVLD';
  end if;
  select string_agg(distinct s.key || ':' || (a.value #>> '{}'), ', ') into v_bad
    from jsonb_each(new.scopes) s, jsonb_array_elements(s.value) a
   where jsonb_typeof(a.value) <> 'string'
      or not exists (select 1 from app_public.api_key_scopes m where m.service = s.key and m.scope = a.value #>> '{}');
  if v_bad is not null then
    raise exception 'Unknown scope(s): %. See apiKeyScopes for valid service scopes.', v_bad using errcode = 'INVLD';
  end if;
  new.permissions := array(
    select distinct m.permission from jsonb_each(new.scopes) s, jsonb_array_elements_text(s.value) a(scope)
      join app_public.api_key_scopes m on m.scope = a.scope where m.service = s.key order by 1);
  new.allowed_domains := array(select distinct lower(btrim(d)) from unnest(new.allowed_domains) d order by 1);
  if new.type = 'publishable' then
    select string_agg(distinct m.service || ':' || m.scope, ', ') into v_bad
      from jsonb_each(new.scopes) s, jsonb_array_elements_text(s.value) a(scope)
      join app_public.api_key_scopes m on m.scope = a.scope where m.service = s.key and not m.is_public;
    if v_bad is not null then
      raise exception 'Publishable keys can only hold public read scopes; % needs a secret key.', v_bad using errcode = 'INVLD';
    end if;
    if cardinality(new.allowed_domains) = 0 then
      raise exception 'A publishable key needs at least one allowed domain, e.g. example.com or *.example.com.' using errcode = 'INVLD';
    end if;
    select string_agg(d, ', ') into v_bad from unnest(new.allowed_domains) d
     where d !~ '^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$' or length(d) > 253;
    if v_bad is not null then
      raise exception 'Allowed domains are host names such as example.com or *.example.com; fix: %.', v_bad using errcode = 'INVLD';
    end if;
  elsif cardinality(new.allowed_domains) > 0 then
    raise exception 'Only publishable keys have allowed domains; secret keys must not be used from browsers.' using errcode = 'INVLD';
  end if;
  perform app_hidden.assert_grantable(new.permissions);
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _200_validate before insert or update on app_public.api_keys
  for each row execute procedure app_private.tg_api_keys__validate();

-- Key managers see and rename the workspace's keys; creating, rolling and revoking go through the functions below.
create policy select_manager on app_public.api_keys for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('apikeys:manage')));
create policy update_manager on app_public.api_keys for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('apikeys:manage')))
  with check (tenant_id = (select app_hidden.current_tenant_id()));
grant select on app_public.api_keys to app_user;
grant update (name, scopes, allowed_domains) on app_public.api_keys to app_user;

/* Secrets: SHA-256 only. A roll supersedes the old secret, which then works for the configured grace period. */
create table app_private.api_key_secrets (
  secret_hash bytea primary key check (length(secret_hash) = 32),
  api_key_id uuid not null references app_public.api_keys on delete cascade,
  superseded_at timestamptz,
  created_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.api_key_secrets');
create index api_key_secrets_api_key_id_idx on app_private.api_key_secrets (api_key_id);
comment on table app_private.api_key_secrets is E'SHA-256 of each API key secret; superseded secrets (rolled) work for API_KEY_ROLL_GRACE_SECONDS.';

/* 'secret' or 'publishable' for the request's key while it is live (not revoked, not expired); NULL otherwise. */
create function app_hidden.current_api_key_type() returns text as $$
  select k.type from app_public.api_keys k
   where k.id = app_hidden.current_api_key_id() and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.current_api_key_type() is
  E'Type of the live API key the request uses (NULL when revoked, expired or none). Call it as `(select app_hidden.current_api_key_type())`.';

/*
 * Posts for API keys: secret keys by their permissions; publishable keys see
 * published posts and never write (the type comes from the key row, not from
 * the request's permissions).
 */
create policy select_api_key on app_public.posts for select to app_api_key
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and (select app_hidden.has_permission('blog:posts.read'))
    and ((select app_hidden.current_api_key_type()) = 'secret'
         or (status = 'published' and (select app_hidden.current_api_key_type()) = 'publishable'))
  );
create policy insert_api_key on app_public.posts for insert to app_api_key
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and (select app_hidden.current_api_key_type()) = 'secret'
    and author_id is null
    and (select app_hidden.has_permission('blog:posts.write'))
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy update_api_key on app_public.posts for update to app_api_key
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and (select app_hidden.current_api_key_type()) = 'secret'
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  )
  with check (
    tenant_id = (select app_hidden.current_tenant_id())
    and (status = 'draft' or (select app_hidden.has_permission('blog:posts.publish')))
  );
create policy delete_api_key on app_public.posts for delete to app_api_key
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and (select app_hidden.has_service('blog'))
    and (select app_hidden.current_api_key_type()) = 'secret'
    and ((select app_hidden.has_permission('blog:posts.publish'))
         or (status = 'draft' and (select app_hidden.has_permission('blog:posts.write'))))
  );
grant select, delete on app_public.posts to app_api_key;
grant insert (title, body, status), update (title, body, status) on app_public.posts to app_api_key;

/* What create_api_key and roll_api_key return: the key and, this once, its secret. */
create type app_public.created_api_key as (api_key app_public.api_keys, secret text);
comment on type app_public.created_api_key is E'A new or rolled API key with its secret. The secret is shown only here; store it now.';
comment on column app_public.created_api_key.secret is E'The full key (`ls_…` or `pk_…`). It cannot be shown again.';

/*
 * SECURITY DEFINER: they write app_private.api_key_secrets. Each checks the
 * caller first and works only in the caller's active workspace.
 */
create function app_public.create_api_key(
  name text, type text default 'secret', scopes jsonb default '{}', allowed_domains text[] default '{}', expires_in text default '90d'
) returns app_public.created_api_key as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_secret text;
  v_key app_public.api_keys;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage API keys.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('apikeys:manage') then
    raise exception 'You do not have permission to manage API keys.' using errcode = 'DNIED';
  end if;
  if create_api_key.type is null or create_api_key.type not in ('secret', 'publishable') then
    raise exception 'The key type is `secret` or `publishable`.' using errcode = 'INVLD';
  end if;
  if expires_in is null or expires_in not in ('30d', '90d', '1y', 'never') then
    raise exception 'Expiry is one of 30d, 90d, 1y or never.' using errcode = 'INVLD';
  end if;
  v_secret := (case create_api_key.type when 'secret' then 'ls_' else 'pk_' end) || encode(public.gen_random_bytes(24), 'hex');
  insert into app_public.api_keys (tenant_id, name, type, prefix, scopes, allowed_domains, expires_at, created_by)
    values (v_tenant, btrim(create_api_key.name), create_api_key.type, left(v_secret, 11),
            coalesce(create_api_key.scopes, '{}'), coalesce(create_api_key.allowed_domains, '{}'),
            now() + case expires_in when '30d' then interval '30 days' when '90d' then interval '90 days'
                                    when '1y' then interval '1 year' else null end,
            app_hidden.current_user_id())
    returning * into v_key;
  insert into app_private.api_key_secrets (secret_hash, api_key_id) values (public.digest(v_secret, 'sha256'), v_key.id);
  perform app_private.publish_event(v_tenant, 'apikey.created', jsonb_build_object('apiKeyId', v_key.id, 'type', v_key.type, 'prefix', v_key.prefix));
  return row(v_key, v_secret)::app_public.created_api_key;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.create_api_key(text, text, jsonb, text[], text) is
  E'Creates an API key in the active workspace and returns its secret, once. `type`: secret or publishable; `scopes`: e.g. {"blog": ["read"]}; `allowedDomains`: publishable keys only; `expiresIn`: 30d, 90d, 1y or never. Needs `apikeys:manage`; a key cannot hold permissions you do not hold.';

create function app_public.roll_api_key(api_key_id uuid) returns app_public.created_api_key as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_secret text;
  v_key app_public.api_keys;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage API keys.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('apikeys:manage') then
    raise exception 'You do not have permission to manage API keys.' using errcode = 'DNIED';
  end if;
  select k.* into v_key from app_public.api_keys k where k.id = roll_api_key.api_key_id and k.tenant_id = v_tenant for update;
  if v_key.id is null then
    raise exception 'No API key with that id in this workspace.' using errcode = 'NTFND';
  end if;
  if v_key.revoked_at is not null or (v_key.expires_at is not null and v_key.expires_at <= now()) then
    raise exception 'This key is revoked or expired and cannot be rolled; create a new key.' using errcode = 'INVLD';
  end if;
  -- A new secret re-issues the key's permissions: only someone holding them may do that.
  perform app_hidden.assert_grantable(v_key.permissions);
  update app_private.api_key_secrets s set superseded_at = now() where s.api_key_id = v_key.id and s.superseded_at is null;
  delete from app_private.api_key_secrets s where s.api_key_id = v_key.id and s.superseded_at < now() - interval '30 days';
  v_secret := left(v_key.prefix, 3) || encode(public.gen_random_bytes(24), 'hex');
  insert into app_private.api_key_secrets (secret_hash, api_key_id) values (public.digest(v_secret, 'sha256'), v_key.id);
  update app_public.api_keys k set prefix = left(v_secret, 11) where k.id = v_key.id returning * into v_key;
  perform app_private.publish_event(v_tenant, 'apikey.rolled', jsonb_build_object('apiKeyId', v_key.id, 'prefix', v_key.prefix));
  return row(v_key, v_secret)::app_public.created_api_key;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.roll_api_key(uuid) is
  E'Gives an API key a new secret (returned once). The old secret keeps working for the server''s grace period (API_KEY_ROLL_GRACE_SECONDS, 24 h by default). Needs `apikeys:manage`.';

create function app_public.revoke_api_key(api_key_id uuid) returns app_public.api_keys as $$
declare
  v_key app_public.api_keys;
begin
  if not app_hidden.has_permission('apikeys:manage') or app_hidden.current_user_id() is null then
    raise exception 'You do not have permission to manage API keys.' using errcode = 'DNIED';
  end if;
  update app_public.api_keys k set revoked_at = now()
   where k.id = revoke_api_key.api_key_id and k.tenant_id = app_hidden.current_tenant_id() and k.revoked_at is null
   returning * into v_key;
  if v_key.id is null then
    select k.* into v_key from app_public.api_keys k where k.id = revoke_api_key.api_key_id and k.tenant_id = app_hidden.current_tenant_id();
    if v_key.id is null then
      raise exception 'No API key with that id in this workspace.' using errcode = 'NTFND';
    end if;
    return v_key; -- already revoked
  end if;
  perform app_private.publish_event(v_key.tenant_id, 'apikey.revoked', jsonb_build_object('apiKeyId', v_key.id, 'prefix', v_key.prefix));
  return v_key;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.revoke_api_key(uuid) is
  E'Revokes an API key of the active workspace for good: data access stops at once, and requests are refused within the server''s key cache time (API_KEY_CACHE_SECONDS). Needs `apikeys:manage`.';

/*
 * The server's lookup (owner pool, outside the request transaction): the key
 * behind a secret hash, its state, the permissions of services the workspace
 * still has, and those services.
 */
create function app_private.verify_api_key(p_hash bytea, p_grace interval)
returns table (api_key_id uuid, tenant_id uuid, type text, permissions text[], services text[], allowed_domains text[], expires_at timestamptz, state text) as $$
  select k.id, k.tenant_id, k.type,
    array(select p from unnest(k.permissions) p
           where exists (select 1 from app_public.api_key_scopes m join app_public.tenant_services ts on ts.service = m.service
                          where m.permission = p and ts.tenant_id = k.tenant_id and ts.enabled) order by 1),
    array(select ts.service from app_public.tenant_services ts where ts.tenant_id = k.tenant_id and ts.enabled order by 1),
    k.allowed_domains, k.expires_at,
    case when k.revoked_at is not null then 'revoked'
         when k.expires_at is not null and k.expires_at <= now() then 'expired'
         when s.superseded_at is not null and s.superseded_at + p_grace <= now() then 'rolled'
         else 'active' end
    from app_private.api_key_secrets s join app_public.api_keys k on k.id = s.api_key_id
   where s.secret_hash = p_hash;
$$ language sql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.verify_api_key(bytea, interval) is
  E'Looks up an API key by the SHA-256 of its secret; state is active, revoked, expired or rolled (superseded longer than p_grace ago).';

/* Batched last_used_at: at most one write per key per minute, however many requests. */
create function app_private.touch_api_keys(p_ids uuid[]) returns void as $$
  update app_public.api_keys set last_used_at = now()
   where id = any (p_ids) and (last_used_at is null or last_used_at < now() - interval '1 minute');
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.touch_api_keys(uuid[]) is E'Records API key use (called by the server in batches).';
-- <<< api keys (issue 5)
-- >>> event bus and webhooks (issue 7)
/*
 * Event bus. Producers call app_private.publish_event() in their own
 * transaction (the outbox, app_private.events, from 000003); this block adds:
 *   - app_public.event_types: the catalog, a JSON schema per type. Inserts into
 *     the outbox are checked against it (known type, required keys, size), so a
 *     producer with a typo fails in its own tests instead of emitting junk.
 *   - an insert trigger queueing `events__dispatch`, which fans out in one
 *     transaction: a webhook_deliveries row + `webhooks__deliver` job per
 *     matching endpoint, and one `events__subscriber` job per internal
 *     subscriber (functions/src/subscribers), so subscribers fail alone.
 *   - webhook endpoints per workspace (signing secrets in app_private), every
 *     delivery attempt recorded, replay; notifications and their preferences.
 * Retry timing, SSRF checks at connect time and signing live in the worker
 * (functions/src/lib/webhooks); SQL records results and schedules the next job.
 */
drop function if exists app_public.mark_all_notifications_read();
drop function if exists app_public.mark_notification_read(uuid);
drop function if exists app_private.notify_event(uuid);
drop table if exists app_public.notifications;
drop table if exists app_public.notification_preferences;
drop function if exists app_public.replay_failed_webhook_deliveries(uuid, timestamptz);
drop function if exists app_public.replay_webhook_delivery(uuid);
drop function if exists app_private.record_webhook_attempt(uuid, int, int, text, text, boolean, numeric, interval);
drop function if exists app_private.dispatch_event(uuid, text[]);
drop function if exists app_public.rotate_webhook_secret(uuid, int);
drop function if exists app_public.create_webhook_endpoint(text, text[], text);
drop type if exists app_public.created_webhook_endpoint;
drop table if exists app_public.webhook_attempts;
drop table if exists app_public.webhook_deliveries;
drop table if exists app_private.webhook_secrets;
drop table if exists app_public.webhook_endpoints;
drop function if exists app_private.tg_webhook_endpoints__validate() cascade;
drop function if exists app_private.webhook_url_problem(text);
drop function if exists app_private.is_private_address(inet);
drop trigger if exists _900_publish_created on app_public.users;
drop function if exists app_private.tg_users__publish_created() cascade;
drop trigger if exists _900_dispatch on app_private.events;
drop trigger if exists _200_validate on app_private.events;
drop function if exists app_private.tg_events__dispatch() cascade;
drop function if exists app_private.tg_events__validate() cascade;
alter table if exists app_private.events drop column if exists dispatched_at;
drop table if exists app_public.event_types;

/* The catalog. Global (not tenant-owned): everyone signed in may read it; only migrations change it. */
create table app_public.event_types (
  key text primary key check (key ~ '^[a-z]+(\.[a-z_]+)+$'),
  description text not null check (length(description) between 1 and 500),
  schema jsonb not null check (jsonb_typeof(schema) = 'object' and schema->>'type' = 'object'),
  notify text not null default 'none' check (notify in ('none', 'affected_user', 'billing_managers', 'webhook_managers'))
);
select app_private.add_owner_policies('app_public.event_types');
create policy select_all on app_public.event_types for select using (true);
grant select on app_public.event_types to app_user, app_api_key;
comment on table app_public.event_types is E'Every event type the platform emits, with the JSON schema of its payload. Webhook endpoints filter on these keys.';
comment on column app_public.event_types.schema is E'JSON schema of the payload (`required` keys are enforced when the event is recorded).';
comment on column app_public.event_types.notify is E'Who gets a notification: none, the affected user (`payload.userId`), billing managers or webhook managers.';

insert into app_public.event_types (key, description, schema, notify)
select key, description,
       jsonb_build_object('type', 'object', 'required', to_jsonb(required),
         'properties', (select coalesce(jsonb_object_agg(r, jsonb_build_object('type', 'string')), '{}') from unnest(required) r)),
       notify
  from (values
  ('user.created', 'A user signed up.', array['userId'], 'none'),
  ('tenant.created', 'A workspace was created.', array['tenantId', 'name', 'slug'], 'none'),
  ('tenant.deleted', 'A workspace was deleted.', array['tenantId'], 'none'),
  ('member.invited', 'Someone was invited to the workspace.', array['invitationId', 'email'], 'none'),
  ('member.joined', 'An invitation was accepted.', array['userId'], 'affected_user'),
  ('member.removed', 'A member was removed or left.', array['membershipId', 'userId'], 'affected_user'),
  ('role.changed', 'A member''s role changed.', array['membershipId', 'userId'], 'affected_user'),
  ('apikey.created', 'An API key was created.', array['apiKeyId'], 'none'),
  ('apikey.rolled', 'An API key''s secret was rolled.', array['apiKeyId'], 'none'),
  ('apikey.revoked', 'An API key was revoked.', array['apiKeyId'], 'none'),
  -- Billing (issue 6) owns these payloads; required keys stay empty until it settles them.
  ('subscription.activated', 'A subscription became active.', array[]::text[], 'billing_managers'),
  ('subscription.cancelled', 'A subscription was cancelled.', array[]::text[], 'billing_managers'),
  ('invoice.paid', 'An invoice was paid.', array[]::text[], 'billing_managers'),
  ('payment.failed', 'A payment failed.', array[]::text[], 'billing_managers'),
  ('wallet.credited', 'Coins were credited to the wallet.', array[]::text[], 'none'),
  ('addon.purchased', 'An add-on was purchased.', array[]::text[], 'billing_managers'),
  ('entitlements.changed', 'The workspace''s services or limits changed.', array[]::text[], 'none'),
  ('blog.post.published', 'A blog post was published.', array['postId', 'title'], 'none'),
  ('endpoint.disabled', 'A webhook endpoint was disabled after failing continuously.', array['endpointId', 'url'], 'webhook_managers')
  ) as t(key, description, required, notify);

/* Outbox: validated on the way in, and dispatched exactly once (dispatched_at). */
alter table app_private.events add column dispatched_at timestamptz;

create function app_private.tg_events__validate() returns trigger as $$
declare
  v_schema jsonb;
  v_missing text[];
begin
  select t.schema into v_schema from app_public.event_types t where t.key = new.type;
  if v_schema is null then
    raise exception 'Unknown event type "%"; add it to app_public.event_types first.', new.type using errcode = 'EVTYP';
  end if;
  if jsonb_typeof(new.payload) <> 'object' or octet_length(new.payload::text) > 65536 then
    raise exception 'The payload of a "%" event must be a JSON object of at most 64 KiB.', new.type using errcode = 'EVBAD';
  end if;
  v_missing := array(select r from jsonb_array_elements_text(v_schema->'required') r where not new.payload ? r);
  if cardinality(v_missing) > 0 then
    raise exception 'The payload of a "%" event lacks %.', new.type, array_to_string(v_missing, ', ') using errcode = 'EVBAD';
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _200_validate before insert on app_private.events
  for each row execute procedure app_private.tg_events__validate();

create function app_private.tg_events__dispatch() returns trigger as $$
begin
  perform app_private.add_job('events__dispatch', json_build_object('id', new.id), max_attempts := 25);
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _900_dispatch after insert on app_private.events
  for each row execute procedure app_private.tg_events__dispatch();

/* user.created: no workspace (webhooks never see it); internal subscribers do. */
create function app_private.tg_users__publish_created() returns trigger as $$
begin
  perform app_private.publish_event(null, 'user.created', jsonb_build_object('userId', new.id));
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _900_publish_created after insert on app_public.users
  for each row execute procedure app_private.tg_users__publish_created();

/*
 * The invitation email moves behind the member.invited subscriber
 * (functions/src/subscribers), which queues invitations__send with a job key:
 * the trigger now only records the event, so the email is sent once.
 */
create or replace function app_private.tg_invitations__send() returns trigger as $$
begin
  perform app_private.publish_event(new.tenant_id, 'member.invited',
    jsonb_build_object('invitationId', new.id, 'email', new.email, 'role', coalesce(new.role, 'custom')));
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * SSRF, first line: refuse URLs that name a private, loopback, link-local or
 * metadata address literally, or carry credentials. The worker checks again
 * at connect time (names can resolve anywhere, and DNS can change). The
 * server puts WEBHOOK_ALLOWED_HOSTS into `webhooks.allowed_hosts`.
 */
create function app_private.is_private_address(a inet) returns boolean as $$
  select a <<= any (array['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
                          '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/3',
                          '::/127', '::ffff:0:0/96', '64:ff9b::/96', 'fc00::/7', 'fe80::/10', 'ff00::/8']::inet[]);
$$ language sql immutable set search_path to pg_catalog, public, pg_temp;

create function app_private.webhook_url_problem(p_url text) returns text as $$
declare
  v_m text[];
  v_host text;
  v_allowed text[] := string_to_array(lower(nullif(btrim(pg_catalog.current_setting('webhooks.allowed_hosts', true)), '')), ' ');
  v_addr inet;
begin
  if p_url is null or length(p_url) > 2048 then return 'Give a URL of at most 2048 characters.'; end if;
  if p_url !~* '^https?://' then return 'Webhook URLs must start with http:// or https://.'; end if;
  v_m := regexp_match(p_url, '^https?://([^/?#]*)([/?#].*)?$', 'i');
  if v_m is null or v_m[1] like '%@%' then return 'Give a URL without credentials, like https://example.com/webhooks.'; end if;
  v_m := regexp_match(v_m[1], '^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$');
  if v_m is null then return 'The URL''s host is not valid.'; end if;
  v_host := lower(trim(both '[]' from v_m[1]));
  if v_host = any (coalesce(v_allowed, '{}')) then return null; end if;
  if v_host ~ '^[0-9.]+$' or v_host ~ '^0x' or v_host like '%:%' then
    begin
      v_addr := v_host::inet;
    exception when others then
      return 'The URL''s host is not a valid address.';
    end;
    if v_host ~ '^[0-9.]+$' and v_host !~ '^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$' then return 'The URL''s host is not a valid address.'; end if;
    if app_private.is_private_address(v_addr) then return 'Webhook URLs may not point to private, loopback or link-local addresses.'; end if;
  elsif v_host = 'localhost' or v_host like '%.localhost' or v_host like '%.internal' or v_host like '%.local' or v_host !~ '\.' then
    return 'Webhook URLs must use a public host name.';
  end if;
  return null;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.webhook_url_problem(text) is
  E'Why a webhook URL is refused (scheme, credentials, literal private address, local name), or NULL when it is acceptable.';

create table app_public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  url text not null,
  description text not null default '' check (length(description) <= 500),
  event_types text[] not null default '{}' check (cardinality(event_types) <= 100),
  is_enabled boolean not null default true,
  disabled_reason text,
  failing_since timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, created_by) references app_public.memberships (tenant_id, user_id) on delete set null (created_by)
);
select app_private.add_owner_policies('app_public.webhook_endpoints');
create index webhook_endpoints_tenant_id_idx on app_public.webhook_endpoints (tenant_id, created_at, id);
create index webhook_endpoints_tenant_created_by_idx on app_public.webhook_endpoints (tenant_id, created_by);
create trigger _100_timestamps before insert or update on app_public.webhook_endpoints
  for each row execute procedure app_private.tg__timestamps();
create policy select_manager on app_public.webhook_endpoints for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('webhooks:manage')));
create policy update_manager on app_public.webhook_endpoints for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('webhooks:manage')))
  with check (tenant_id = (select app_hidden.current_tenant_id()));
create policy delete_manager on app_public.webhook_endpoints for delete to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('webhooks:manage')));
-- Created only through create_webhook_endpoint (it returns the secret once); edited and deleted directly.
grant select, delete on app_public.webhook_endpoints to app_user;
grant update (url, description, event_types, is_enabled) on app_public.webhook_endpoints to app_user;
comment on table app_public.webhook_endpoints is E'Where the workspace''s events are POSTed, signed per Standard Webhooks. Create with createWebhookEndpoint; needs `webhooks:manage`.';
comment on column app_public.webhook_endpoints.url is E'An http(s) URL on a public host; private, loopback and link-local addresses are refused, also when a name resolves to one.';
comment on column app_public.webhook_endpoints.event_types is E'Event types to deliver (keys of eventTypes); empty = all.';
comment on column app_public.webhook_endpoints.is_enabled is E'Disabled endpoints receive nothing. The platform disables an endpoint that fails continuously (WEBHOOK_DISABLE_AFTER_SECONDS); enabling it again resets that.';
comment on column app_public.webhook_endpoints.disabled_reason is E'Why the platform disabled the endpoint, if it did.';
comment on column app_public.webhook_endpoints.failing_since is E'Start of the current run of failed attempts; null after a success.';

/* Validation for every writer; re-enabling clears the failure state. SECURITY DEFINER: it reads app_private helpers. */
create function app_private.tg_webhook_endpoints__validate() returns trigger as $$
declare
  v_problem text;
  v_unknown text;
begin
  new.url := btrim(new.url);
  new.description := btrim(coalesce(new.description, ''));
  new.event_types := array(select distinct t from unnest(coalesce(new.event_types, '{}')) t order by 1);
  if tg_op = 'INSERT' or new.url is distinct from old.url then
    v_problem := app_private.webhook_url_problem(new.url);
    if v_problem is not null then
      raise exception '%', v_problem using errcode = 'WHURL';
    end if;
  end if;
  select t into v_unknown from unnest(new.event_types) t where not exists (select 1 from app_public.event_types e where e.key = t) limit 1;
  if v_unknown is not null then
    raise exception 'Unknown event type "%"; see eventTypes for the list.', left(v_unknown, 100) using errcode = 'EVTYP';
  end if;
  if tg_op = 'UPDATE' and new.is_enabled and not old.is_enabled then
    new.failing_since := null;
    new.disabled_reason := null;
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _200_validate before insert or update on app_public.webhook_endpoints
  for each row execute procedure app_private.tg_webhook_endpoints__validate();

/* Signing secrets. Several may be live at once: after a rotation the old one signs until expires_at. */
create table app_private.webhook_secrets (
  id uuid primary key default gen_random_uuid(),
  endpoint_id uuid not null references app_public.webhook_endpoints on delete cascade,
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{32,}$'),
  expires_at timestamptz,
  created_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.webhook_secrets');
create index webhook_secrets_endpoint_id_idx on app_private.webhook_secrets (endpoint_id);

/* One row per (event, endpoint); its attempts below. Written by the worker only. */
create table app_public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  endpoint_id uuid not null,
  event_id uuid not null,
  event_type text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempt_count int not null default 0,
  retry_index int not null default 0,
  next_attempt_at timestamptz default now(),
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, endpoint_id, event_id),
  foreign key (tenant_id, endpoint_id) references app_public.webhook_endpoints (tenant_id, id) on delete cascade
);
select app_private.add_owner_policies('app_public.webhook_deliveries');
create index webhook_deliveries_tenant_id_idx on app_public.webhook_deliveries (tenant_id, created_at, id);
create index webhook_deliveries_endpoint_status_idx on app_public.webhook_deliveries (tenant_id, endpoint_id, status, created_at);
create trigger _100_timestamps before insert or update on app_public.webhook_deliveries
  for each row execute procedure app_private.tg__timestamps();
create policy select_manager on app_public.webhook_deliveries for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('webhooks:manage')));
grant select on app_public.webhook_deliveries to app_user;
comment on table app_public.webhook_deliveries is E'One event for one endpoint: its status and attempts. `id` is the `webhook-id` header, the same on every retry and replay (receivers deduplicate on it).';
comment on column app_public.webhook_deliveries.status is E'pending (queued or waiting to retry), succeeded (a 2xx answer) or failed (retries exhausted, or the endpoint is disabled).';
comment on column app_public.webhook_deliveries.retry_index is E'Attempts in the current series (a replay starts a new series).';

create table app_public.webhook_attempts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  delivery_id uuid not null,
  status_code int,
  duration_ms int not null,
  error text,
  response_body text check (length(response_body) <= 2048),
  is_success boolean not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, delivery_id) references app_public.webhook_deliveries (tenant_id, id) on delete cascade
);
select app_private.add_owner_policies('app_public.webhook_attempts');
create index webhook_attempts_tenant_id_idx on app_public.webhook_attempts (tenant_id, delivery_id, created_at);
create policy select_manager on app_public.webhook_attempts for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('webhooks:manage')));
grant select on app_public.webhook_attempts to app_user;
comment on table app_public.webhook_attempts is E'Every HTTP attempt of a delivery: status code, duration, error, and the first 2 KiB of the response.';

create type app_public.created_webhook_endpoint as (webhook_endpoint app_public.webhook_endpoints, secret text);
comment on type app_public.created_webhook_endpoint is E'A new endpoint, or one whose secret was rotated, with its signing secret. The secret is shown only here; store it now.';
comment on column app_public.created_webhook_endpoint.secret is E'The signing secret (`whsec_…`) for the Standard Webhooks verifier. It cannot be shown again.';

create function app_public.create_webhook_endpoint(url text, event_types text[] default '{}', description text default '')
returns app_public.created_webhook_endpoint as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_secret text := 'whsec_' || encode(public.gen_random_bytes(32), 'base64');
  v_endpoint app_public.webhook_endpoints;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage webhooks.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('webhooks:manage') then
    raise exception 'You do not have permission to manage webhooks.' using errcode = 'DNIED';
  end if;
  insert into app_public.webhook_endpoints (tenant_id, url, event_types, description, created_by)
    values (v_tenant, create_webhook_endpoint.url, coalesce(create_webhook_endpoint.event_types, '{}'),
            coalesce(create_webhook_endpoint.description, ''), app_hidden.current_user_id())
    returning * into v_endpoint;
  insert into app_private.webhook_secrets (endpoint_id, secret) values (v_endpoint.id, v_secret);
  return row(v_endpoint, v_secret)::app_public.created_webhook_endpoint;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.create_webhook_endpoint(text, text[], text) is
  E'Adds a webhook endpoint to the active workspace and returns its signing secret, once. `eventTypes`: keys of eventTypes, empty = all. Needs `webhooks:manage`.';

create function app_public.rotate_webhook_secret(endpoint_id uuid, overlap_seconds int default 86400)
returns app_public.created_webhook_endpoint as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_secret text := 'whsec_' || encode(public.gen_random_bytes(32), 'base64');
  v_endpoint app_public.webhook_endpoints;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to manage webhooks.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('webhooks:manage') then
    raise exception 'You do not have permission to manage webhooks.' using errcode = 'DNIED';
  end if;
  if overlap_seconds is null or overlap_seconds not between 0 and 604800 then
    raise exception 'The overlap is between 0 seconds and 7 days.' using errcode = 'INVLD';
  end if;
  select * into v_endpoint from app_public.webhook_endpoints e where e.id = rotate_webhook_secret.endpoint_id and e.tenant_id = v_tenant;
  if v_endpoint.id is null then
    raise exception 'No such webhook endpoint.' using errcode = 'NTFND';
  end if;
  update app_private.webhook_secrets s set expires_at = least(coalesce(s.expires_at, 'infinity'), now() + make_interval(secs => overlap_seconds))
   where s.endpoint_id = v_endpoint.id;
  insert into app_private.webhook_secrets (endpoint_id, secret) values (v_endpoint.id, v_secret);
  return row(v_endpoint, v_secret)::app_public.created_webhook_endpoint;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.rotate_webhook_secret(uuid, int) is
  E'Issues a new signing secret and returns it, once. The previous secrets keep signing (every message carries one signature per live secret) for `overlapSeconds` (default a day), so receivers can switch without losing messages. Needs `webhooks:manage`.';

/*
 * Fan-out, called by the events__dispatch task with the names of the internal
 * subscribers for the type. One transaction: deliveries, their jobs, the
 * subscriber jobs and dispatched_at, so a crash repeats all of it or none.
 */
create function app_private.dispatch_event(p_event_id uuid, p_subscribers text[]) returns int as $$
declare
  v_event app_private.events;
  v_delivery record;
  v_count int := 0;
  v_name text;
begin
  select * into v_event from app_private.events where id = p_event_id for update;
  if v_event.id is null or v_event.dispatched_at is not null then
    return 0;
  end if;
  if v_event.tenant_id is not null then
    for v_delivery in
      insert into app_public.webhook_deliveries (tenant_id, endpoint_id, event_id, event_type)
      select e.tenant_id, e.id, v_event.id, v_event.type
        from app_public.webhook_endpoints e
       where e.tenant_id = v_event.tenant_id and e.is_enabled
         and (cardinality(e.event_types) = 0 or v_event.type = any (e.event_types))
      on conflict (tenant_id, endpoint_id, event_id) do nothing
      returning id
    loop
      perform app_private.add_job('webhooks__deliver', json_build_object('deliveryId', v_delivery.id),
        job_key := 'webhooks__deliver:' || v_delivery.id, max_attempts := 5);
      v_count := v_count + 1;
    end loop;
  end if;
  foreach v_name in array coalesce(p_subscribers, '{}') loop
    perform app_private.add_job('events__subscriber', json_build_object('eventId', v_event.id, 'subscriber', v_name),
      job_key := 'events__subscriber:' || v_name || ':' || v_event.id, max_attempts := 10);
  end loop;
  update app_private.events set dispatched_at = now() where id = v_event.id;
  return v_count;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.dispatch_event(uuid, text[]) is
  E'Fans an event out to webhook deliveries and subscriber jobs, once; returns the number of deliveries.';

/*
 * Records one attempt and decides what happens next, in one transaction:
 * success ends the delivery and the endpoint's failure run; a failure
 * schedules the next attempt after p_next_delay seconds (NULL = schedule
 * exhausted), and an endpoint failing for longer than p_disable_after is
 * disabled with an endpoint.disabled event. Returns the delivery's status.
 */
create function app_private.record_webhook_attempt(
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
  select * into v_endpoint from app_public.webhook_endpoints where id = v_delivery.endpoint_id for update;
  if p_success then
    update app_public.webhook_endpoints set failing_since = null where id = v_endpoint.id and failing_since is not null;
    v_status := 'succeeded';
  else
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

/* Replay: a new series of attempts with the same webhook-id. SECURITY DEFINER for add_job; checks first. */
create function app_public.replay_webhook_delivery(delivery_id uuid) returns app_public.webhook_deliveries as $$
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
  return v_delivery;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.replay_webhook_delivery(uuid) is
  E'Sends a delivery again (a new series of retries, same `webhook-id`), whatever its status. Needs `webhooks:manage`.';

create function app_public.replay_failed_webhook_deliveries(endpoint_id uuid, since timestamptz) returns int as $$
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
  return v_count;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.replay_failed_webhook_deliveries(uuid, timestamptz) is
  E'Replays every failed delivery of an endpoint created at or after `since`; returns how many. Enable the endpoint first if it was disabled. Needs `webhooks:manage`.';

/*
 * Notifications. Preferences are per user (not per workspace), per event type
 * and channel; without a row, in_app is on and email and slack are off.
 */
create table app_public.notification_preferences (
  user_id uuid not null default app_hidden.current_user_id() references app_public.users on delete cascade,
  event_type text not null references app_public.event_types on delete cascade,
  channel text not null check (channel in ('in_app', 'email', 'slack')),
  is_enabled boolean not null default true,
  slack_webhook_url text check (slack_webhook_url ~ '^https://hooks\.slack\.com/services/[A-Za-z0-9/_-]+$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, event_type, channel),
  constraint notification_preferences_slack_url check ((channel = 'slack') = (slack_webhook_url is not null))
);
select app_private.add_owner_policies('app_public.notification_preferences');
create index notification_preferences_event_type_idx on app_public.notification_preferences (event_type);
create trigger _100_timestamps before insert or update on app_public.notification_preferences
  for each row execute procedure app_private.tg__timestamps();
create policy select_self on app_public.notification_preferences for select to app_user using (user_id = (select app_hidden.current_user_id()));
create policy insert_self on app_public.notification_preferences for insert to app_user with check (user_id = (select app_hidden.current_user_id()));
create policy update_self on app_public.notification_preferences for update to app_user using (user_id = (select app_hidden.current_user_id()));
create policy delete_self on app_public.notification_preferences for delete to app_user using (user_id = (select app_hidden.current_user_id()));
grant select, delete on app_public.notification_preferences to app_user;
grant insert (event_type, channel, is_enabled, slack_webhook_url), update (is_enabled, slack_webhook_url) on app_public.notification_preferences to app_user;
comment on table app_public.notification_preferences is E'Your notification choices per event type and channel (in_app, email, slack). Without a row: in-app on, email and Slack off.';
comment on column app_public.notification_preferences.slack_webhook_url is E'For channel slack: your Slack incoming-webhook URL (https://hooks.slack.com/services/…).';

create table app_public.notifications (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  user_id uuid not null,
  event_id uuid not null,
  event_type text not null,
  title text not null,
  data jsonb not null default '{}',
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, user_id, event_id),
  foreign key (tenant_id, user_id) references app_public.memberships (tenant_id, user_id) on delete cascade
);
select app_private.add_owner_policies('app_public.notifications');
create index notifications_tenant_id_idx on app_public.notifications (tenant_id, user_id, created_at, id);
create policy select_self on app_public.notifications for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and user_id = (select app_hidden.current_user_id()));
create policy update_self on app_public.notifications for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and user_id = (select app_hidden.current_user_id()));
create policy delete_self on app_public.notifications for delete to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and user_id = (select app_hidden.current_user_id()));
grant select, delete on app_public.notifications to app_user;
grant update (read_at) on app_public.notifications to app_user;
comment on table app_public.notifications is E'Your in-app notifications in the active workspace.';
comment on column app_public.notifications.read_at is E'When you marked it read; null = unread.';

create function app_public.mark_notification_read(notification_id uuid) returns app_public.notifications as $$
  update app_public.notifications set read_at = coalesce(read_at, now()) where id = notification_id returning *;
$$ language sql volatile;
comment on function app_public.mark_notification_read(uuid) is E'Marks one of your notifications read.';

create function app_public.mark_all_notifications_read() returns int as $$
  with u as (update app_public.notifications set read_at = now() where read_at is null and user_id = app_hidden.current_user_id() returning 1)
  select count(*)::int from u;
$$ language sql volatile;
comment on function app_public.mark_all_notifications_read() is E'Marks all your notifications in the active workspace read; returns how many.';

/*
 * Run by the `notifications` subscriber: recipients by the type's `notify`
 * rule, channels by preference. In-app rows are written here (idempotent per
 * user and event); email and Slack go out as their own jobs.
 */
create function app_private.notify_event(p_event_id uuid) returns int as $$
declare
  v_event app_private.events;
  v_rule text;
  v_user uuid;
  v_count int := 0;
  v_title text;
  v_pref record;
begin
  select * into v_event from app_private.events where id = p_event_id;
  select notify into v_rule from app_public.event_types where key = v_event.type;
  if v_event.tenant_id is null or v_rule is null or v_rule = 'none' then return 0; end if;
  v_title := case v_event.type
    when 'member.joined' then 'You joined the workspace.'
    when 'member.removed' then 'You were removed from the workspace.'
    when 'role.changed' then 'Your role changed to ' || coalesce(v_event.payload->>'role', 'a custom role') || '.'
    when 'invoice.paid' then 'An invoice was paid.'
    when 'payment.failed' then 'A payment failed; check the payment method.'
    when 'endpoint.disabled' then 'A webhook endpoint was disabled after failing continuously.'
    else (select description from app_public.event_types where key = v_event.type) end;
  for v_user in
    select m.user_id from app_public.memberships m
     where m.tenant_id = v_event.tenant_id
       and case v_rule
             when 'affected_user' then m.user_id::text = v_event.payload->>'userId'
             when 'billing_managers' then 'billing:manage' = any (app_private.membership_permissions(m.role, m.custom_role_id))
             when 'webhook_managers' then 'webhooks:manage' = any (app_private.membership_permissions(m.role, m.custom_role_id))
           end
  loop
    for v_pref in
      select c.channel, coalesce(p.is_enabled, c.channel = 'in_app') as on, p.slack_webhook_url
        from unnest(array['in_app', 'email', 'slack']) c(channel)
        left join app_public.notification_preferences p on p.user_id = v_user and p.event_type = v_event.type and p.channel = c.channel
    loop
      continue when not v_pref.on;
      if v_pref.channel = 'in_app' then
        insert into app_public.notifications (tenant_id, user_id, event_id, event_type, title, data)
          values (v_event.tenant_id, v_user, v_event.id, v_event.type, v_title, v_event.payload)
          on conflict (tenant_id, user_id, event_id) do nothing;
      else
        perform app_private.add_job('notifications__' || v_pref.channel,
          json_build_object('userId', v_user, 'eventId', v_event.id, 'title', v_title),
          job_key := 'notifications__' || v_pref.channel || ':' || v_user || ':' || v_event.id);
      end if;
      v_count := v_count + 1;
    end loop;
  end loop;
  return v_count;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.notify_event(uuid) is E'Notifies the recipients of an event on the channels they chose; returns the number of notifications.';
-- <<< event bus and webhooks (issue 7)
-- >>> billing (issue 6)
/*
 * Billing: catalog (plans, coin packs, add-ons), a coin wallet per workspace
 * with an append-only ledger, subscriptions/invoices/payments mirrored from
 * the payment provider with forward-only state machines, the entitlement
 * rebuild (plan + active add-ons -> tenant_services and workspace limits) and
 * usage limits enforced by BEFORE INSERT triggers.
 *
 * Provider-neutral on purpose: provider ids live in app_private.provider_refs
 * (provider, kind, external id -> local row) and the apply_* functions take
 * normalized states, so a second provider (Stripe) adds a TypeScript adapter
 * and catalog ids, not ledger or entitlement code.
 */
drop trigger if exists _500_limit_seats on app_public.memberships;
drop trigger if exists _500_limit_posts on app_public.posts;
drop trigger if exists _500_limit_api_keys on app_public.api_keys;
drop trigger if exists _510_billing_setup on app_public.tenants;
drop function if exists app_public.billing_usage();
drop function if exists app_public.cancel_addon(uuid);
drop function if exists app_public.purchase_addon(text, text);
drop function if exists app_private.apply_invoice(text, text, text, text, bigint, text, timestamptz);
drop function if exists app_private.apply_subscription(text, text, text, timestamptz, timestamptz, timestamptz);
drop function if exists app_private.apply_payment(text, text, text, text, bigint, text);
drop function if exists app_private.record_webhook_event(text, text, text, jsonb);
drop function if exists app_hidden.check_limit(text, text, uuid);
drop function if exists app_private.tg__limit() cascade;
drop function if exists app_private.tg_billing__rebuild() cascade;
drop function if exists app_private.rebuild_entitlements(uuid);
drop function if exists app_private.merge_limits(jsonb, jsonb);
drop function if exists app_private.tg_tenants__billing_setup() cascade;
drop function if exists app_private.debit(uuid, bigint, text, text, text);
drop function if exists app_private.credit(uuid, bigint, text, text, text);
drop function if exists app_private.tg_wallet_entries__append_only() cascade;
drop table if exists app_private.webhook_events;
drop table if exists app_private.payments;
drop table if exists app_private.provider_refs;
drop table if exists app_public.coin_orders;
drop table if exists app_public.invoices;
drop table if exists app_public.tenant_addons;
drop table if exists app_public.plan_subscriptions;
drop table if exists app_public.wallet_entries;
drop table if exists app_public.wallets;
drop table if exists app_public.billing_accounts;
drop table if exists app_public.addons;
drop table if exists app_public.coin_packs;
drop table if exists app_public.plans;

/*
 * Catalog. Everyone reads it; only the owner role writes it (operators edit
 * it with SQL). `services` has the tenant_services shape per service
 * (`{"blog": {"enabled": true, "posts": 100}}`) plus workspace-wide limits as
 * top-level numbers (`"seats": 5`). A missing limit means unlimited.
 */
create table app_public.plans (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 500),
  price_monthly_paise bigint not null default 0 check (price_monthly_paise >= 0),
  price_yearly_paise bigint not null default 0 check (price_yearly_paise >= 0),
  currency text not null default 'INR' check (currency ~ '^[A-Z]{3}$'),
  services jsonb not null default '{}' check (jsonb_typeof(services) = 'object'),
  provider_plan_ids jsonb not null default '{}' check (jsonb_typeof(provider_plan_ids) = 'object'),
  is_public boolean not null default true,
  sort_order int not null default 0
);
select app_private.add_owner_policies('app_public.plans');
create policy select_all on app_public.plans for select using (true);
grant select on app_public.plans to app_anonymous, app_user, app_api_key;
comment on table app_public.plans is E'Subscription plans: prices (paise) and what each includes.';
comment on column app_public.plans.services is E'Services and limits, e.g. `{"blog": {"enabled": true, "posts": 100}, "seats": 5, "storage_mb": 1024}`; a missing limit is unlimited.';
comment on column app_public.plans.provider_plan_ids is E'Provider plan ids per billing interval, e.g. `{"razorpay": {"monthly": "plan_…", "yearly": "plan_…"}}`.';

create table app_public.coin_packs (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  coins bigint not null check (coins > 0),
  price_paise bigint not null check (price_paise > 0),
  currency text not null default 'INR' check (currency ~ '^[A-Z]{3}$'),
  is_active boolean not null default true
);
select app_private.add_owner_policies('app_public.coin_packs');
create policy select_all on app_public.coin_packs for select using (true);
grant select on app_public.coin_packs to app_anonymous, app_user, app_api_key;
comment on table app_public.coin_packs is E'Coins for sale: pay `pricePaise`, get `coins` in the workspace wallet.';

create table app_public.addons (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 500),
  coin_cost bigint not null check (coin_cost > 0),
  is_recurring boolean not null default false,
  increments jsonb not null check (jsonb_typeof(increments) = 'object'),
  plans text[],
  is_active boolean not null default true
);
select app_private.add_owner_policies('app_public.addons');
create policy select_all on app_public.addons for select using (true);
grant select on app_public.addons to app_anonymous, app_user, app_api_key;
comment on table app_public.addons is E'Add-ons bought with coins: limit increments on top of the plan.';
comment on column app_public.addons.increments is E'Added to the plan''s limits, same shape as plans.services, e.g. `{"seats": 5}` or `{"blog": {"posts": 500}}`.';
comment on column app_public.addons.plans is E'Plans the add-on may be bought on; null = every plan.';
comment on column app_public.addons.is_recurring is E'True: charged per billing period until cancelled; false: bought once, kept.';

insert into app_public.services (key, name, description, default_enabled, default_limits) values
  ('analytics', 'Analytics', 'Usage analytics dashboards (paid plans).', false, '{}')
on conflict (key) do nothing;

insert into app_public.plans (key, name, description, price_monthly_paise, price_yearly_paise, services, provider_plan_ids, sort_order) values
  ('free', 'Free', 'A blog and a small team.', 0, 0,
   '{"blog": {"enabled": true, "posts": 100}, "seats": 5, "api_keys": 25, "storage_mb": 1024}', '{}', 0),
  ('pro', 'Pro', 'More posts, seats and analytics.', 99900, 999000,
   '{"blog": {"enabled": true, "posts": 1000}, "analytics": {"enabled": true}, "seats": 25, "api_keys": 100, "storage_mb": 10240}',
   '{"razorpay": {"monthly": "plan_pro_monthly", "yearly": "plan_pro_yearly"}}', 10);
insert into app_public.coin_packs (key, name, coins, price_paise) values
  ('coins_100', '100 coins', 100, 9900),
  ('coins_500', '500 coins', 500, 44900);
insert into app_public.addons (key, name, description, coin_cost, is_recurring, increments, plans) values
  ('seats_5', '+5 seats', 'Five more members.', 50, true, '{"seats": 5}', null),
  ('posts_500', '+500 posts', 'Five hundred more blog posts (Pro only).', 30, false, '{"blog": {"posts": 500}}', '{pro}');

/*
 * Per workspace: the effective plan and workspace-wide limits (seats,
 * api_keys, storage_mb), written only by rebuild_entitlements.
 */
create table app_public.billing_accounts (
  tenant_id uuid primary key references app_public.tenants on delete cascade,
  plan text not null default 'free' references app_public.plans on update cascade,
  limits jsonb not null default '{}' check (jsonb_typeof(limits) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_public.billing_accounts');
create index billing_accounts_plan_idx on app_public.billing_accounts (plan);
create trigger _100_timestamps before insert or update on app_public.billing_accounts
  for each row execute procedure app_private.tg__timestamps();
create policy select_billing on app_public.billing_accounts for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.billing_accounts to app_user;
comment on table app_public.billing_accounts is E'The workspace''s effective plan and workspace-wide limits (rebuilt from plan + add-ons).';

/*
 * Coin wallet. The balance can never go negative (check constraint); every
 * change is one ledger entry, written together with the balance by credit()
 * and debit() under the wallet's row lock, so balance = sum(entries) always.
 * The ledger is append-only: no request role may write it and UPDATE is
 * refused for everyone.
 */
create table app_public.wallets (
  tenant_id uuid primary key references app_public.tenants on delete cascade,
  balance bigint not null default 0 constraint wallets_balance_not_negative check (balance >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_public.wallets');
create policy select_billing on app_public.wallets for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.wallets to app_user;
comment on table app_public.wallets is E'The workspace''s coin wallet.';
comment on column app_public.wallets.balance is E'Coins available; never negative, always the sum of the ledger entries.';

create table app_public.wallet_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.wallets on delete cascade,
  amount bigint not null check (amount <> 0),
  balance_after bigint not null check (balance_after >= 0),
  kind text not null check (kind in ('purchase', 'spend', 'refund', 'grant', 'expiry')),
  reference text not null default '' check (length(reference) <= 200),
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, idempotency_key),
  constraint wallet_entries_sign check ((kind in ('purchase', 'refund', 'grant')) = (amount > 0))
);
select app_private.add_owner_policies('app_public.wallet_entries');
create index wallet_entries_tenant_id_idx on app_public.wallet_entries (tenant_id, created_at, id);
create policy select_billing on app_public.wallet_entries for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.wallet_entries to app_user;
comment on table app_public.wallet_entries is E'The wallet ledger: one entry per credit or debit, never changed afterwards.';
comment on column app_public.wallet_entries.amount is E'Coins added (positive: purchase, grant, refund) or removed (negative: spend, expiry).';
comment on column app_public.wallet_entries.idempotency_key is E'One entry per key and workspace: repeating a credit or debit with the same key has no second effect.';

create function app_private.tg_wallet_entries__append_only() returns trigger as $$
begin
  raise exception 'Wallet entries cannot be changed; record a new entry instead.' using errcode = 'DNIED';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
create trigger _100_append_only before update on app_public.wallet_entries
  for each row execute procedure app_private.tg_wallet_entries__append_only();

/*
 * credit/debit: the only writers of wallets and wallet_entries. The wallet
 * row lock serialises changes per workspace; the idempotency key is checked
 * again under the lock, so a repeated key returns the first entry and changes
 * nothing, however many callers race.
 */
create function app_private.credit(p_tenant_id uuid, p_amount bigint, p_kind text, p_reference text, p_idempotency_key text)
returns app_public.wallet_entries as $$
declare
  v_entry app_public.wallet_entries;
  v_balance bigint;
begin
  if p_amount is null or p_amount <= 0 then
    raise exception 'A credit is a positive whole number of coins.' using errcode = 'INVLD';
  end if;
  if p_kind is null or p_kind not in ('purchase', 'refund', 'grant') then
    raise exception 'A credit is a purchase, refund or grant.' using errcode = 'INVLD';
  end if;
  if p_idempotency_key is null or length(p_idempotency_key) not between 1 and 200 then
    raise exception 'A credit needs an idempotency key (1-200 characters).' using errcode = 'INVLD';
  end if;
  insert into app_public.wallets (tenant_id) values (p_tenant_id) on conflict do nothing;
  select w.balance into v_balance from app_public.wallets w where w.tenant_id = p_tenant_id for update;
  select e.* into v_entry from app_public.wallet_entries e where e.tenant_id = p_tenant_id and e.idempotency_key = p_idempotency_key;
  if v_entry.id is not null then
    return v_entry;
  end if;
  update app_public.wallets set balance = balance + p_amount, updated_at = now() where tenant_id = p_tenant_id
    returning balance into v_balance;
  insert into app_public.wallet_entries (tenant_id, amount, balance_after, kind, reference, idempotency_key)
    values (p_tenant_id, p_amount, v_balance, p_kind, coalesce(p_reference, ''), p_idempotency_key)
    returning * into v_entry;
  perform app_private.publish_event(p_tenant_id, 'wallet.credited',
    jsonb_build_object('entryId', v_entry.id, 'amount', p_amount, 'kind', p_kind, 'balance', v_balance, 'reference', v_entry.reference));
  return v_entry;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.credit(uuid, bigint, text, text, text) is
  E'Adds coins to a workspace wallet; the same idempotency key twice returns the first entry and adds nothing.';

create function app_private.debit(p_tenant_id uuid, p_amount bigint, p_kind text, p_reference text, p_idempotency_key text)
returns app_public.wallet_entries as $$
declare
  v_entry app_public.wallet_entries;
  v_balance bigint;
begin
  if p_amount is null or p_amount <= 0 then
    raise exception 'A debit is a positive whole number of coins.' using errcode = 'INVLD';
  end if;
  if p_kind is null or p_kind not in ('spend', 'expiry') then
    raise exception 'A debit is a spend or an expiry.' using errcode = 'INVLD';
  end if;
  if p_idempotency_key is null or length(p_idempotency_key) not between 1 and 200 then
    raise exception 'A debit needs an idempotency key (1-200 characters).' using errcode = 'INVLD';
  end if;
  select w.balance into v_balance from app_public.wallets w where w.tenant_id = p_tenant_id for update;
  select e.* into v_entry from app_public.wallet_entries e where e.tenant_id = p_tenant_id and e.idempotency_key = p_idempotency_key;
  if v_entry.id is not null then
    return v_entry;
  end if;
  if coalesce(v_balance, 0) < p_amount then
    raise exception 'Not enough coins: the wallet has %, this needs %. Buy a coin pack first.', coalesce(v_balance, 0), p_amount
      using errcode = 'COINS';
  end if;
  update app_public.wallets set balance = balance - p_amount, updated_at = now() where tenant_id = p_tenant_id
    returning balance into v_balance;
  insert into app_public.wallet_entries (tenant_id, amount, balance_after, kind, reference, idempotency_key)
    values (p_tenant_id, -p_amount, v_balance, p_kind, coalesce(p_reference, ''), p_idempotency_key)
    returning * into v_entry;
  return v_entry;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.debit(uuid, bigint, text, text, text) is
  E'Removes coins from a workspace wallet (COINS when the balance is too low); idempotent per key like credit().';

/* Plan subscriptions (not `subscriptions`: GraphQL reserves the type name Subscription), mirrored from the provider. At most one live subscription per workspace. */
create table app_public.plan_subscriptions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  plan text not null references app_public.plans on update cascade,
  billing_interval text not null default 'monthly' check (billing_interval in ('monthly', 'yearly')),
  provider text not null default 'razorpay' check (provider ~ '^[a-z]{2,20}$'),
  status text not null default 'created'
    check (status in ('created', 'authenticated', 'active', 'pending', 'halted', 'cancelled', 'completed', 'expired')),
  cancel_at_period_end boolean not null default false,
  current_period_start timestamptz,
  current_period_end timestamptz,
  last_event_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
select app_private.add_owner_policies('app_public.plan_subscriptions');
create index plan_subscriptions_tenant_id_idx on app_public.plan_subscriptions (tenant_id, created_at, id);
create index plan_subscriptions_plan_idx on app_public.plan_subscriptions (plan);
create unique index plan_subscriptions_one_live_idx on app_public.plan_subscriptions (tenant_id)
  where status in ('created', 'authenticated', 'active', 'pending', 'halted');
create trigger _100_timestamps before insert or update on app_public.plan_subscriptions
  for each row execute procedure app_private.tg__timestamps();
create policy select_billing on app_public.plan_subscriptions for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.plan_subscriptions to app_user;
comment on table app_public.plan_subscriptions is E'The workspace''s plan subscriptions and their state at the payment provider.';
comment on column app_public.plan_subscriptions.status is E'created, authenticated, active, pending (payment retrying), halted, or finally cancelled, completed, expired. Active and pending grant the plan.';

create table app_public.tenant_addons (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  addon text not null references app_public.addons on update cascade,
  status text not null default 'active' check (status in ('active', 'cancelled')),
  wallet_entry_id uuid not null,
  activated_at timestamptz not null default now(),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, wallet_entry_id),
  foreign key (tenant_id, wallet_entry_id) references app_public.wallet_entries (tenant_id, id)
);
select app_private.add_owner_policies('app_public.tenant_addons');
create index tenant_addons_tenant_id_idx on app_public.tenant_addons (tenant_id, created_at, id);
create index tenant_addons_addon_idx on app_public.tenant_addons (addon);
create trigger _100_timestamps before insert or update on app_public.tenant_addons
  for each row execute procedure app_private.tg__timestamps();
create policy select_billing on app_public.tenant_addons for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.tenant_addons to app_user;
comment on table app_public.tenant_addons is E'Add-ons the workspace bought with coins.';

create table app_public.invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  subscription_id uuid,
  amount_paise bigint not null check (amount_paise >= 0),
  currency text not null default 'INR' check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'issued' check (status in ('draft', 'issued', 'partially_paid', 'paid', 'cancelled', 'expired')),
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, subscription_id) references app_public.plan_subscriptions (tenant_id, id) on delete set null (subscription_id)
);
select app_private.add_owner_policies('app_public.invoices');
create index invoices_tenant_id_idx on app_public.invoices (tenant_id, created_at, id);
create index invoices_subscription_idx on app_public.invoices (tenant_id, subscription_id);
create trigger _100_timestamps before insert or update on app_public.invoices
  for each row execute procedure app_private.tg__timestamps();
create policy select_billing on app_public.invoices for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.invoices to app_user;
comment on table app_public.invoices is E'Invoices of the workspace''s subscription, mirrored from the payment provider.';

create table app_public.coin_orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  coin_pack text not null references app_public.coin_packs on update cascade,
  coins bigint not null check (coins > 0),
  amount_paise bigint not null check (amount_paise > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  provider text not null default 'razorpay' check (provider ~ '^[a-z]{2,20}$'),
  status text not null default 'created' check (status in ('created', 'paid', 'mismatch')),
  wallet_entry_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, wallet_entry_id) references app_public.wallet_entries (tenant_id, id)
);
select app_private.add_owner_policies('app_public.coin_orders');
create index coin_orders_tenant_id_idx on app_public.coin_orders (tenant_id, created_at, id);
create index coin_orders_pack_idx on app_public.coin_orders (coin_pack);
create index coin_orders_entry_idx on app_public.coin_orders (tenant_id, wallet_entry_id);
create trigger _100_timestamps before insert or update on app_public.coin_orders
  for each row execute procedure app_private.tg__timestamps();
create policy select_billing on app_public.coin_orders for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('billing:read')));
grant select on app_public.coin_orders to app_user;
comment on table app_public.coin_orders is E'Coin pack purchases; `paid` once the payment was captured and the coins credited.';

/* Provider ids (customers, subscriptions, orders, invoices) -> local rows. Never exposed. */
create table app_private.provider_refs (
  provider text not null,
  kind text not null check (kind in ('customer', 'subscription', 'order', 'invoice')),
  external_id text not null check (length(external_id) between 1 and 100),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  local_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (provider, kind, external_id),
  unique (provider, kind, local_id)
);
select app_private.add_owner_policies('app_private.provider_refs');
create index provider_refs_tenant_id_idx on app_private.provider_refs (tenant_id);

/* Payment mirror: forward-only (created < authorized < failed < captured < refunded). */
create table app_private.payments (
  provider text not null,
  payment_id text not null check (length(payment_id) between 1 and 100),
  tenant_id uuid not null references app_public.tenants on delete cascade,
  order_id uuid,
  status text not null check (status in ('created', 'authorized', 'failed', 'captured', 'refunded')),
  amount_paise bigint not null,
  currency text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (provider, payment_id)
);
select app_private.add_owner_policies('app_private.payments');
create index payments_tenant_id_idx on app_private.payments (tenant_id);

/* Webhook inbox: each provider event stored once by its id, then processed by the worker. */
create table app_private.webhook_events (
  provider text not null,
  event_id text not null check (length(event_id) between 1 and 100),
  type text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'processed', 'ignored')),
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  primary key (provider, event_id)
);
select app_private.add_owner_policies('app_private.webhook_events');

/* Stores an event once and queues its processing; returns false for a duplicate (nothing queued). */
create function app_private.record_webhook_event(p_provider text, p_event_id text, p_type text, p_payload jsonb) returns boolean as $$
declare
  v_new boolean;
begin
  insert into app_private.webhook_events (provider, event_id, type, payload) values (p_provider, p_event_id, p_type, p_payload)
    on conflict do nothing returning true into v_new;
  if v_new then
    perform app_private.add_job('billing__process_event', json_build_object('provider', p_provider, 'eventId', p_event_id),
      queue_name => 'billing', max_attempts => 25);
  end if;
  return coalesce(v_new, false);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

/*
 * Entitlements. merge_limits adds an add-on's increments to a plan's services:
 * numbers add up (an unlimited/missing plan limit stays unlimited), booleans
 * OR, nested objects merge per key.
 */
create function app_private.merge_limits(p_base jsonb, p_add jsonb) returns jsonb as $$
  select coalesce(jsonb_object_agg(k, case
      when b.v is null then a.v
      when a.v is null then b.v
      when jsonb_typeof(b.v) = 'object' and jsonb_typeof(a.v) = 'object' then app_private.merge_limits(b.v, a.v)
      when jsonb_typeof(b.v) = 'number' and jsonb_typeof(a.v) = 'number' then to_jsonb((b.v)::numeric + (a.v)::numeric)
      when jsonb_typeof(b.v) = 'boolean' and jsonb_typeof(a.v) = 'boolean' then to_jsonb((b.v)::boolean or (a.v)::boolean)
      else b.v end), '{}')
    from (select jsonb_object_keys(coalesce(p_base, '{}')) union select jsonb_object_keys(coalesce(p_add, '{}'))) keys(k)
    left join lateral (select p_base -> k) b(v) on true
    left join lateral (select p_add -> k) a(v) on true;
$$ language sql immutable set search_path to pg_catalog, public, pg_temp;

/*
 * One function recomputes a workspace's entitlements: the plan of its live
 * subscription (active or pending; otherwise free) plus its active add-ons
 * that the plan allows. Services named in the result get a tenant_services
 * row (enabled unless `"enabled": false`); services no longer included are
 * disabled, not deleted. Emits entitlements.changed only when something did.
 */
create function app_private.rebuild_entitlements(p_tenant_id uuid) returns jsonb as $$
declare
  v_plan app_public.plans;
  v_merged jsonb;
  v_before jsonb;
  v_after jsonb;
  v_addon record;
begin
  perform 1 from app_public.tenants t where t.id = p_tenant_id for no key update;
  if not found then
    return null;
  end if;
  select p.* into v_plan from app_public.plans p
   where p.key = coalesce((select s.plan from app_public.plan_subscriptions s
                            where s.tenant_id = p_tenant_id and s.status in ('active', 'pending')
                            order by s.created_at desc limit 1), 'free');
  v_merged := v_plan.services;
  for v_addon in
    select a.increments from app_public.tenant_addons ta join app_public.addons a on a.key = ta.addon
     where ta.tenant_id = p_tenant_id and ta.status = 'active' and (a.plans is null or v_plan.key = any (a.plans))
  loop
    v_merged := app_private.merge_limits(v_merged, v_addon.increments);
  end loop;

  select jsonb_build_object('plan', ba.plan, 'limits', ba.limits, 'services',
           coalesce((select jsonb_object_agg(ts.service, jsonb_build_object('enabled', ts.enabled, 'limits', ts.limits))
                       from app_public.tenant_services ts where ts.tenant_id = p_tenant_id), '{}'))
    into v_before from app_public.billing_accounts ba where ba.tenant_id = p_tenant_id;

  insert into app_public.tenant_services (tenant_id, service, enabled, limits)
    select p_tenant_id, s.key, coalesce((v_merged -> s.key ->> 'enabled')::boolean, true), (v_merged -> s.key) - 'enabled'
      from app_public.services s where jsonb_typeof(v_merged -> s.key) = 'object'
  on conflict (tenant_id, service) do update set enabled = excluded.enabled, limits = excluded.limits
    where (tenant_services.enabled, tenant_services.limits) is distinct from (excluded.enabled, excluded.limits);
  update app_public.tenant_services ts set enabled = false
   where ts.tenant_id = p_tenant_id and ts.enabled and jsonb_typeof(v_merged -> ts.service) is distinct from 'object';
  insert into app_public.billing_accounts (tenant_id, plan, limits)
    values (p_tenant_id, v_plan.key, coalesce((select jsonb_object_agg(k, v) from jsonb_each(v_merged) e(k, v) where jsonb_typeof(v) = 'number'), '{}'))
  on conflict (tenant_id) do update set plan = excluded.plan, limits = excluded.limits
    where (billing_accounts.plan, billing_accounts.limits) is distinct from (excluded.plan, excluded.limits);

  select jsonb_build_object('plan', ba.plan, 'limits', ba.limits, 'services',
           coalesce((select jsonb_object_agg(ts.service, jsonb_build_object('enabled', ts.enabled, 'limits', ts.limits))
                       from app_public.tenant_services ts where ts.tenant_id = p_tenant_id), '{}'))
    into v_after from app_public.billing_accounts ba where ba.tenant_id = p_tenant_id;
  if v_before is not null and v_before is distinct from v_after then
    perform app_private.publish_event(p_tenant_id, 'entitlements.changed', v_after);
  end if;
  return v_after;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.rebuild_entitlements(uuid) is
  E'Recomputes tenant_services and billing_accounts from the live subscription''s plan (free otherwise) and active add-ons.';

/* New workspaces: wallet and free-plan entitlements at once (replaces the default-services trigger). */
create function app_private.tg_tenants__billing_setup() returns trigger as $$
begin
  insert into app_public.wallets (tenant_id) values (new.id) on conflict do nothing;
  perform app_private.rebuild_entitlements(new.id);
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
drop trigger if exists _510_default_services on app_public.tenants;
create trigger _510_billing_setup after insert on app_public.tenants
  for each row execute procedure app_private.tg_tenants__billing_setup();
insert into app_public.wallets (tenant_id) select id from app_public.tenants on conflict do nothing;
select app_private.rebuild_entitlements(id) from app_public.tenants;

/* Subscription or add-on changes queue one (debounced) rebuild per workspace. */
create function app_private.tg_billing__rebuild() returns trigger as $$
begin
  perform app_private.add_job('entitlements__rebuild', json_build_object('tenantId', new.tenant_id),
    job_key => 'entitlements__rebuild:' || new.tenant_id, job_key_mode => 'preserve_run_at');
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _900_rebuild after insert or update of status, plan on app_public.plan_subscriptions
  for each row execute procedure app_private.tg_billing__rebuild();
create trigger _900_rebuild after insert or update of status on app_public.tenant_addons
  for each row execute procedure app_private.tg_billing__rebuild();

/*
 * Usage limits. check_limit runs in the inserting transaction: it takes a
 * transaction-scoped advisory lock per (workspace, resource), so concurrent
 * inserts at the limit queue up, then counts with a fresh snapshot (VOLATILE
 * plpgsql: each statement sees what committed before the lock was granted).
 * Trusted server-side code without a request identity (registration, operators,
 * migrations) is not limited, like assert_grantable.
 */
create function app_hidden.check_limit(p_service text, p_resource text, p_tenant_id uuid default null) returns void as $$
declare
  v_tenant uuid := coalesce(p_tenant_id, app_hidden.current_tenant_id());
  v_limit numeric;
  v_used bigint;
begin
  if v_tenant is null or (app_hidden.current_user_id() is null and app_hidden.current_api_key_id() is null) then
    return;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('limit:' || v_tenant || ':' || p_service || ':' || p_resource, 0));
  if p_service = 'workspace' then
    select (ba.limits ->> p_resource)::numeric into v_limit from app_public.billing_accounts ba where ba.tenant_id = v_tenant;
  else
    select (ts.limits ->> p_resource)::numeric into v_limit from app_public.tenant_services ts
     where ts.tenant_id = v_tenant and ts.service = p_service and ts.enabled;
  end if;
  if v_limit is null then
    return;
  end if;
  v_used := case p_service || ':' || p_resource
    when 'blog:posts' then (select count(*) from app_public.posts p where p.tenant_id = v_tenant)
    when 'workspace:seats' then (select count(*) from app_public.memberships m where m.tenant_id = v_tenant)
    when 'workspace:api_keys' then (select count(*) from app_public.api_keys k where k.tenant_id = v_tenant and k.revoked_at is null)
  end;
  if v_used is not null and v_used >= v_limit then
    raise exception 'Your plan allows % % (%), and % are in use. Upgrade the plan or buy an add-on to add more.',
      v_limit, replace(p_resource, '_', ' '), p_service, v_used
      using errcode = 'LIMIT', detail = json_build_object('service', p_service, 'resource', p_resource, 'limit', v_limit, 'used', v_used)::text;
  end if;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_hidden.check_limit(text, text, uuid) is
  E'Raises LIMIT when the workspace already uses its plan''s limit of a resource (blog:posts, workspace:seats, workspace:api_keys). Serialised per workspace and resource.';

create function app_private.tg__limit() returns trigger as $$
begin
  perform app_hidden.check_limit(tg_argv[0], tg_argv[1], new.tenant_id);
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _500_limit_posts before insert on app_public.posts
  for each row execute procedure app_private.tg__limit('blog', 'posts');
create trigger _500_limit_seats before insert on app_public.memberships
  for each row execute procedure app_private.tg__limit('workspace', 'seats');
create trigger _500_limit_api_keys before insert on app_public.api_keys
  for each row execute procedure app_private.tg__limit('workspace', 'api_keys');

/* Usage vs limits for the dashboard. */
create function app_public.billing_usage() returns table (service text, resource text, used bigint, "limit" numeric) as $$
begin
  if not app_hidden.has_permission('billing:read') then
    raise exception 'You do not have permission to see billing.' using errcode = 'DNIED';
  end if;
  return query
    select 'blog'::text, 'posts'::text, (select count(*) from app_public.posts p where p.tenant_id = app_hidden.current_tenant_id()),
           (select (ts.limits ->> 'posts')::numeric from app_public.tenant_services ts
             where ts.tenant_id = app_hidden.current_tenant_id() and ts.service = 'blog')
    union all
    select 'workspace', 'seats', (select count(*) from app_public.memberships m where m.tenant_id = app_hidden.current_tenant_id()),
           (select (ba.limits ->> 'seats')::numeric from app_public.billing_accounts ba where ba.tenant_id = app_hidden.current_tenant_id())
    union all
    select 'workspace', 'api_keys', (select count(*) from app_public.api_keys k where k.tenant_id = app_hidden.current_tenant_id() and k.revoked_at is null),
           (select (ba.limits ->> 'api_keys')::numeric from app_public.billing_accounts ba where ba.tenant_id = app_hidden.current_tenant_id());
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.billing_usage() is E'Usage against the plan''s limits per limited resource (limit null = unlimited). Needs `billing:read`.';

/*
 * Buying an add-on: check, debit and activate in one transaction. The
 * client may pass an idempotency key; repeating it returns the same add-on
 * and spends nothing twice.
 */
create function app_public.purchase_addon(addon_key text, idempotency_key text default null) returns app_public.tenant_addons as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_addon app_public.addons;
  v_plan text;
  v_entry app_public.wallet_entries;
  v_row app_public.tenant_addons;
begin
  if app_hidden.current_user_id() is null or v_tenant is null then
    raise exception 'Sign in to buy add-ons.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('billing:manage') then
    raise exception 'You do not have permission to manage billing.' using errcode = 'DNIED';
  end if;
  select a.* into v_addon from app_public.addons a where a.key = addon_key and a.is_active;
  if v_addon.key is null then
    raise exception 'There is no add-on %.', addon_key using errcode = 'NTFND';
  end if;
  select ba.plan into v_plan from app_public.billing_accounts ba where ba.tenant_id = v_tenant;
  if v_addon.plans is not null and not (coalesce(v_plan, 'free') = any (v_addon.plans)) then
    raise exception 'The add-on % is not available on the % plan; it needs %.', v_addon.name, coalesce(v_plan, 'free'), array_to_string(v_addon.plans, ' or ')
      using errcode = 'NOADD';
  end if;
  if idempotency_key is not null and length(idempotency_key) not between 1 and 100 then
    raise exception 'An idempotency key has 1-100 characters.' using errcode = 'INVLD';
  end if;
  v_entry := app_private.debit(v_tenant, v_addon.coin_cost, 'spend', 'addon:' || v_addon.key,
    'addon:' || coalesce(idempotency_key, gen_random_uuid()::text));
  select ta.* into v_row from app_public.tenant_addons ta where ta.tenant_id = v_tenant and ta.wallet_entry_id = v_entry.id;
  if v_row.id is not null then
    return v_row;
  end if;
  insert into app_public.tenant_addons (tenant_id, addon, wallet_entry_id) values (v_tenant, v_addon.key, v_entry.id)
    returning * into v_row;
  perform app_private.publish_event(v_tenant, 'addon.purchased',
    jsonb_build_object('tenantAddonId', v_row.id, 'addon', v_addon.key, 'coins', v_addon.coin_cost));
  return v_row;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.purchase_addon(text, text) is
  E'Buys an add-on with coins from the workspace wallet and activates it (entitlements follow within seconds). Pass the same `idempotencyKey` to retry safely. Needs `billing:manage`.';

create function app_public.cancel_addon(tenant_addon_id uuid) returns app_public.tenant_addons as $$
declare
  v_row app_public.tenant_addons;
begin
  if app_hidden.current_user_id() is null or not app_hidden.has_permission('billing:manage') then
    raise exception 'You do not have permission to manage billing.' using errcode = 'DNIED';
  end if;
  update app_public.tenant_addons ta set status = 'cancelled', cancelled_at = now()
   where ta.id = tenant_addon_id and ta.tenant_id = app_hidden.current_tenant_id() and ta.status = 'active'
   returning * into v_row;
  if v_row.id is null then
    select ta.* into v_row from app_public.tenant_addons ta where ta.id = tenant_addon_id and ta.tenant_id = app_hidden.current_tenant_id();
    if v_row.id is null then
      raise exception 'No add-on with that id in this workspace.' using errcode = 'NTFND';
    end if;
  end if;
  return v_row;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.cancel_addon(uuid) is E'Cancels an add-on of the workspace (no refund); its limits go at the next rebuild. Needs `billing:manage`.';

/*
 * Provider state, applied by the worker (and the checkout callback) from
 * normalized values. Forward-only: a payment never leaves captured for
 * failed; a subscription in a final state (cancelled, completed, expired)
 * never changes again, and an event older than the last applied one is
 * ignored. Each returns what it did: 'applied', 'ignored', 'mismatch'.
 */
create function app_private.apply_payment(p_provider text, p_payment_id text, p_order_external_id text, p_status text, p_amount bigint, p_currency text)
returns text as $$
declare
  v_order app_public.coin_orders;
  v_prev text;
  v_rank constant jsonb := '{"created": 0, "authorized": 1, "failed": 2, "captured": 3, "refunded": 4}';
  v_entry app_public.wallet_entries;
begin
  if not (v_rank ? p_status) then
    return 'ignored';
  end if;
  select o.* into v_order from app_private.provider_refs r join app_public.coin_orders o on o.id = r.local_id
   where r.provider = p_provider and r.kind = 'order' and r.external_id = p_order_external_id for update of o;
  if v_order.id is null then
    return 'ignored';
  end if;
  insert into app_private.payments (provider, payment_id, tenant_id, order_id, status, amount_paise, currency)
    values (p_provider, p_payment_id, v_order.tenant_id, v_order.id, p_status, p_amount, p_currency)
  on conflict (provider, payment_id) do nothing;
  select p.status into v_prev from app_private.payments p where p.provider = p_provider and p.payment_id = p_payment_id for update;
  if (v_rank ->> p_status)::int < (v_rank ->> v_prev)::int then
    return 'ignored'; -- late event: never move backwards
  end if;
  update app_private.payments set status = p_status, amount_paise = p_amount, currency = p_currency, updated_at = now()
   where provider = p_provider and payment_id = p_payment_id;
  if p_status = 'failed' and v_prev is distinct from 'failed' then
    perform app_private.publish_event(v_order.tenant_id, 'payment.failed', jsonb_build_object('coinOrderId', v_order.id, 'amount', p_amount));
  end if;
  if p_status <> 'captured' or v_order.status <> 'created' then
    return case when p_status = 'captured' then 'ignored' else 'applied' end;
  end if;
  if p_amount is distinct from v_order.amount_paise or p_currency is distinct from v_order.currency then
    update app_public.coin_orders set status = 'mismatch' where id = v_order.id;
    return 'mismatch';
  end if;
  v_entry := app_private.credit(v_order.tenant_id, v_order.coins, 'purchase', 'coin_order:' || v_order.id, p_provider || ':payment:' || p_payment_id);
  update app_public.coin_orders set status = 'paid', wallet_entry_id = v_entry.id where id = v_order.id;
  return 'applied';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

create function app_private.apply_subscription(p_provider text, p_external_id text, p_status text,
  p_period_start timestamptz, p_period_end timestamptz, p_event_at timestamptz) returns text as $$
declare
  v_sub app_public.plan_subscriptions;
begin
  select s.* into v_sub from app_private.provider_refs r join app_public.plan_subscriptions s on s.id = r.local_id
   where r.provider = p_provider and r.kind = 'subscription' and r.external_id = p_external_id for update of s;
  if v_sub.id is null or p_status not in ('authenticated', 'active', 'pending', 'halted', 'cancelled', 'completed', 'expired') then
    return 'ignored';
  end if;
  if v_sub.status in ('cancelled', 'completed', 'expired')
     or (v_sub.last_event_at is not null and p_event_at is not null and p_event_at < v_sub.last_event_at)
     or (p_status = 'authenticated' and v_sub.status <> 'created') then
    return 'ignored';
  end if;
  update app_public.plan_subscriptions set status = p_status,
      current_period_start = coalesce(p_period_start, current_period_start),
      current_period_end = coalesce(p_period_end, current_period_end),
      last_event_at = greatest(last_event_at, p_event_at)
   where id = v_sub.id;
  if p_status = 'active' and v_sub.status <> 'active' then
    perform app_private.publish_event(v_sub.tenant_id, 'subscription.activated', jsonb_build_object('subscriptionId', v_sub.id, 'plan', v_sub.plan));
  elsif p_status in ('cancelled', 'completed', 'expired') then
    perform app_private.publish_event(v_sub.tenant_id, 'subscription.cancelled', jsonb_build_object('subscriptionId', v_sub.id, 'plan', v_sub.plan, 'status', p_status));
  end if;
  return 'applied';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

create function app_private.apply_invoice(p_provider text, p_external_id text, p_subscription_external_id text, p_status text,
  p_amount bigint, p_currency text, p_paid_at timestamptz) returns text as $$
declare
  v_sub app_public.plan_subscriptions;
  v_id uuid;
  v_prev text;
begin
  select s.* into v_sub from app_private.provider_refs r join app_public.plan_subscriptions s on s.id = r.local_id
   where r.provider = p_provider and r.kind = 'subscription' and r.external_id = p_subscription_external_id;
  if v_sub.id is null or p_status not in ('issued', 'partially_paid', 'paid', 'cancelled', 'expired') then
    return 'ignored';
  end if;
  select r.local_id into v_id from app_private.provider_refs r where r.provider = p_provider and r.kind = 'invoice' and r.external_id = p_external_id;
  if v_id is null then
    insert into app_public.invoices (tenant_id, subscription_id, amount_paise, currency, status, paid_at)
      values (v_sub.tenant_id, v_sub.id, p_amount, p_currency, p_status, case when p_status = 'paid' then coalesce(p_paid_at, now()) end)
      returning id into v_id;
    insert into app_private.provider_refs (provider, kind, external_id, tenant_id, local_id) values (p_provider, 'invoice', p_external_id, v_sub.tenant_id, v_id);
  else
    select i.status into v_prev from app_public.invoices i where i.id = v_id for update;
    if v_prev in ('paid', 'cancelled', 'expired') then
      return 'ignored';
    end if;
    update app_public.invoices set status = p_status, amount_paise = p_amount, currency = p_currency,
        paid_at = case when p_status = 'paid' then coalesce(p_paid_at, now()) end where id = v_id;
  end if;
  if p_status = 'paid' then
    perform app_private.publish_event(v_sub.tenant_id, 'invoice.paid', jsonb_build_object('invoiceId', v_id, 'amount', p_amount, 'currency', p_currency));
  end if;
  return 'applied';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
-- <<< billing (issue 6)
-- >>> custom domains (issue 8)
/*
 * Custom domains: a workspace claims a hostname (`shop.example.com`), proves
 * control of its DNS with a TXT record `_logicspike.<hostname>` =
 * `logicspike-verify=<token>`, and the worker (custom_domains__verify) marks
 * it verified. Verified hostnames answer 200 on the TLS "ask" hook (the proxy
 * may then fetch a certificate) and count as allowed origins for the
 * workspace's publishable API keys.
 *
 * Uniqueness: a hostname may be pending in several workspaces (anyone can
 * type any name) but verified in at most one (partial unique index). Adding a
 * name that another workspace has verified is DMTKN, and the message never
 * says which workspace holds it.
 *
 * The token lives in app_private (one per row, so one workspace's TXT record
 * never verifies another's claim); members holding tenant:settings.update read
 * the expected value through the txt_record_value computed column, and the
 * worker compares as the owner.
 *
 * Reserved names (our own domain and its subdomains) come from the server's
 * configuration as the transaction setting `custom_domains.reserved`
 * (space-separated; see APP_DOMAIN), the same way webhooks get their
 * allowlist: server config, never client input.
 */
drop function if exists app_private.enqueue_custom_domain_checks();
drop function if exists app_private.record_custom_domain_check(uuid, boolean, text, interval);
drop function if exists app_private.verified_custom_domain_tenant(text);
drop function if exists app_public.recheck_custom_domain(uuid);
drop function if exists app_public.add_custom_domain(text);
drop function if exists app_public.custom_domains_txt_record_value(app_public.custom_domains);
drop function if exists app_public.custom_domains_txt_record_name(app_public.custom_domains);
drop table if exists app_private.custom_domain_tokens;
drop table if exists app_public.custom_domains;
drop function if exists app_private.normalize_custom_hostname(text);

/* Normalizes a hostname (lower case, no trailing dot) or raises DMBAD/DMOWN; the only validation path. */
create function app_private.normalize_custom_hostname(p_hostname text) returns text as $$
declare
  v_host text := lower(btrim(coalesce(p_hostname, '')));
  v_reserved text;
begin
  if right(v_host, 1) = '.' then
    v_host := left(v_host, -1);
  end if;
  if v_host = '' then
    raise exception 'Give a hostname such as shop.example.com.' using errcode = 'DMBAD';
  end if;
  if length(v_host) > 253 then
    raise exception 'A hostname has at most 253 characters.' using errcode = 'DMBAD';
  end if;
  if position('*' in v_host) > 0 then
    raise exception 'Wildcard hostnames cannot be added; add each hostname on its own.' using errcode = 'DMBAD';
  end if;
  if v_host ~ '^[0-9.]+$' or position(':' in v_host) > 0 or position('[' in v_host) > 0 then
    raise exception 'Give a hostname, not an IP address.' using errcode = 'DMBAD';
  end if;
  if v_host !~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' or v_host ~ '\.[0-9]+$' then
    raise exception 'That is not a valid hostname: use letters, digits and hyphens in dot-separated labels of at most 63 characters (punycode for international names), e.g. shop.example.com.' using errcode = 'DMBAD';
  end if;
  if v_host = 'localhost' or v_host ~ '\.(localhost|local|internal|invalid|arpa)$' then
    raise exception 'That hostname is reserved for local or special use; give a public hostname.' using errcode = 'DMBAD';
  end if;
  foreach v_reserved in array string_to_array(nullif(pg_catalog.current_setting('custom_domains.reserved', true), ''), ' ') loop
    if v_reserved <> '' and (v_host = v_reserved or right(v_host, length(v_reserved) + 1) = '.' || v_reserved) then
      raise exception 'Hostnames under our own domain cannot be added as custom domains.' using errcode = 'DMOWN';
    end if;
  end loop;
  return v_host;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.normalize_custom_hostname(text) is
  E'Lower-cases a custom-domain hostname and refuses IPs, wildcards, invalid or over-long names (DMBAD) and our own domain (DMOWN).';

create table app_public.custom_domains (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  hostname text not null check (length(hostname) between 1 and 253 and hostname = lower(hostname)),
  status text not null default 'pending' check (status in ('pending', 'verified', 'failed')),
  check_attempts int not null default 0 check (check_attempts >= 0),
  -- The verification window (CUSTOM_DOMAIN_VERIFY_HOURS, 72 h) runs from here; a re-check restarts it.
  check_started_at timestamptz not null default now(),
  last_checked_at timestamptz,
  last_error text check (last_error is null or length(last_error) <= 500),
  verified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, hostname),
  constraint custom_domains_verified_at check ((status = 'verified') = (verified_at is not null))
);
select app_private.add_owner_policies('app_public.custom_domains');
create index custom_domains_tenant_id_idx on app_public.custom_domains (tenant_id, created_at, id);
-- At most one workspace holds a hostname as verified; pending claims may overlap.
create unique index custom_domains_verified_hostname_key on app_public.custom_domains (hostname) where status = 'verified';
create index custom_domains_pending_idx on app_public.custom_domains (last_checked_at) where status = 'pending';
create trigger _100_timestamps before insert or update on app_public.custom_domains
  for each row execute procedure app_private.tg__timestamps();
comment on table app_public.custom_domains is
  E'A hostname the workspace serves from. Add it with addCustomDomain, create the TXT record it shows, and it becomes verified once the DNS check finds it.';
comment on column app_public.custom_domains.hostname is E'Lower-case hostname, e.g. `shop.example.com`.';
comment on column app_public.custom_domains.status is
  E'`pending` (waiting for the TXT record), `verified`, or `failed` (not found within the verification window, or verified by another workspace first); use recheckCustomDomain to try again.';
comment on column app_public.custom_domains.check_attempts is E'DNS checks made since the last (re)check request.';
comment on column app_public.custom_domains.check_started_at is E'When the current verification window started (the add, or the last re-check).';
comment on column app_public.custom_domains.last_checked_at is E'When DNS was last checked.';
comment on column app_public.custom_domains.last_error is E'Why the last check did not verify the domain (no TXT record, a different value, a DNS error).';
comment on column app_public.custom_domains.verified_at is E'When the TXT record was found.';

-- Members see the workspace's domains; managers (tenant:settings.update) remove them. Adding and
-- re-checking go through the functions below (they need to look beyond the workspace and queue jobs).
create policy select_member on app_public.custom_domains for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()));
create policy delete_manager on app_public.custom_domains for delete to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:settings.update')));
grant select, delete on app_public.custom_domains to app_user;

create table app_private.custom_domain_tokens (
  custom_domain_id uuid primary key references app_public.custom_domains on delete cascade,
  token text not null check (token ~ '^[0-9a-f]{32}$'),
  created_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.custom_domain_tokens');
comment on table app_private.custom_domain_tokens is E'The DNS TXT verification token of each custom domain (128 random bits, hex).';

create function app_public.custom_domains_txt_record_name(d app_public.custom_domains) returns text as $$
  select '_logicspike.' || d.hostname;
$$ language sql stable;
comment on function app_public.custom_domains_txt_record_name(app_public.custom_domains) is
  E'The DNS name of the TXT record that proves control of the hostname.';

/* Shown only to managers of the row's own workspace: the row is re-read by id within the session's workspace. */
create function app_public.custom_domains_txt_record_value(d app_public.custom_domains) returns text as $$
  select 'logicspike-verify=' || t.token
    from app_public.custom_domains c join app_private.custom_domain_tokens t on t.custom_domain_id = c.id
   where c.id = d.id and c.tenant_id = app_hidden.current_tenant_id() and app_hidden.has_permission('tenant:settings.update');
$$ language sql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.custom_domains_txt_record_value(app_public.custom_domains) is
  E'The value the TXT record must hold (visible with tenant:settings.update).';

create function app_public.add_custom_domain(hostname text) returns app_public.custom_domains as $$
declare
  v_tenant uuid := app_hidden.current_tenant_id();
  v_host text;
  v_row app_public.custom_domains;
begin
  if v_tenant is null then
    raise exception 'Sign in to a workspace to add a custom domain.' using errcode = 'LOGIN';
  end if;
  if not app_hidden.has_permission('tenant:settings.update') then
    raise exception 'You need permission to change the workspace''s settings to add a custom domain.' using errcode = 'DNIED';
  end if;
  v_host := app_private.normalize_custom_hostname(add_custom_domain.hostname);
  if exists (select 1 from app_public.custom_domains c where c.hostname = v_host and c.tenant_id = v_tenant) then
    raise exception 'This workspace already has that hostname.' using errcode = 'NUNIQ';
  end if;
  if exists (select 1 from app_public.custom_domains c where c.hostname = v_host and c.status = 'verified') then
    raise exception 'That hostname is already in use by another workspace.' using errcode = 'DMTKN';
  end if;
  insert into app_public.custom_domains (tenant_id, hostname) values (v_tenant, v_host) returning * into v_row;
  insert into app_private.custom_domain_tokens (custom_domain_id, token) values (v_row.id, encode(public.gen_random_bytes(16), 'hex'));
  -- First check right away (the record may already exist); the task schedules the next ones with backoff.
  perform app_private.add_job('custom_domains__verify', json_build_object('id', v_row.id),
    job_key := 'custom_domains__verify:' || v_row.id, max_attempts := 5);
  return v_row;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.add_custom_domain(text) is
  E'Claims a hostname for the workspace (needs tenant:settings.update). Create the TXT record `txtRecordName` = `txtRecordValue`; the domain is verified once DNS shows it.';

create function app_public.recheck_custom_domain(custom_domain_id uuid) returns app_public.custom_domains as $$
declare
  v_row app_public.custom_domains;
begin
  if not app_hidden.has_permission('tenant:settings.update') then
    raise exception 'You need permission to change the workspace''s settings to check a custom domain.' using errcode = 'DNIED';
  end if;
  select * into v_row from app_public.custom_domains c
   where c.id = recheck_custom_domain.custom_domain_id and c.tenant_id = app_hidden.current_tenant_id() for update;
  if v_row.id is null then
    raise exception 'No such custom domain in this workspace.' using errcode = 'NTFND';
  end if;
  if v_row.status = 'verified' then
    return v_row;
  end if;
  update app_public.custom_domains c set status = 'pending', check_attempts = 0, check_started_at = now(), last_error = null
   where c.id = v_row.id returning * into v_row;
  perform app_private.add_job('custom_domains__verify', json_build_object('id', v_row.id),
    job_key := 'custom_domains__verify:' || v_row.id, max_attempts := 5);
  return v_row;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.recheck_custom_domain(uuid) is
  E'Checks DNS for the domain again now (restarting the verification window of a failed domain). Needs tenant:settings.update.';

/*
 * The worker's verdict, in one statement: verified, or not yet (next check
 * with exponential backoff, 1 minute doubling up to 1 hour) until the window
 * closes (then failed). Verifying a hostname that another workspace verified
 * first hits the partial unique index: this row fails instead.
 * Returns the row's new status, or NULL when the row is gone or not pending.
 */
create function app_private.record_custom_domain_check(p_id uuid, p_found boolean, p_error text, p_window interval default interval '72 hours')
returns text as $$
declare
  v_row app_public.custom_domains;
begin
  select * into v_row from app_public.custom_domains where id = p_id for update;
  if v_row.id is null or v_row.status <> 'pending' then
    return null;
  end if;
  if p_found then
    begin
      update app_public.custom_domains set status = 'verified', verified_at = now(), last_checked_at = now(),
          check_attempts = check_attempts + 1, last_error = null where id = p_id;
      return 'verified';
    exception when unique_violation then
      update app_public.custom_domains set status = 'failed', last_checked_at = now(), check_attempts = check_attempts + 1,
          last_error = 'The hostname is already in use by another workspace.' where id = p_id;
      return 'failed';
    end;
  end if;
  if now() >= v_row.check_started_at + p_window then
    update app_public.custom_domains set status = 'failed', last_checked_at = now(), check_attempts = check_attempts + 1,
        last_error = left(coalesce(p_error, 'The TXT record was not found.'), 500) where id = p_id;
    return 'failed';
  end if;
  update app_public.custom_domains set last_checked_at = now(), check_attempts = check_attempts + 1,
      last_error = left(coalesce(p_error, 'The TXT record was not found.'), 500) where id = p_id;
  perform app_private.add_job('custom_domains__verify', json_build_object('id', p_id),
    job_key := 'custom_domains__verify:' || p_id, max_attempts := 5,
    run_at := now() + least(interval '1 minute' * power(2, least(v_row.check_attempts, 10)), interval '1 hour'));
  return 'pending';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.record_custom_domain_check(uuid, boolean, text, interval) is
  E'Worker: records one DNS check of a pending custom domain and schedules the next (backoff) or closes the window.';

/* Safety net for the cron: a check for every pending domain that has none queued (a queued one keeps its run_at). */
create function app_private.enqueue_custom_domain_checks() returns int as $$
declare
  v_id uuid;
  v_n int := 0;
begin
  for v_id in select id from app_public.custom_domains where status = 'pending' loop
    perform app_private.add_job('custom_domains__verify', json_build_object('id', v_id),
      job_key := 'custom_domains__verify:' || v_id, job_key_mode := 'preserve_run_at', max_attempts := 5);
    v_n := v_n + 1;
  end loop;
  return v_n;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.enqueue_custom_domain_checks() is
  E'Cron (custom_domains__recheck): makes sure every pending custom domain has a check queued.';

/* The TLS ask hook and publishable-key origins: the workspace that verified this hostname, or NULL. */
create function app_private.verified_custom_domain_tenant(p_hostname text) returns uuid as $$
  select tenant_id from app_public.custom_domains where hostname = lower(p_hostname) and status = 'verified';
$$ language sql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.verified_custom_domain_tenant(text) is
  E'Owner pool: the workspace holding the verified hostname, or NULL (TLS ask hook, publishable-key origin check).';
-- <<< custom domains (issue 8)

-- >>> observability (issue 9)
/*
 * Worker liveness: every worker process (in-process with the server, or
 * `npm run worker`) upserts its row every few seconds and deletes it on a
 * clean stop; /readyz and /metrics read how many were seen recently.
 */
drop table if exists app_private.worker_heartbeats;
create table app_private.worker_heartbeats (
  worker_id text primary key check (length(worker_id) between 1 and 200),
  hostname text not null,
  pid int not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.worker_heartbeats');
comment on table app_private.worker_heartbeats is E'One row per running worker process, refreshed every few seconds.';
-- <<< observability (issue 9)

-- >>> audit log (issue 8)
/*
 * Audit log: every insert/update/delete on tenant tables and every security
 * event (sign-in, failed sign-in, MFA changes, sessions revoked, API keys,
 * role and billing changes) as one row of app_public.audit_log, with the
 * workspace, the actor (user or API key, from the jwt.claims.* settings), the
 * request id (`app.request_id`) and client IP (`app.client_ip`) the server
 * puts into the transaction, the table and row id, and a diff of the changed
 * columns with secret-looking columns redacted.
 *
 * Append-only: request roles get SELECT (policy: active workspace and
 * `audit:read`) and nothing else; a BEFORE UPDATE OR DELETE row trigger and a
 * BEFORE TRUNCATE trigger refuse everyone, the owner and the superuser
 * included. The only deletion is retention (app_private.audit_retention): a
 * SECURITY DEFINER function that sets `app.audit_retention` for the length of
 * its own DELETE; the guard lets a DELETE through only when that setting is on
 * AND current_user is the table owner, so a request role setting the GUC
 * itself gains nothing (it has no DELETE privilege, and is not the owner).
 *
 * Tamper evidence: a hash chain per workspace. Entry n stores prev_hash (the
 * hash of entry n-1, or the chain's anchor) and hash = sha256(prev_hash ||
 * canonical text of the entry). Writers of one workspace serialise on its row
 * in app_private.audit_chain_heads (SELECT ... FOR UPDATE, held to commit), so
 * seq is gapless and the chain linear; different workspaces never wait for each
 * other. Retention removes a prefix of the chain and moves the anchor to the
 * hash of the last removed entry, so app_private.verify_audit_chain(tenant)
 * stays true. A superuser who disables the guard and edits, deletes or
 * inserts rows breaks the chain: verify returns false and
 * app_private.audit_chain_first_bad(tenant) names the first bad entry. (A
 * superuser could rewrite a whole chain and its head; export the head hash
 * elsewhere if that is in the threat model.)
 *
 * Tables created after this block need `select app_private.enable_audit('app_public.<table>');`
 * (test/catalog/audit.test.ts fails until they have it).
 */
do $$
declare
  r record;
begin
  for r in select t.tgrelid::regclass as tbl, t.tgname from pg_catalog.pg_trigger t
            where t.tgname in ('_990_audit', '_010_audit_lock') and not t.tgisinternal loop
    execute format('drop trigger if exists %I on %s', r.tgname, r.tbl);
  end loop;
end $$;
drop function if exists app_public.audit_chain_intact();
drop function if exists app_public.audit_entries(text, uuid, uuid, text, text, timestamptz, timestamptz);
drop function if exists app_private.audit_retention(interval, timestamptz);
drop function if exists app_private.audit_retention(interval); -- an earlier draft's signature
drop function if exists app_private.verify_audit_chain(uuid);
drop function if exists app_private.audit_chain_first_bad(uuid);
drop function if exists app_private.enable_audit(regclass, text, text[]);
drop function if exists app_private.tg_refresh_token_families__audit() cascade;
drop function if exists app_private.record_security_event(text, uuid, uuid, jsonb, text, text);
drop function if exists app_private.tg__audit() cascade;
drop function if exists app_private.tg__audit_lock() cascade;
drop function if exists app_private.audit_append(uuid, text, text, text, text, jsonb, uuid, uuid, text, inet);
drop function if exists app_private.audit_entry_hash(app_public.audit_log);
drop function if exists app_private.audit_lock_head(uuid);
drop function if exists app_private.audit_client_ip(text);
drop function if exists app_private.audit_genesis(uuid);
drop table if exists app_public.audit_log;
drop function if exists app_private.tg_audit_log__append_only() cascade;
drop table if exists app_private.audit_chain_heads;
drop table if exists app_private.audit_redactions;

/* Columns whose values never reach the log: regular expressions on the column name (add rows to extend). */
create table app_private.audit_redactions (
  pattern text primary key
);
select app_private.add_owner_policies('app_private.audit_redactions');
comment on table app_private.audit_redactions is
  E'Column-name patterns (regular expressions) whose values the audit log records as "[redacted]".';
insert into app_private.audit_redactions (pattern) values ('_hash$'), ('secret'), ('^token'), ('^password');

/* One row per workspace: the newest entry (seq, hash) and the anchor retention left behind. */
create table app_private.audit_chain_heads (
  tenant_id uuid primary key,
  last_seq bigint not null default 0,
  last_hash bytea not null,
  anchor_seq bigint not null default 0,
  anchor_hash bytea not null
);
select app_private.add_owner_policies('app_private.audit_chain_heads');
comment on table app_private.audit_chain_heads is
  E'Per-workspace head of the audit hash chain. Appends lock the row (serialising the chain); retention moves the anchor.';

/*
 * The log itself. tenant_id is not a foreign key: the audit trail outlives
 * the workspace (deleting a workspace logs the cascade, and a foreign key
 * would either fail those inserts or cascade-delete the evidence).
 */
create table app_public.audit_log (
  id bigint primary key generated always as identity,
  tenant_id uuid not null default app_hidden.current_tenant_id(),
  seq bigint not null,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_api_key_id uuid,
  request_id text,
  ip inet,
  action text not null check (action in ('insert', 'update', 'delete', 'event')),
  event text,
  table_name text,
  record_id text,
  diff jsonb not null default '{}',
  prev_hash bytea not null,
  hash bytea not null,
  unique (tenant_id, id),
  unique (tenant_id, seq)
);
alter table app_public.audit_log enable row level security;
alter table app_public.audit_log force row level security;
-- The owner appends (through the SECURITY DEFINER functions below), reads (verify, retention) and deletes (retention); never updates.
create policy owner_select on app_public.audit_log for select to current_user using (true);
create policy owner_insert on app_public.audit_log for insert to current_user with check (true);
create policy owner_delete on app_public.audit_log for delete to current_user using (true);
create index audit_log_tenant_id_idx on app_public.audit_log (tenant_id, occurred_at desc, id desc);
create index audit_log_tenant_table_idx on app_public.audit_log (tenant_id, table_name, occurred_at desc);
create index audit_log_tenant_actor_idx on app_public.audit_log (tenant_id, actor_user_id, occurred_at desc);

create policy select_auditor on app_public.audit_log for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('audit:read')));
grant select on app_public.audit_log to app_user;

comment on table app_public.audit_log is
  E'The workspace''s audit trail: every change to its data and every security event, append-only and hash-chained. Needs `audit:read`.';
comment on column app_public.audit_log.seq is E'Position in the workspace''s hash chain (1, 2, 3, ... without gaps, until retention removes the oldest).';
comment on column app_public.audit_log.occurred_at is E'When the change happened (the start of its transaction).';
comment on column app_public.audit_log.actor_user_id is E'The signed-in user who made the change, if any.';
comment on column app_public.audit_log.actor_api_key_id is E'The API key that made the change, if any.';
comment on column app_public.audit_log.request_id is E'The `x-request-id` of the HTTP request, to find it in the server logs.';
comment on column app_public.audit_log.ip is E'The client IP address the server saw.';
comment on column app_public.audit_log.action is E'`insert`, `update` or `delete` of a row, or `event` for a security event without a row.';
comment on column app_public.audit_log.event is E'Security event name, e.g. `auth.login`, `auth.login_failed`, `auth.mfa_enabled`, `auth.session_revoked`, `apikey.created`, `apikey.revoked`, `role.changed`, `billing.changed`.';
comment on column app_public.audit_log.table_name is E'The table changed (in app_public), or null for events.';
comment on column app_public.audit_log.record_id is E'The changed row''s primary key (comma-separated when it has several columns).';
comment on column app_public.audit_log.diff is E'Inserts and deletes: the row''s columns. Updates: `{"column": {"old": ..., "new": ...}}` for changed columns only. Secrets read "[redacted]".';
-- GraphQL names them digests: "hash" fields in the API are reserved for secrets (and refused by test/server/api_keys.test.ts).
comment on column app_public.audit_log.prev_hash is E'@name previous_digest\nThe previous entry''s SHA-256 chain value (or the chain''s anchor).';
comment on column app_public.audit_log.hash is E'@name digest\nsha256(previous digest || canonical entry text): this entry''s link in the workspace''s tamper-evident chain.';

create function app_private.tg_audit_log__append_only() returns trigger as $$
begin
  if tg_op = 'DELETE'
     and pg_catalog.current_setting('app.audit_retention', true) = 'on'
     and current_user = (select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class c where c.oid = tg_relid) then
    return old;
  end if;
  raise exception 'The audit log is append-only; entries cannot be changed or removed.' using errcode = 'DNIED';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_audit_log__append_only() is
  E'Guard: refuses UPDATE, DELETE and TRUNCATE on the audit log, except DELETE by app_private.audit_retention.';
create trigger _100_append_only before update or delete on app_public.audit_log
  for each row execute procedure app_private.tg_audit_log__append_only();
create trigger _100_no_truncate before truncate on app_public.audit_log
  for each statement execute procedure app_private.tg_audit_log__append_only();

/* Where a workspace's chain starts: a fixed, workspace-specific value. */
create function app_private.audit_genesis(p_tenant_id uuid) returns bytea as $$
  select pg_catalog.sha256(pg_catalog.convert_to('logicspike-audit:' || p_tenant_id::text, 'UTF8'));
$$ language sql immutable set search_path to pg_catalog, public, pg_temp;

/*
 * Canonical text of an entry, independent of session settings (TimeZone,
 * DateStyle): a JSON array of every column except id, prev_hash and hash.
 */
create function app_private.audit_entry_hash(e app_public.audit_log) returns bytea as $$
  select pg_catalog.sha256(e.prev_hash || pg_catalog.convert_to(pg_catalog.jsonb_build_array(
    e.tenant_id::text, e.seq, pg_catalog.to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id::text, e.actor_api_key_id::text, e.request_id, e.ip::text,
    e.action, e.event, e.table_name, e.record_id, e.diff)::text, 'UTF8'));
$$ language sql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.audit_entry_hash(app_public.audit_log) is
  E'sha256(prev_hash || canonical entry text): what an entry''s hash must be.';

/* The server-provided client IP, or NULL if it is not an IP literal (a bad setting must not break writes). */
create function app_private.audit_client_ip(p_value text) returns inet as $$
  select case when p_value ~ '^[0-9A-Fa-f:.]{2,45}$' and p_value ~ '[.:]' then p_value::inet end;
$$ language sql immutable set search_path to pg_catalog, public, pg_temp;

/*
 * Locks (creating it if need be) a workspace's chain head until the end of the
 * transaction, and returns it.
 */
create function app_private.audit_lock_head(p_tenant_id uuid) returns app_private.audit_chain_heads as $$
declare
  v_head app_private.audit_chain_heads;
begin
  insert into app_private.audit_chain_heads (tenant_id, last_hash, anchor_hash)
    values (p_tenant_id, app_private.audit_genesis(p_tenant_id), app_private.audit_genesis(p_tenant_id))
    on conflict (tenant_id) do nothing;
  select * into v_head from app_private.audit_chain_heads h where h.tenant_id = p_tenant_id for update;
  return v_head;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;

/*
 * Appends one entry to a workspace's chain. The chain head row lock is held
 * until the transaction ends: concurrent writers of one workspace queue here
 * (cheap: one indexed row), and a rolled-back transaction leaves no gap.
 */
create function app_private.audit_append(
  p_tenant_id uuid, p_action text, p_event text, p_table_name text, p_record_id text, p_diff jsonb,
  p_actor_user_id uuid, p_actor_api_key_id uuid, p_request_id text, p_ip inet
) returns bigint as $$
declare
  v_head app_private.audit_chain_heads;
  v_entry app_public.audit_log;
begin
  if p_tenant_id is null then
    return null;
  end if;
  v_head := app_private.audit_lock_head(p_tenant_id);

  v_entry.tenant_id := p_tenant_id;
  v_entry.seq := v_head.last_seq + 1;
  v_entry.occurred_at := now();
  v_entry.actor_user_id := p_actor_user_id;
  v_entry.actor_api_key_id := p_actor_api_key_id;
  v_entry.request_id := left(p_request_id, 200);
  v_entry.ip := p_ip;
  v_entry.action := p_action;
  v_entry.event := p_event;
  v_entry.table_name := p_table_name;
  v_entry.record_id := p_record_id;
  v_entry.diff := coalesce(p_diff, '{}');
  v_entry.prev_hash := v_head.last_hash;
  v_entry.hash := app_private.audit_entry_hash(v_entry);

  insert into app_public.audit_log (tenant_id, seq, occurred_at, actor_user_id, actor_api_key_id, request_id, ip,
                                    action, event, table_name, record_id, diff, prev_hash, hash)
    values (v_entry.tenant_id, v_entry.seq, v_entry.occurred_at, v_entry.actor_user_id, v_entry.actor_api_key_id,
            v_entry.request_id, v_entry.ip, v_entry.action, v_entry.event, v_entry.table_name, v_entry.record_id,
            v_entry.diff, v_entry.prev_hash, v_entry.hash);
  update app_private.audit_chain_heads h set last_seq = v_entry.seq, last_hash = v_entry.hash where h.tenant_id = p_tenant_id;
  return v_entry.seq;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.audit_append(uuid, text, text, text, text, jsonb, uuid, uuid, text, inet) is
  E'Appends an entry to a workspace''s audit hash chain (serialised per workspace by the chain head row lock).';

/*
 * The row trigger. Arguments (set by enable_audit): primary key columns
 * (comma-separated), a fixed event name for every change of the table ('' for
 * none), and columns whose changes alone are not worth an entry
 * (comma-separated; they are also left out of update diffs). updated_at is
 * always ignored in updates. SECURITY DEFINER: request roles have no rights
 * on app_private or the chain; the actor still comes from the settings.
 */
create function app_private.tg__audit() returns trigger as $$
declare
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_diff jsonb;
  v_event text := nullif(tg_argv[1], '');
  v_ignore text[] := pg_catalog.string_to_array(coalesce(tg_argv[2], ''), ',') || array['updated_at'];
  v_secret text;
begin
  if tg_op <> 'INSERT' then v_old := to_jsonb(old); end if;
  if tg_op <> 'DELETE' then v_new := to_jsonb(new); end if;
  v_row := coalesce(v_new, v_old);
  select coalesce(string_agg('(' || r.pattern || ')', '|'), '^$') into v_secret from app_private.audit_redactions r;

  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, case when n.key ~* v_secret
             then '{"old": "[redacted]", "new": "[redacted]"}'::jsonb
             else jsonb_build_object('old', v_old -> n.key, 'new', n.value) end)
      into v_diff
      from jsonb_each(v_new) n
     where n.value is distinct from v_old -> n.key and not n.key = any (v_ignore);
    if v_diff is null then
      return null; -- nothing worth recording changed (e.g. api_keys.last_used_at)
    end if;
  else
    select jsonb_object_agg(c.key, case when c.key ~* v_secret then '"[redacted]"'::jsonb else c.value end)
      into v_diff from jsonb_each(v_row) c;
  end if;

  -- Security-relevant changes get an event name too, so they can be filtered like sign-ins.
  if v_event is null then
    v_event := case
      when tg_table_name = 'api_keys' and tg_op = 'INSERT' then 'apikey.created'
      when tg_table_name = 'api_keys' and tg_op = 'UPDATE' and v_old ->> 'revoked_at' is null and v_new ->> 'revoked_at' is not null then 'apikey.revoked'
      when tg_table_name = 'api_keys' and tg_op = 'UPDATE' and v_diff ? 'prefix' then 'apikey.rolled'
      when tg_table_name = 'api_keys' and tg_op = 'DELETE' then 'apikey.deleted'
      when tg_table_name = 'memberships' and tg_op = 'INSERT' then 'member.added'
      when tg_table_name = 'memberships' and tg_op = 'DELETE' then 'member.removed'
      when tg_table_name = 'memberships' and tg_op = 'UPDATE' and (v_diff ? 'role' or v_diff ? 'custom_role_id') then 'role.changed'
      when tg_table_name = 'roles' and tg_op = 'UPDATE' and v_diff ? 'permissions' then 'role.changed'
    end;
  end if;

  perform app_private.audit_append(
    case when tg_table_name = 'tenants' then (v_row ->> 'id')::uuid else (v_row ->> 'tenant_id')::uuid end,
    lower(tg_op), v_event, tg_table_name::text,
    (select string_agg(v_row ->> k.col, ',' order by k.ord) from unnest(pg_catalog.string_to_array(tg_argv[0], ',')) with ordinality k(col, ord)),
    v_diff,
    app_hidden.current_user_id(), app_hidden.current_api_key_id(),
    nullif(pg_catalog.current_setting('app.request_id', true), ''),
    app_private.audit_client_ip(pg_catalog.current_setting('app.client_ip', true)));
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__audit() is
  E'Trigger (AFTER INSERT/UPDATE/DELETE, FOR EACH ROW): records the change in the workspace''s audit log. Attach with app_private.enable_audit.';

/*
 * Lock order. The row trigger takes the chain head lock *after* the statement
 * has locked its rows; a transaction already holding the head (from an earlier
 * statement) that then wants one of those rows would deadlock with it. So a
 * statement-level BEFORE trigger takes the head of the caller's workspace
 * first: in request transactions every row lock in a workspace is then taken
 * while holding its head, and writers of one workspace simply queue. (Owner
 * code without a workspace setting, and SELECT ... FOR UPDATE before a write,
 * can still invert the order; Postgres then aborts one side with 40P01.)
 */
create function app_private.tg__audit_lock() returns trigger as $$
begin
  if app_hidden.current_tenant_id() is not null then
    perform app_private.audit_lock_head(app_hidden.current_tenant_id());
  end if;
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__audit_lock() is
  E'Trigger (BEFORE INSERT/UPDATE/DELETE, FOR EACH STATEMENT): takes the active workspace''s audit chain head lock before any row lock.';

/*
 * Attaches the audit trigger to a tenant table (idempotent). p_event names
 * every change of the table (e.g. 'billing.changed'); p_ignore lists columns
 * whose changes alone are not audited (e.g. last_used_at).
 */
create function app_private.enable_audit(p_table regclass, p_event text default null, p_ignore text[] default '{}') returns void as $$
declare
  v_pk text;
begin
  select string_agg(a.attname, ',' order by k.ord) into v_pk
    from pg_catalog.pg_index i
    cross join unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
    join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
   where i.indrelid = p_table and i.indisprimary;
  if v_pk is null then
    raise exception 'Table % has no primary key; the audit log needs one to name rows.', p_table using errcode = 'INVLD';
  end if;
  execute format('drop trigger if exists _990_audit on %s', p_table);
  execute format('drop trigger if exists _010_audit_lock on %s', p_table);
  execute format('create trigger _010_audit_lock before insert or update or delete on %s for each statement execute procedure app_private.tg__audit_lock()', p_table);
  execute format('create trigger _990_audit after insert or update or delete on %s for each row execute procedure app_private.tg__audit(%L, %L, %L)',
                 p_table, v_pk, coalesce(p_event, ''), array_to_string(coalesce(p_ignore, '{}'), ','));
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.enable_audit(regclass, text, text[]) is
  E'Migration helper: audit every insert/update/delete of a tenant table. Call it after creating the table.';

-- Every tenant table that exists now (and the workspaces themselves); billing tables are tagged billing.changed.
select app_private.enable_audit(c.oid::regclass,
         case when c.relname in ('billing_accounts', 'wallets', 'wallet_entries', 'plan_subscriptions', 'tenant_addons', 'invoices', 'coin_orders')
              then 'billing.changed' end,
         case c.relname when 'api_keys' then '{last_used_at}'::text[] else '{}'::text[] end)
  from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where n.nspname = 'app_public' and c.relkind in ('r', 'p') and c.relname <> 'audit_log'
   and (c.relname = 'tenants'
        or exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped));

/*
 * Security events without a row of their own (sign-in, failed sign-in, MFA
 * changes). Called on the owner pool with the request id and IP; with no
 * workspace given, the event is recorded in every workspace the user belongs
 * to (their admins see attacks on their members). Returns the entries made.
 */
create function app_private.record_security_event(
  p_event text, p_user_id uuid, p_tenant_id uuid, p_details jsonb default '{}', p_request_id text default null, p_ip text default null
) returns int as $$
declare
  v_count int := 0;
  v_tenant uuid;
begin
  for v_tenant in
    select p_tenant_id where p_tenant_id is not null
    union all
    select m.tenant_id from app_public.memberships m where p_tenant_id is null and m.user_id = p_user_id
  loop
    perform app_private.audit_append(v_tenant, 'event', p_event, null, p_user_id::text, coalesce(p_details, '{}'),
      coalesce(p_user_id, app_hidden.current_user_id()), app_hidden.current_api_key_id(),
      coalesce(p_request_id, nullif(pg_catalog.current_setting('app.request_id', true), '')),
      app_private.audit_client_ip(coalesce(p_ip, pg_catalog.current_setting('app.client_ip', true))));
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.record_security_event(text, uuid, uuid, jsonb, text, text) is
  E'Records a security event (auth.login, auth.login_failed, auth.mfa_enabled, ...) for a user in one workspace, or in all of theirs.';

/* Every path that revokes a refresh family (logout, reuse, role change, password reset) lands here. */
create function app_private.tg_refresh_token_families__audit() returns trigger as $$
begin
  perform app_private.record_security_event('auth.session_revoked', new.user_id, new.tenant_id,
    jsonb_build_object('familyId', new.id, 'reason', new.revoked_reason));
  return null;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
create trigger _990_audit after update on app_private.refresh_token_families
  for each row when (old.revoked_at is null and new.revoked_at is not null)
  execute procedure app_private.tg_refresh_token_families__audit();

/*
 * Verification: walks the chain from its anchor. Returns no row when intact,
 * otherwise the first bad entry and what is wrong with it.
 */
create function app_private.audit_chain_first_bad(p_tenant_id uuid)
returns table (seq bigint, id bigint, problem text) as $$
declare
  v_head app_private.audit_chain_heads;
  v_prev bytea;
  v_expected bigint;
  e app_public.audit_log;
begin
  select * into v_head from app_private.audit_chain_heads h where h.tenant_id = p_tenant_id;
  if v_head.tenant_id is null then
    v_head.tenant_id := p_tenant_id;
    v_head.last_seq := 0;
    v_head.last_hash := app_private.audit_genesis(p_tenant_id);
    v_head.anchor_seq := 0;
    v_head.anchor_hash := v_head.last_hash;
  end if;
  v_prev := v_head.anchor_hash;
  v_expected := v_head.anchor_seq + 1;
  for e in select * from app_public.audit_log l where l.tenant_id = p_tenant_id order by l.seq, l.id loop
    if e.seq < v_expected then
      return query select e.seq, e.id, 'duplicate or out-of-chain entry (seq already used or before the retention anchor)'::text;
      return;
    elsif e.seq > v_expected then
      return query select e.seq, e.id, format('entries %s to %s are missing', v_expected, e.seq - 1);
      return;
    elsif e.prev_hash is distinct from v_prev then
      return query select e.seq, e.id, 'prev_hash does not match the previous entry''s hash'::text;
      return;
    elsif e.hash is distinct from app_private.audit_entry_hash(e) then
      return query select e.seq, e.id, 'hash does not match the entry''s content (the entry was altered)'::text;
      return;
    end if;
    v_prev := e.hash;
    v_expected := v_expected + 1;
  end loop;
  if v_expected - 1 <> v_head.last_seq or v_prev is distinct from v_head.last_hash then
    return query select v_expected, null::bigint, format('the newest entries (after seq %s) are missing', v_expected - 1);
  end if;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.audit_chain_first_bad(uuid) is
  E'The first entry where a workspace''s audit chain breaks (seq, id, problem); no row when the chain is intact.';

create function app_private.verify_audit_chain(p_tenant_id uuid) returns boolean as $$
declare
  v_bad record;
begin
  select * into v_bad from app_private.audit_chain_first_bad(p_tenant_id) limit 1;
  if v_bad.problem is not null then
    raise warning 'audit chain of workspace % is broken at seq % (id %): %', p_tenant_id, v_bad.seq, v_bad.id, v_bad.problem;
    return false;
  end if;
  return true;
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.verify_audit_chain(uuid) is
  E'True when the workspace''s audit chain is intact; false (with a WARNING naming the first bad entry) otherwise.';

/*
 * Retention: per workspace, removes the longest prefix of the chain that is
 * older than p_keep (as of p_as_of, normally now) and anchors the chain at the
 * last removed entry's hash. Runs under the chain head lock, so appends wait
 * instead of racing the anchor.
 */
create function app_private.audit_retention(p_keep interval, p_as_of timestamptz default now())
returns table (tenant_id uuid, removed bigint) as $$
declare
  v_tenant uuid;
  v_head app_private.audit_chain_heads;
  v_cut bigint;
  v_hash bytea;
  v_removed bigint;
begin
  if p_keep is null or p_keep < interval '0' or p_as_of is null or p_as_of > now() then
    raise exception 'Give a non-negative retention period and a cut-off time that is not in the future.' using errcode = 'INVLD';
  end if;
  for v_tenant in select h.tenant_id from app_private.audit_chain_heads h order by h.tenant_id loop
    select * into v_head from app_private.audit_chain_heads h where h.tenant_id = v_tenant for update;
    select coalesce(min(l.seq) - 1, v_head.last_seq) into v_cut
      from app_public.audit_log l where l.tenant_id = v_head.tenant_id and l.occurred_at >= p_as_of - p_keep;
    continue when v_cut <= v_head.anchor_seq;
    select l.hash into v_hash from app_public.audit_log l where l.tenant_id = v_head.tenant_id and l.seq = v_cut;
    continue when v_hash is null; -- already broken there; leave it for verify to report
    perform pg_catalog.set_config('app.audit_retention', 'on', true);
    delete from app_public.audit_log l where l.tenant_id = v_head.tenant_id and l.seq <= v_cut;
    get diagnostics v_removed = row_count;
    perform pg_catalog.set_config('app.audit_retention', '', true);
    update app_private.audit_chain_heads h set anchor_seq = v_cut, anchor_hash = v_hash where h.tenant_id = v_head.tenant_id;
    tenant_id := v_head.tenant_id;
    removed := v_removed;
    return next;
  end loop;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.audit_retention(interval, timestamptz) is
  E'Deletes audit entries older than p_keep (before p_as_of - p_keep) (a prefix of each chain) and moves each chain''s anchor; verify stays true.';

/*
 * GraphQL: the log, filtered and newest first (a connection: first/after).
 * Invoker rights, so the select_auditor policy decides what anyone sees.
 */
create function app_public.audit_entries(
  table_name text default null,
  actor_user_id uuid default null,
  actor_api_key_id uuid default null,
  action text default null,
  event text default null,
  occurred_after timestamptz default null,
  occurred_before timestamptz default null
) returns setof app_public.audit_log as $$
  select l.* from app_public.audit_log l
   where l.tenant_id = app_hidden.current_tenant_id()
     and (audit_entries.table_name is null or l.table_name = audit_entries.table_name)
     and (audit_entries.actor_user_id is null or l.actor_user_id = audit_entries.actor_user_id)
     and (audit_entries.actor_api_key_id is null or l.actor_api_key_id = audit_entries.actor_api_key_id)
     and (audit_entries.action is null or l.action = audit_entries.action)
     and (audit_entries.event is null or l.event = audit_entries.event)
     and (audit_entries.occurred_after is null or l.occurred_at >= audit_entries.occurred_after)
     and (audit_entries.occurred_before is null or l.occurred_at < audit_entries.occurred_before)
   order by l.occurred_at desc, l.id desc;
$$ language sql stable;
comment on function app_public.audit_entries(text, uuid, uuid, text, text, timestamptz, timestamptz) is
  E'The active workspace''s audit log, newest first, optionally filtered by table, actor (user or API key), action, event and time range [occurredAfter, occurredBefore). Needs `audit:read`.';

create function app_public.audit_chain_intact() returns boolean as $$
begin
  if app_hidden.current_tenant_id() is null or not app_hidden.has_permission('audit:read') then
    raise exception 'You do not have permission to read the audit log.' using errcode = 'DNIED';
  end if;
  return not exists (select 1 from app_private.audit_chain_first_bad(app_hidden.current_tenant_id()));
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.audit_chain_intact() is
  E'True when the active workspace''s audit log hash chain verifies (nothing altered, inserted or removed outside retention). Needs `audit:read`.';
-- <<< audit log (issue 8)
