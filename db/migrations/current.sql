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
drop function if exists app_private.tg_tenants__default_services();
drop table if exists app_public.tenant_services;
drop table if exists app_public.services;
drop function if exists app_hidden.has_service(text);
drop function if exists app_hidden.current_services();

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
drop function if exists app_private.tg_api_keys__validate();
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
