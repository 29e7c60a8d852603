--! Previous: sha1:06f06d1fd76b1fb785b011f05e75546a7b7be03a
--! Hash: sha1:a5dc95a7bf283c6780a1567ba839b6f91774794b
--! Message: Account deletion with audit erasure and rechaining; files table with quota, events and object deletion jobs

--! split: 1-current.sql
-- Enter migration here

--! split: 3-account.sql
/*
 * Account deletion (issue 21 item 2). app_private.delete_account(user) is the
 * whole state change, one transaction, called by POST /auth/account/delete
 * after the server checked the password (and second factor):
 *  1. refuses (SOLOW) while the user is the only owner of a workspace with
 *     other members, naming those workspaces;
 *  2. records `user.deleted` (no details, no IP) in each of their workspaces;
 *  3. deletes the workspaces where they are the only member, their pending
 *     invitations sent and received, then the user row (memberships, secrets,
 *     sessions, refresh tokens, MFA, API keys they created cascade);
 *  4. erases every remaining occurrence of their email and name from text and
 *     JSON columns of the app_* schemas and from queued job payloads;
 *  5. erases them from audit entries and re-links each affected workspace's
 *     hash chain from the first changed entry (see docs/identity.md:
 *     verify_audit_chain stays true; a head hash exported before the
 *     deletion no longer matches, which the user.deleted entry explains).
 */
drop policy if exists owner_update_erasure on app_public.audit_log;
drop function if exists app_private.delete_account(uuid);
drop function if exists app_private.erase_text(text, text, text);
drop function if exists app_private.audit_erasing();

/* user.deleted: for subscribers that keep copies of user data (CRMs, mailing lists) to erase theirs; only the id. */
insert into app_public.event_types (key, description, schema, notify) values
  ('user.deleted', 'A user deleted their account; their personal data was erased.', jsonb_build_object('type', 'object',
     'required', jsonb_build_array('userId'),
     'properties', jsonb_build_object('userId', jsonb_build_object('type', 'string', 'description', 'The deleted user''s id (no longer resolvable).'))),
   'none')
on conflict (key) do update set description = excluded.description, schema = excluded.schema, notify = excluded.notify;

/* Allows UPDATE of audit entries only inside delete_account (app.audit_erasure) by the table owner; DELETE as before. */
create or replace function app_private.tg_audit_log__append_only() returns trigger as $$
begin
  if tg_op = 'DELETE'
     and pg_catalog.current_setting('app.audit_retention', true) = 'on'
     and current_user = (select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class c where c.oid = tg_relid) then
    return old;
  end if;
  if tg_op = 'UPDATE'
     and pg_catalog.current_setting('app.audit_erasure', true) = 'on'
     and current_user = (select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class c where c.oid = tg_relid) then
    return new;
  end if;
  raise exception 'The audit log is append-only; entries cannot be changed or removed.' using errcode = 'DNIED';
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;

/*
 * RLS is forced and the owner has no update policy, so its UPDATEs match no row. This one admits the owner
 * only while delete_account erases (app.audit_erasure on); the guard above checks the same again.
 */
create function app_private.audit_erasing() returns boolean as $$
  select pg_catalog.current_setting('app.audit_erasure', true) = 'on';
$$ language sql stable;
comment on function app_private.audit_erasing() is E'True only inside app_private.delete_account, while it rewrites audit entries.';
create policy owner_update_erasure on app_public.audit_log for update to current_user
  using ((select app_private.audit_erasing())) with check ((select app_private.audit_erasing()));

/* Case-insensitive literal replacement (the needle is regex-escaped). */
create function app_private.erase_text(p_text text, p_needle text, p_with text) returns text as $$
  select pg_catalog.regexp_replace(p_text, pg_catalog.regexp_replace(p_needle, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'), p_with, 'gi');
$$ language sql immutable;

create function app_private.delete_account(p_user_id uuid) returns int as $$
declare
  v_user app_public.users;
  v_blocked text[];
  v_sole uuid[];
  v_needles text[];
  v_needle text;
  v_col record;
  v_tenant uuid;
  v_first bigint;
  v_entry app_public.audit_log;
  v_prev bytea;
  v_erased_email text := 'erased-' || p_user_id || '@deleted.invalid';
begin
  select * into v_user from app_public.users where id = p_user_id for update;
  if v_user.id is null then
    raise exception 'Your account no longer exists.' using errcode = 'LOGIN';
  end if;
  select array_agg(t.name order by t.name) into v_blocked
    from app_public.memberships m join app_public.tenants t on t.id = m.tenant_id
   where m.user_id = p_user_id and m.role = 'owner'
     and not exists (select 1 from app_public.memberships o where o.tenant_id = m.tenant_id and o.user_id <> p_user_id and o.role = 'owner')
     and exists (select 1 from app_public.memberships o where o.tenant_id = m.tenant_id and o.user_id <> p_user_id);
  if v_blocked is not null then
    raise exception 'You are the only owner of %. Make another member the owner (or remove the other members) first, then delete your account.',
      array_to_string(v_blocked, ', ') using errcode = 'SOLOW', detail = pg_catalog.to_jsonb(v_blocked)::text;
  end if;

  perform app_private.record_security_event('user.deleted', p_user_id, null, '{}', null, null);
  perform app_private.publish_event(null, 'user.deleted', jsonb_build_object('userId', p_user_id));
  select coalesce(array_agg(m.tenant_id), '{}') into v_sole from app_public.memberships m
   where m.user_id = p_user_id and not exists (select 1 from app_public.memberships o where o.tenant_id = m.tenant_id and o.user_id <> p_user_id);
  delete from app_public.tenants where id = any (v_sole);
  delete from app_public.invitations where (invited_by = p_user_id and accepted_at is null) or email = v_user.email;
  delete from app_public.users where id = p_user_id;

  -- Longest first, so a name inside the email is not replaced before the email.
  v_needles := array(select n from unnest(array[v_user.email::text, v_user.name]) n where length(n) >= 3 order by length(n) desc);
  foreach v_needle in array v_needles loop
    for v_col in
      select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as typ
        from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('app_public', 'app_private', 'app_hidden') and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
         and a.attgenerated = '' and format_type(a.atttypid, a.atttypmod) in ('text', 'citext', 'jsonb', 'json', 'character varying')
         and not (n.nspname = 'app_public' and c.relname = 'audit_log')
    loop
      execute format('update %I.%I set %I = app_private.erase_text(%I::text, $1, $2)::%s where %I::text ilike $3',
                     v_col.nspname, v_col.relname, v_col.attname, v_col.attname, v_col.typ, v_col.attname)
        using v_needle, case when v_needle = v_user.email::text then v_erased_email else '[erased]' end,
              '%' || replace(replace(v_needle, '%', '\%'), '_', '\_') || '%';
    end loop;
    update graphile_worker._private_jobs set payload = app_private.erase_text(payload::text, v_needle, case when v_needle = v_user.email::text then v_erased_email else '[erased]' end)::json
     where payload::text ilike '%' || replace(replace(v_needle, '%', '\%'), '_', '\_') || '%';
  end loop;

  -- The audit log last (the statements above append entries too), one workspace chain at a time under its head lock.
  perform pg_catalog.set_config('app.audit_erasure', 'on', true);
  for v_tenant in
    select distinct a.tenant_id from app_public.audit_log a
     where a.actor_user_id = p_user_id or exists (select 1 from unnest(v_needles) n where a.diff::text ilike '%' || n || '%')
  loop
    perform app_private.audit_lock_head(v_tenant);
    select min(seq) into v_first from app_public.audit_log a
     where a.tenant_id = v_tenant and ((a.actor_user_id = p_user_id and a.ip is not null)
        or exists (select 1 from unnest(v_needles) n where a.diff::text ilike '%' || n || '%'));
    if v_first is null then continue; end if;
    select prev_hash into v_prev from app_public.audit_log where tenant_id = v_tenant and seq = v_first;
    for v_entry in select * from app_public.audit_log where tenant_id = v_tenant and seq >= v_first order by seq loop
      if v_entry.actor_user_id = p_user_id then v_entry.ip := null; end if;
      foreach v_needle in array v_needles loop
        v_entry.diff := app_private.erase_text(v_entry.diff::text, v_needle,
          case when v_needle = v_user.email::text then v_erased_email else '[erased]' end)::jsonb;
      end loop;
      v_entry.prev_hash := v_prev;
      v_entry.hash := app_private.audit_entry_hash(v_entry);
      update app_public.audit_log set ip = v_entry.ip, diff = v_entry.diff, prev_hash = v_entry.prev_hash, hash = v_entry.hash where id = v_entry.id;
      v_prev := v_entry.hash;
    end loop;
    update app_private.audit_chain_heads set last_hash = v_prev where tenant_id = v_tenant;
  end loop;
  perform pg_catalog.set_config('app.audit_erasure', '', true);
  return coalesce(array_length(v_sole, 1), 0);
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.delete_account(uuid) is
  E'Deletes a user: refuses SOLOW while they solely own a shared workspace; deletes their sole-member workspaces; erases their email and name everywhere (audit chain re-linked). Returns the number of workspaces deleted.';

--! split: 4-files.sql
/*
 * File storage per workspace (issue 19), step 1: the files table, its permissions, quota and events.
 * Undo block first, in reverse order, so graphile-migrate can re-run this file.
 */
drop table if exists app_public.storage_settings cascade;
drop table if exists app_public.files cascade;
drop function if exists app_private.tg_files__delete_object();
drop function if exists app_private.tg_files__events();
drop function if exists app_private.tg_files__quota();
drop function if exists app_private.tg_files__validate();
delete from app_public.event_types where key in ('file.uploaded', 'file.deleted');
update app_public.role_templates
   set permissions = array(select p from unnest(permissions) p
                            where p not in ('storage:files.read', 'storage:files.write', 'storage:files.delete') order by p);
delete from app_public.permissions where key in ('storage:files.read', 'storage:files.write', 'storage:files.delete');

/*
 * Permissions: reading, uploading/renaming, deleting. Owners and admins get all three; members read and
 * upload (they cannot delete others' work, like blog posts).
 */
insert into app_public.permissions (key, description) values
  ('storage:files.read', 'See and download the workspace''s files.'),
  ('storage:files.write', 'Upload files, rename them and change their visibility.'),
  ('storage:files.delete', 'Delete the workspace''s files.')
on conflict (key) do update set description = excluded.description;
update app_public.role_templates
   set permissions = array(select distinct unnest(permissions || '{storage:files.read,storage:files.write,storage:files.delete}') order by 1)
 where key in ('owner', 'admin');
update app_public.role_templates
   set permissions = array(select distinct unnest(permissions || '{storage:files.read,storage:files.write}') order by 1)
 where key = 'member';

/*
 * One row per stored object. The object's key in the backend (local disk or S3) is derived from the row,
 * `<tenant_id>/<id>`, never from the client's name, so a name can never reach outside the workspace's
 * prefix (no path traversal by construction; names are validated anyway because they show up in
 * Content-Disposition headers and folders in listings). A row is `pending` while its bytes are on the way
 * (a presigned slot) and `ready` once the server has checked size, checksum and the sniffed content type;
 * only the owner role (trusted server code) sets `ready` (no grant on status).
 */
create table app_public.files (
  id uuid not null default gen_random_uuid(),
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  folder text not null default '' check (
    folder = '' or (length(folder) <= 500 and folder ~ '^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$')),
  name text not null check (
    length(name) between 1 and 255 and name !~ '[/\\[:cntrl:]]' and name not in ('.', '..') and name = btrim(name)),
  content_type text not null default 'application/octet-stream'
    check (length(content_type) <= 255 and content_type ~ '^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$'),
  size_bytes bigint not null check (size_bytes between 0 and 1099511627776),
  checksum_sha256 text check (checksum_sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid default app_hidden.current_user_id(),
  visibility text not null default 'private' check (visibility in ('private', 'public')),
  status text not null default 'pending' check (status in ('pending', 'ready')),
  storage_key text generated always as (tenant_id::text || '/' || id::text) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  uploaded_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, folder, name),
  check (status = 'pending' or (checksum_sha256 is not null and uploaded_at is not null)),
  foreign key (tenant_id, uploaded_by) references app_public.memberships (tenant_id, user_id) on delete set null (uploaded_by)
);
comment on table app_public.files is E'@primaryKey id\nA file stored for the workspace (local disk or S3-compatible storage); its bytes count against the plan''s `storage_mb`.';
comment on column app_public.files.id is E'The file''s id; also the last part of its storage key.';
comment on column app_public.files.tenant_id is E'The workspace that owns the file.';
comment on column app_public.files.folder is E'A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level.';
comment on column app_public.files.name is E'The file name shown and offered for download; 1 to 255 characters, no `/`, `\\` or control characters, not `.` or `..`.';
comment on column app_public.files.content_type is E'The MIME type; for ready files, the type sniffed from the bytes (not the extension).';
comment on column app_public.files.size_bytes is E'Size in bytes; reserved against the `storage.bytes` meter when the row is created, released when it is deleted.';
comment on column app_public.files.checksum_sha256 is E'SHA-256 of the bytes (lowercase hex); checked before the file becomes ready.';
comment on column app_public.files.uploaded_by is E'The member who uploaded it; null once they left the workspace or for uploads by API keys.';
comment on column app_public.files.visibility is E'`private` (signed, short-lived download URLs) or `public` (a stable URL; readable with a publishable `pk_` key).';
comment on column app_public.files.status is E'`pending` while the upload is in progress, `ready` once its size, checksum and type were verified.';
comment on column app_public.files.storage_key is E'Where the bytes are in the storage backend: `<tenant_id>/<id>`, derived, never from the name.';
comment on column app_public.files.created_at is E'When the file (or its upload slot) was created.';
comment on column app_public.files.updated_at is E'When the row last changed.';
comment on column app_public.files.uploaded_at is E'When the upload was verified and the file became ready.';
create index files_id_idx on app_public.files (id);
select app_private.add_owner_policies('app_public.files');
create index files_tenant_id_idx on app_public.files (tenant_id, created_at, id);
create index files_tenant_pending_idx on app_public.files (tenant_id, created_at) where status = 'pending';
create index files_uploaded_by_idx on app_public.files (tenant_id, uploaded_by);
select app_private.enable_audit('app_public.files');
create trigger _100_timestamps before insert or update on app_public.files
  for each row execute procedure app_private.tg__timestamps();

/* Guard clauses with coded errors before the check constraints (which stay as the backstop). */
create function app_private.tg_files__validate() returns trigger as $$
begin
  if new.name is null or length(new.name) not between 1 and 255 or new.name ~ '[/\\[:cntrl:]]'
     or new.name in ('.', '..') or new.name <> btrim(new.name) then
    raise exception 'A file name is 1 to 255 characters without /, \\ or control characters, and not . or ..' using errcode = 'BADNM';
  end if;
  if new.folder <> '' and (length(new.folder) > 500
     or new.folder !~ '^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$') then
    raise exception 'A folder is a path of letters, digits, ., _ and -, separated by /, with no segment starting with a dot.' using errcode = 'BADNM';
  end if;
  if tg_op = 'UPDATE' and new.status = 'pending' and old.status = 'ready' then
    raise exception 'A ready file cannot go back to pending; upload a new file instead.' using errcode = 'INVLD';
  end if;
  return new;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_files__validate() is E'Refuses unsafe file names and folders (BADNM) before the check constraints would.';
create trigger _200_validate before insert or update on app_public.files
  for each row execute procedure app_private.tg_files__validate();

/*
 * Quota. The bytes are reserved on the storage.bytes counter (lifetime, limit = storage_mb x 1 MiB) by
 * meter_consume in the inserting transaction: its single UPDATE re-checks the limit on the newest version
 * of the counter row, so concurrent uploads queue on that row and can never pass the limit together. A
 * refused reservation raises LIMIT and the insert (and everything else in the transaction) rolls back, so
 * nothing is charged. Deleting the row (a finished delete, a failed or abandoned upload, the workspace
 * being deleted) releases the bytes with a plain UPDATE (meter_adjust: never below 0, and a no-op when the
 * counter row is already gone with its workspace). A size change re-reserves the difference.
 * SECURITY DEFINER because the meter functions belong to the owner and the counters are private.
 */
create function app_private.tg_files__quota() returns trigger as $$
declare
  v_delta bigint;
  v_res record;
begin
  if tg_op = 'DELETE' then
    perform app_private.meter_adjust(old.tenant_id, 'storage.bytes', -old.size_bytes);
    return old;
  end if;
  v_delta := new.size_bytes - (case when tg_op = 'UPDATE' then old.size_bytes else 0 end);
  if v_delta > 0 then
    select * into v_res from app_private.meter_consume(new.tenant_id, 'storage.bytes', v_delta);
    if not v_res.allowed then
      raise exception 'This upload needs % bytes, but the plan''s storage (% bytes) has only % left. Delete files or upgrade the plan.',
        v_delta, v_res.limit_value, greatest(v_res.limit_value - v_res.used, 0)
        using errcode = 'LIMIT',
              detail = json_build_object('meter', 'storage.bytes', 'limit', v_res.limit_value, 'used', v_res.used, 'requested', v_delta)::text;
    end if;
  elsif v_delta < 0 then
    perform app_private.meter_adjust(new.tenant_id, 'storage.bytes', v_delta);
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_files__quota() is
  E'Reserves a file''s bytes on the storage.bytes meter (LIMIT past the plan''s storage_mb) and releases them when the row goes.';
create trigger _500_quota before insert or update of size_bytes on app_public.files
  for each row execute procedure app_private.tg_files__quota();
create trigger _500_quota_release after delete on app_public.files
  for each row execute procedure app_private.tg_files__quota();

/*
 * Events, in the outbox of the same transaction: file.uploaded when a file becomes ready, file.deleted when
 * a ready file is deleted (an abandoned pending upload was never announced, so its removal is not either).
 * Not while the workspace itself is being deleted: its outbox rows go with it (workspace.deleted says it all).
 */
insert into app_public.event_types (key, description, schema, notify) values
  ('file.uploaded', 'A file was uploaded and verified (ready to download).', jsonb_build_object('type', 'object',
     'required', jsonb_build_array('checksumSha256', 'contentType', 'fileId', 'folder', 'name', 'sizeBytes', 'uploadedBy', 'visibility'),
     'properties', jsonb_build_object(
       'fileId', jsonb_build_object('type', 'string', 'description', 'The file (File.rowId).'),
       'folder', jsonb_build_object('type', 'string', 'description', 'Its folder; empty at the top level.'),
       'name', jsonb_build_object('type', 'string', 'description', 'Its file name.'),
       'contentType', jsonb_build_object('type', 'string', 'description', 'The MIME type sniffed from the bytes.'),
       'sizeBytes', jsonb_build_object('type', 'integer', 'description', 'Size in bytes.'),
       'checksumSha256', jsonb_build_object('type', 'string', 'description', 'SHA-256 of the bytes, lowercase hex.'),
       'visibility', jsonb_build_object('type', 'string', 'description', 'private or public.'),
       'uploadedBy', jsonb_build_object('type', jsonb_build_array('string', 'null'), 'description', 'The uploading user (User.rowId), null for API keys.'))),
   'none'),
  ('file.deleted', 'A file was deleted.', jsonb_build_object('type', 'object',
     'required', jsonb_build_array('fileId', 'folder', 'name', 'sizeBytes'),
     'properties', jsonb_build_object(
       'fileId', jsonb_build_object('type', 'string', 'description', 'The file (File.rowId).'),
       'folder', jsonb_build_object('type', 'string', 'description', 'Its folder; empty at the top level.'),
       'name', jsonb_build_object('type', 'string', 'description', 'Its file name.'),
       'sizeBytes', jsonb_build_object('type', 'integer', 'description', 'Bytes released.'))),
   'none')
on conflict (key) do update set description = excluded.description, schema = excluded.schema, notify = excluded.notify;

create function app_private.tg_files__events() returns trigger as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'ready' and exists (select 1 from app_public.tenants t where t.id = old.tenant_id) then
      perform app_private.publish_event(old.tenant_id, 'file.deleted', jsonb_build_object(
        'fileId', old.id, 'folder', old.folder, 'name', old.name, 'sizeBytes', old.size_bytes));
    end if;
    return old;
  end if;
  if new.status = 'ready' and (tg_op = 'INSERT' or old.status <> 'ready') then
    perform app_private.publish_event(new.tenant_id, 'file.uploaded', jsonb_build_object(
      'fileId', new.id, 'folder', new.folder, 'name', new.name, 'contentType', new.content_type,
      'sizeBytes', new.size_bytes, 'checksumSha256', new.checksum_sha256, 'visibility', new.visibility,
      'uploadedBy', new.uploaded_by));
  end if;
  return new;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_files__events() is E'Publishes file.uploaded (a file became ready) and file.deleted (a ready file was deleted) to the outbox.';
create trigger _900_events after insert or update of status or delete on app_public.files
  for each row execute procedure app_private.tg_files__events();

/*
 * The stored bytes go after the row: a job per deleted row (a finished delete, an abandoned or failed
 * upload, every file of a deleted workspace) queued in the deleting transaction, so a rolled-back delete
 * queues nothing and a committed one is never forgotten; the worker retries until the backend confirms.
 * Deleting an object that is not there is a success, so a job that runs twice is harmless.
 */
create function app_private.tg_files__delete_object() returns trigger as $$
begin
  perform app_private.add_job('storage__delete_object', json_build_object('key', old.storage_key), max_attempts := 25);
  return old;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_private.tg_files__delete_object() is E'Queues storage__delete_object for the deleted row''s stored bytes.';
create trigger _900_delete_object after delete on app_public.files
  for each row execute procedure app_private.tg_files__delete_object();

/*
 * Policies: one per command, each needing the workspace and its permission. Deleting needs
 * storage:files.delete; members who may write can still abandon their own pending uploads.
 */
create policy select_reader on app_public.files for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('storage:files.read')));
create policy insert_writer on app_public.files for insert to app_user
  with check (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('storage:files.write'))
              and uploaded_by = (select app_hidden.current_user_id()));
create policy update_writer on app_public.files for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('storage:files.write')))
  with check (tenant_id = (select app_hidden.current_tenant_id()));
create policy delete_deleter on app_public.files for delete to app_user
  using (tenant_id = (select app_hidden.current_tenant_id())
         and ((select app_hidden.has_permission('storage:files.delete'))
              or (status = 'pending' and uploaded_by = (select app_hidden.current_user_id())
                  and (select app_hidden.has_permission('storage:files.write')))));
grant select, delete on app_public.files to app_user;
grant insert (folder, name, content_type, size_bytes, checksum_sha256, visibility),
      update (folder, name, visibility) on app_public.files to app_user;

/*
 * Per-workspace upload rules, set by whoever may change the workspace's settings. No row = the server's
 * defaults (STORAGE_MAX_FILE_BYTES, any type). The type checked is the one sniffed from the bytes.
 */
create table app_public.storage_settings (
  tenant_id uuid not null default app_hidden.current_tenant_id() references app_public.tenants on delete cascade,
  max_file_bytes bigint check (max_file_bytes between 1 and 1099511627776),
  allowed_types text[] not null default '{}' check (
    cardinality(allowed_types) <= 100
    and array_to_string(allowed_types, ' ') ~ '^([a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\*)( |$))*$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);
comment on table app_public.storage_settings is E'Upload rules of the workspace: the largest file and the allowed content types (sniffed from the bytes). No row: the server''s defaults.';
comment on column app_public.storage_settings.tenant_id is E'The workspace these rules apply to.';
comment on column app_public.storage_settings.max_file_bytes is E'The largest file accepted, in bytes; null = the server''s STORAGE_MAX_FILE_BYTES.';
comment on column app_public.storage_settings.allowed_types is E'Allowed MIME types, exact (`application/pdf`) or by family (`image/*`); empty = any type.';
comment on column app_public.storage_settings.created_at is E'When the rules were first set.';
comment on column app_public.storage_settings.updated_at is E'When the rules last changed.';
select app_private.add_owner_policies('app_public.storage_settings');
select app_private.enable_audit('app_public.storage_settings');
create trigger _100_timestamps before insert or update on app_public.storage_settings
  for each row execute procedure app_private.tg__timestamps();
create policy select_reader on app_public.storage_settings for select to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('storage:files.read')));
create policy insert_settings on app_public.storage_settings for insert to app_user
  with check (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:settings.update')));
create policy update_settings on app_public.storage_settings for update to app_user
  using (tenant_id = (select app_hidden.current_tenant_id()) and (select app_hidden.has_permission('tenant:settings.update')))
  with check (tenant_id = (select app_hidden.current_tenant_id()));
grant select on app_public.storage_settings to app_user;
grant insert (max_file_bytes, allowed_types), update (max_file_bytes, allowed_types) on app_public.storage_settings to app_user;
