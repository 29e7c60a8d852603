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
