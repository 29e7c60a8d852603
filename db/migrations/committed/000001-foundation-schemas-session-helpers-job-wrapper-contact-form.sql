--! Previous: -
--! Hash: sha1:d8952af1ebd821da5b91d82520eda0ff3f72f3ca
--! Message: Foundation: schemas, session helpers, job wrapper, contact form

/*
 * Foundation: schemas, default privileges, session helpers, shared trigger
 * functions, the job-enqueue wrapper, and one real feature wired end to end
 * (the public contact form: GraphQL mutation -> row -> trigger -> job -> email).
 *
 * Request roles (app_anonymous, app_user, app_api_key) and the authenticator
 * are created by the setup step (server/src/db/setup.ts), never here.
 */

/*
 * Undo block (reverse order) so this file can be re-run while it is `current`.
 */
drop schema if exists app_public cascade;
drop schema if exists app_hidden cascade;
drop schema if exists app_private cascade;

/*
 * Three schemas:
 *   app_public  - what GraphQL exposes (the only schema given to PostGraphile).
 *   app_hidden  - usable by request roles but not exposed: session and policy helpers.
 *   app_private - no USAGE for request roles at all: secrets, internal state.
 */
create schema app_public;
create schema app_hidden;
create schema app_private;

grant usage on schema app_public, app_hidden to app_anonymous, app_user, app_api_key;

/*
 * Functions are executable by PUBLIC by default; that is too generous for a
 * schema full of SECURITY DEFINER helpers. Revoke it and grant per schema.
 */
alter default privileges revoke all on sequences from public;
alter default privileges revoke all on functions from public;
alter default privileges in schema app_public, app_hidden
  grant usage, select on sequences to app_anonymous, app_user, app_api_key;
alter default privileges in schema app_public, app_hidden
  grant execute on functions to app_anonymous, app_user, app_api_key;

/*
 * Session helpers. The server verifies the caller's token (or API key) and
 * puts its claims into transaction-local settings; policies read them only
 * through these STABLE functions. On a pooled connection an unset setting
 * reads as '' rather than NULL, so every helper maps '' to NULL and every
 * policy is therefore default-deny.
 */
create function app_hidden.current_user_id() returns uuid as $$
  select nullif(pg_catalog.current_setting('jwt.claims.user_id', true), '')::uuid;
$$ language sql stable;
comment on function app_hidden.current_user_id() is
  E'The id of the user the verified token belongs to, or NULL when anonymous.';

create function app_hidden.current_tenant_id() returns uuid as $$
  select nullif(pg_catalog.current_setting('jwt.claims.tenant_id', true), '')::uuid;
$$ language sql stable;
comment on function app_hidden.current_tenant_id() is
  E'The active workspace (tenant) of the verified token or API key, or NULL.';

create function app_hidden.current_permissions() returns text[] as $$
  select coalesce(
    pg_catalog.string_to_array(nullif(pg_catalog.current_setting('jwt.claims.permissions', true), ''), ' '),
    '{}'::text[]
  );
$$ language sql stable;
comment on function app_hidden.current_permissions() is
  E'Permission strings (`service:resource.action`) granted to the caller in the active workspace; empty when none.';

create function app_hidden.has_permission(permission text) returns boolean as $$
  select coalesce(permission = any (app_hidden.current_permissions()), false);
$$ language sql stable;
comment on function app_hidden.has_permission(text) is
  E'True when the caller holds `permission` in the active workspace. Call it as `(select app_hidden.has_permission(''x''))` in policies so it runs once per statement.';

/*
 * Shared trigger functions.
 */
create function app_private.tg__timestamps() returns trigger as $$
begin
  new.created_at = (case when tg_op = 'INSERT' then now() else old.created_at end);
  new.updated_at = (case when tg_op = 'UPDATE' and old.updated_at >= now() then old.updated_at + interval '1 millisecond' else now() end);
  return new;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__timestamps() is
  E'Keeps created_at immutable and updated_at strictly increasing.';

/*
 * Enqueueing jobs. Request roles have no rights on the graphile_worker schema,
 * so everything that queues a job goes through this SECURITY DEFINER wrapper
 * (owned by the database owner, search_path pinned). plpgsql so the reference
 * to graphile_worker is resolved at call time, not at creation time.
 */
create function app_private.add_job(
  identifier text,
  payload json default '{}',
  job_key text default null,
  job_key_mode text default 'replace',
  run_at timestamptz default null,
  max_attempts int default null,
  queue_name text default null
) returns void as $$
begin
  perform graphile_worker.add_job(
    identifier => identifier,
    payload => payload,
    queue_name => queue_name,
    run_at => run_at,
    max_attempts => max_attempts,
    job_key => job_key,
    job_key_mode => job_key_mode
  );
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.add_job(text, json, text, text, timestamptz, int, text) is
  E'Queues a graphile-worker job from SQL. The only door from request transactions into graphile_worker.';

/*
 * Generic "queue a job for this row" trigger: `execute procedure
 * app_private.tg__add_job('task_name')` queues `task_name` with {"id": NEW.id}.
 * Only the id travels; the task re-reads the row, so it always sees the
 * committed state and stays idempotent.
 */
create function app_private.tg__add_job() returns trigger as $$
begin
  perform app_private.add_job(tg_argv[0], json_build_object('id', new.id));
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg__add_job() is
  E'Trigger: queue the job named in the first trigger argument with the new row''s id.';

/*
 * Contact form: the first real feature, and the pattern every later one
 * follows. Anyone (anonymous included) may submit; nobody can read the
 * submissions through GraphQL; the worker emails them to the operator inbox.
 */
create table app_private.contact_messages (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  email citext not null check (length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  message text not null check (length(message) between 1 and 5000),
  user_id uuid,
  notified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_private.contact_messages enable row level security;
alter table app_private.contact_messages force row level security;
create index contact_messages_unnotified_idx on app_private.contact_messages (created_at) where notified_at is null;
create trigger _100_timestamps before insert or update on app_private.contact_messages
  for each row execute procedure app_private.tg__timestamps();
create trigger _900_notify after insert on app_private.contact_messages
  for each row execute procedure app_private.tg__add_job('contact_messages__notify');
comment on table app_private.contact_messages is
  E'Messages sent through the public contact form; delivered to the operator inbox by the contact_messages__notify task.';

/*
 * FORCE ROW LEVEL SECURITY applies to the table owner too, so the definer
 * function below needs an explicit policy to insert, and the worker (which
 * connects as the owner) one to read and mark delivered. No policy names a
 * request role: they have no grant on app_private at all.
 */
create policy insert_owner on app_private.contact_messages for insert to current_user with check (true);
create policy select_owner on app_private.contact_messages for select to current_user using (true);
create policy update_owner on app_private.contact_messages for update to current_user using (true);

create function app_public.submit_contact_message(name text, email text, message text) returns boolean as $$
declare
  v_name text := btrim(coalesce(name, ''));
  v_email text := btrim(coalesce(email, ''));
  v_message text := btrim(coalesce(message, ''));
begin
  if length(v_name) not between 1 and 200 then
    raise exception 'Please give a name between 1 and 200 characters.' using errcode = 'INVLD';
  end if;
  if length(v_email) > 320 or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'Please give a valid email address so we can reply.' using errcode = 'INVLD';
  end if;
  if length(v_message) not between 1 and 5000 then
    raise exception 'Please write a message between 1 and 5000 characters.' using errcode = 'INVLD';
  end if;

  insert into app_private.contact_messages (name, email, message, user_id)
    values (v_name, v_email, v_message, app_hidden.current_user_id());
  return true;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.submit_contact_message(text, text, text) is
  E'Sends a message to the operators of this LogicSpike installation. Works without signing in. Returns true once the message is queued for delivery.';
