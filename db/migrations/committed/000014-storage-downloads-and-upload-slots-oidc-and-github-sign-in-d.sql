--! Previous: sha1:a5dc95a7bf283c6780a1567ba839b6f91774794b
--! Hash: sha1:759b7b36b74445ab3146e491b279a77bd2fe21bb
--! Message: Storage downloads and upload slots, OIDC and GitHub sign-in, data export, service kit metering, magic links, webhook test events, storage in billing usage

--! split: 1-current.sql
-- Enter migration here

--! split: 2-storage-downloads.sql
/*
 * File storage (issue 19), downloads: what API keys may read. Undo block first, so graphile-migrate can
 * re-run this file.
 */
drop policy if exists select_api_key on app_public.files;
revoke all on app_public.files from app_api_key;

/*
 * Publishable keys (`pk_…`, browsers) read the workspace's public, ready files and nothing else: no
 * private file, no pending upload, no other workspace's file, and never a write (no other grant). They
 * need no scope for it: a public file is already readable by anyone holding its stable URL, and the key
 * only lets a site list them. The key's type comes from its row (current_api_key_type()), so a revoked or
 * expired key sees nothing at once, whatever the request's claims say. Secret keys get no file access yet
 * (no scope grants storage:files.*).
 */
create policy select_api_key on app_public.files for select to app_api_key
  using (
    tenant_id = (select app_hidden.current_tenant_id())
    and visibility = 'public'
    and status = 'ready'
    and (select app_hidden.current_api_key_type()) = 'publishable'
  );
grant select on app_public.files to app_api_key;

--! split: 3-oidc-providers.sql
/*
 * More ways to sign in (issue 21): besides Google, any OIDC issuer configured in OIDC_PROVIDERS (Keycloak,
 * Okta, GitLab, Microsoft…) and GitHub. Their identities go in app_private.user_identities like Google's,
 * keyed by (provider, subject); app_private.find_or_create_oauth_user already takes the provider as an
 * argument, so only the table's check changes: from "google only" to the shape of a provider id, which the
 * server's registry enforces too (core/config/signInProviders.ts: lowercase letter first, then letters,
 * digits or dashes, 2 to 32 characters). Existing rows ('google') satisfy it.
 */
alter table app_private.user_identities drop constraint if exists user_identities_provider_check;

alter table app_private.user_identities
  add constraint user_identities_provider_check check (provider ~ '^[a-z][a-z0-9-]{1,31}$');

comment on table app_private.user_identities is
  E'External sign-in identities (provider and subject: google, github, or an OIDC_PROVIDERS id) linked to a user; written by app_private.find_or_create_oauth_user.';

--! split: 4-data-export.sql
/*
 * Personal data export (issue 21 item 3). POST /auth/account/export (recent authentication, like account
 * deletion) calls app_private.request_data_export, which queues the user__export_data job; the job builds the
 * archive (app_private.data_export_archive), stores it here and emails a download link; the link's token is
 * kept as its SHA-256 only. GET /auth/account/export/<token> reads it through app_private.data_export_download.
 * The hourly user__expire_data_exports job drops archives past their expiry (app_private.expire_data_exports).
 *
 * The archive lives in this app_private table, not in the storage backend: it is one JSON document of a few
 * kilobytes to a few megabytes (json, not jsonb, so its keys keep the order written), it is written in the
 * statement that marks the export ready, and deleting the account (or the expiry cleanup) removes it with its
 * row, so no copy can outlive its user.
 *
 * Undo block first, in reverse order, so graphile-migrate can re-run this file.
 */
drop function if exists app_private.expire_data_exports(interval);
drop function if exists app_private.data_export_download(bytea, text, text);
drop function if exists app_private.complete_data_export(uuid, bytea, interval);
drop function if exists app_private.data_export_archive(uuid);
drop function if exists app_private.request_data_export(uuid, int, text, text);
drop table if exists app_private.data_exports;

/*
 * One row per requested export. `pending` until the job has built the archive, `ready` (archive present)
 * until expires_at, then `expired` (archive dropped, row kept 30 days so an old link answers "expired", not
 * "unknown", and the daily request limit can count it); `failed` when the job never finished within a day.
 * At most one pending export per user (the partial unique index); request_data_export answers that one.
 */
create table app_private.data_exports (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'ready', 'expired', 'failed')),
  requested_at timestamptz not null default now(),
  ready_at timestamptz,
  expires_at timestamptz,
  token_hash bytea unique check (octet_length(token_hash) = 32),
  archive json,
  size_bytes bigint,
  emailed_at timestamptz,
  download_count int not null default 0,
  last_downloaded_at timestamptz,
  check ((status = 'ready') = (archive is not null)),
  check (status not in ('ready', 'expired') or (ready_at is not null and expires_at is not null))
);
select app_private.add_owner_policies('app_private.data_exports');
create unique index data_exports_one_pending_idx on app_private.data_exports (user_id) where status = 'pending';
create index data_exports_user_id_requested_at_idx on app_private.data_exports (user_id, requested_at);
create index data_exports_status_expires_at_idx on app_private.data_exports (status, expires_at);
comment on table app_private.data_exports is
  E'Personal data exports (POST /auth/account/export): the archive built by user__export_data, the SHA-256 of its emailed download token, and its expiry. Deleted with the user.';
comment on column app_private.data_exports.token_hash is E'SHA-256 of the download token in the emailed link; the token itself is never stored.';
comment on column app_private.data_exports.archive is E'The JSON archive (app_private.data_export_archive) while the export is ready; null before and after.';

/*
 * The archive: everything the platform keeps about the user, across all their workspaces, as one JSON
 * document. It lists columns explicitly, table by table (the same tables account deletion empties or erases),
 * so a secret column can never slip in: no password hash, TOTP secret, recovery-code or refresh-token hashes,
 * API key or webhook secrets, email-token hashes, nor a Slack webhook URL (a credential; only whether one is set).
 * Rows of other people are not included: only the user's own memberships, sessions, notifications, and what
 * they created (invitations, files, API keys, webhook endpoints, posts) or did (audit entries as the actor).
 */
create function app_private.data_export_archive(p_user_id uuid) returns json as $$
  select json_build_object(
    'format', 'logicspike.data-export',
    'version', 1,
    'generatedAt', now(),
    'user', (select json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'isVerified', u.is_verified,
                                       'avatarUrl', u.avatar_url, 'createdAt', u.created_at, 'updatedAt', u.updated_at)
               from app_public.users u where u.id = p_user_id),
    'security', json_build_object(
      'hasPassword', exists (select 1 from app_private.user_secrets s where s.user_id = p_user_id and s.password_hash is not null),
      'passwordUpdatedAt', (select s.password_updated_at from app_private.user_secrets s where s.user_id = p_user_id),
      'totp', (select json_build_object('enabled', t.confirmed_at is not null, 'confirmedAt', t.confirmed_at, 'createdAt', t.created_at)
                 from app_private.mfa_totp t where t.user_id = p_user_id),
      'recoveryCodesLeft', (select count(*) from app_private.mfa_recovery_codes r where r.user_id = p_user_id and r.used_at is null)),
    'emailChanges', coalesce((select json_agg(json_build_object('newEmail', c.new_email, 'oldEmail', c.old_email,
                                'requestedAt', c.requested_at, 'confirmedAt', c.confirmed_at) order by c.requested_at)
                                from app_private.email_changes c where c.user_id = p_user_id), '[]'),
    'emailLinks', coalesce((select json_agg(json_build_object('kind', t.kind, 'createdAt', t.created_at, 'expiresAt', t.expires_at,
                              'usedAt', t.used_at) order by t.created_at)
                              from app_private.email_tokens t where t.user_id = p_user_id), '[]'),
    'identities', coalesce((select json_agg(json_build_object('provider', i.provider, 'subject', i.subject, 'email', i.email,
                              'createdAt', i.created_at) order by i.created_at)
                              from app_private.user_identities i where i.user_id = p_user_id), '[]'),
    'sessions', coalesce((select json_agg(json_build_object('id', f.id, 'tenantId', f.tenant_id, 'signInMethods', f.amr, 'aal', f.aal,
                            'userAgent', f.user_agent, 'ip', f.ip, 'createdAt', f.created_at, 'lastUsedAt', f.last_used_at,
                            'expiresAt', f.expires_at, 'revokedAt', f.revoked_at, 'revokedReason', f.revoked_reason) order by f.created_at)
                            from app_private.refresh_token_families f where f.user_id = p_user_id), '[]'),
    'workspaces', coalesce((select json_agg(json_build_object('tenantId', t.id, 'name', t.name, 'slug', t.slug, 'role', m.role,
                              'customRole', case when r.id is null then null
                                                 else json_build_object('id', r.id, 'key', r.key, 'name', r.name, 'permissions', r.permissions) end,
                              'joinedAt', m.created_at) order by m.created_at)
                              from app_public.memberships m join app_public.tenants t on t.id = m.tenant_id
                              left join app_public.roles r on r.tenant_id = m.tenant_id and r.id = m.custom_role_id
                             where m.user_id = p_user_id), '[]'),
    'auditEntries', coalesce((select json_agg(json_build_object('tenantId', a.tenant_id, 'seq', a.seq, 'occurredAt', a.occurred_at,
                                'action', a.action, 'event', a.event, 'tableName', a.table_name, 'recordId', a.record_id,
                                'requestId', a.request_id, 'ip', a.ip, 'diff', a.diff) order by a.occurred_at, a.tenant_id, a.seq)
                                from app_public.audit_log a where a.actor_user_id = p_user_id), '[]'),
    'notifications', coalesce((select json_agg(json_build_object('id', n.id, 'tenantId', n.tenant_id, 'eventType', n.event_type,
                                 'title', n.title, 'data', n.data, 'readAt', n.read_at, 'createdAt', n.created_at) order by n.created_at)
                                 from app_public.notifications n where n.user_id = p_user_id), '[]'),
    'notificationPreferences', coalesce((select json_agg(json_build_object('eventType', p.event_type, 'channel', p.channel,
                                           'isEnabled', p.is_enabled, 'hasSlackWebhook', p.slack_webhook_url is not null,
                                           'updatedAt', p.updated_at) order by p.event_type, p.channel)
                                           from app_public.notification_preferences p where p.user_id = p_user_id), '[]'),
    'invitationsSent', coalesce((select json_agg(json_build_object('id', i.id, 'tenantId', i.tenant_id, 'email', i.email, 'role', i.role,
                                   'customRoleId', i.custom_role_id, 'createdAt', i.created_at, 'expiresAt', i.expires_at,
                                   'acceptedAt', i.accepted_at, 'revokedAt', i.revoked_at) order by i.created_at)
                                   from app_public.invitations i where i.invited_by = p_user_id), '[]'),
    'invitationsAccepted', coalesce((select json_agg(json_build_object('id', i.id, 'tenantId', i.tenant_id, 'role', i.role,
                                       'invitedBy', i.invited_by, 'acceptedAt', i.accepted_at) order by i.accepted_at)
                                       from app_public.invitations i where i.accepted_by = p_user_id), '[]'),
    'files', coalesce((select json_agg(json_build_object('id', f.id, 'tenantId', f.tenant_id, 'folder', f.folder, 'name', f.name,
                         'contentType', f.content_type, 'sizeBytes', f.size_bytes, 'checksumSha256', f.checksum_sha256,
                         'visibility', f.visibility, 'status', f.status, 'createdAt', f.created_at, 'uploadedAt', f.uploaded_at)
                         order by f.created_at)
                         from app_public.files f where f.uploaded_by = p_user_id), '[]'),
    'apiKeys', coalesce((select json_agg(json_build_object('id', k.id, 'tenantId', k.tenant_id, 'name', k.name, 'type', k.type,
                           'prefix', k.prefix, 'scopes', k.scopes, 'allowedDomains', k.allowed_domains, 'createdAt', k.created_at,
                           'expiresAt', k.expires_at, 'lastUsedAt', k.last_used_at, 'revokedAt', k.revoked_at) order by k.created_at)
                           from app_public.api_keys k where k.created_by = p_user_id), '[]'),
    'webhookEndpoints', coalesce((select json_agg(json_build_object('id', w.id, 'tenantId', w.tenant_id, 'url', w.url,
                                    'description', w.description, 'eventTypes', w.event_types, 'isEnabled', w.is_enabled,
                                    'createdAt', w.created_at) order by w.created_at)
                                    from app_public.webhook_endpoints w where w.created_by = p_user_id), '[]'),
    'posts', coalesce((select json_agg(json_build_object('id', p.id, 'tenantId', p.tenant_id, 'title', p.title, 'body', p.body,
                         'status', p.status, 'publishedAt', p.published_at, 'createdAt', p.created_at, 'updatedAt', p.updated_at)
                         order by p.created_at)
                         from app_public.posts p where p.author_id = p_user_id), '[]'),
    'contactMessages', coalesce((select json_agg(json_build_object('name', c.name, 'email', c.email, 'message', c.message,
                                   'createdAt', c.created_at) order by c.created_at)
                                   from app_private.contact_messages c where c.user_id = p_user_id), '[]'),
    'dataExports', coalesce((select json_agg(json_build_object('id', e.id, 'status', e.status, 'requestedAt', e.requested_at,
                               'readyAt', e.ready_at, 'expiresAt', e.expires_at, 'downloads', e.download_count) order by e.requested_at)
                               from app_private.data_exports e where e.user_id = p_user_id), '[]')
  );
$$ language sql stable;
comment on function app_private.data_export_archive(uuid) is
  E'The personal data export archive of a user: profile, security settings (no secrets), emails, identities, sessions, workspaces and roles, their audit entries, notifications, invitations, files, API keys, webhooks, posts.';

/*
 * Queue an export: only to a verified address (the link is the key to the archive, so it must not go to an
 * address the user never proved is theirs: EMNVF); one pending export per user (a repeated request answers
 * the pending one, no second job),
 * at most p_max_per_day requested per 24 h (RATLM, detail = seconds until one more is allowed). The user row
 * is locked first, so two requests at once queue one job. Recorded in each of their workspaces' audit logs.
 */
create function app_private.request_data_export(p_user_id uuid, p_max_per_day int, p_request_id text, p_ip text)
  returns table (export_id uuid, export_status text, export_requested_at timestamptz, is_new boolean) as $$
declare
  v_export app_private.data_exports;
  v_count int;
  v_oldest timestamptz;
  v_verified boolean;
begin
  select u.is_verified into v_verified from app_public.users u where u.id = p_user_id for update;
  if not found then
    raise exception 'Your account no longer exists.' using errcode = 'LOGIN';
  end if;
  if not v_verified then
    raise exception 'Verify your email address first: the download link is sent there (POST /auth/resend-verification sends a new verification link).'
      using errcode = 'EMNVF';
  end if;
  select * into v_export from app_private.data_exports e where e.user_id = p_user_id and e.status = 'pending';
  if v_export.id is not null then
    return query select v_export.id, v_export.status, v_export.requested_at, false;
    return;
  end if;
  select count(*), min(e.requested_at) into v_count, v_oldest
    from app_private.data_exports e where e.user_id = p_user_id and e.requested_at > now() - interval '1 day';
  if v_count >= p_max_per_day then
    raise exception 'You can request % data exports a day; try again later.', p_max_per_day
      using errcode = 'RATLM', detail = greatest(ceil(extract(epoch from v_oldest + interval '1 day' - now())), 1)::int::text;
  end if;
  insert into app_private.data_exports (user_id) values (p_user_id) returning * into v_export;
  perform app_private.add_job('user__export_data', json_build_object('exportId', v_export.id),
    job_key := 'user__export_data:' || v_export.id, max_attempts := 10);
  perform app_private.record_security_event('auth.data_export_requested', p_user_id, null,
    jsonb_build_object('exportId', v_export.id), p_request_id, p_ip);
  return query select v_export.id, v_export.status, v_export.requested_at, true;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.request_data_export(uuid, int, text, text) is
  E'Queues a personal data export (user__export_data), or answers the user''s pending one; RATLM past p_max_per_day requests in 24 h.';

/*
 * The job's one transaction: build the archive (first run) and set the download token's hash. Answers the
 * address to mail the link to, or no row when there is nothing to send (export gone with its user, expired,
 * failed, or its email already sent). A retry after a failed send sets a fresh token, voiding the unsent one.
 */
create function app_private.complete_data_export(p_export_id uuid, p_token_hash bytea, p_ttl interval)
  returns table (email text, name text, expires_at timestamptz, size_bytes bigint) as $$
declare
  v_export app_private.data_exports;
  v_archive json;
begin
  select * into v_export from app_private.data_exports e where e.id = p_export_id for update;
  if v_export.id is null or v_export.status not in ('pending', 'ready') or v_export.emailed_at is not null then
    return;
  end if;
  if v_export.status = 'pending' then
    v_archive := app_private.data_export_archive(v_export.user_id);
    update app_private.data_exports e
       set status = 'ready', archive = v_archive, size_bytes = octet_length(v_archive::text), ready_at = now(),
           expires_at = now() + p_ttl, token_hash = p_token_hash
     where e.id = p_export_id returning * into v_export;
  else
    update app_private.data_exports e set token_hash = p_token_hash where e.id = p_export_id returning * into v_export;
  end if;
  return query select u.email::text, u.name, v_export.expires_at, v_export.size_bytes from app_public.users u where u.id = v_export.user_id;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.complete_data_export(uuid, bytea, interval) is
  E'user__export_data: builds and stores the archive of a pending export and sets its download token hash; no row when there is nothing to mail.';

/*
 * A download: DXUNK for a token that matches no export (never issued, replaced by a retry, or the row is gone),
 * DXEXP once the export is past its expiry, whether or not the cleanup has dropped the archive yet. The link
 * may be used again until then (a browser retrying an interrupted download); each use is counted and audited.
 */
create function app_private.data_export_download(p_token_hash bytea, p_request_id text, p_ip text)
  returns table (export_id uuid, user_id uuid, archive text, ready_at timestamptz) as $$
declare
  v_export app_private.data_exports;
begin
  select * into v_export from app_private.data_exports e where e.token_hash = p_token_hash for update;
  if v_export.id is null then
    raise exception 'This data export link is not valid. Use the link from your newest export email, or request a new export.' using errcode = 'DXUNK';
  end if;
  if v_export.status <> 'ready' or v_export.expires_at <= now() then
    raise exception 'This data export link has expired and the archive was deleted; request a new export.' using errcode = 'DXEXP';
  end if;
  update app_private.data_exports e set download_count = e.download_count + 1, last_downloaded_at = now() where e.id = v_export.id;
  perform app_private.record_security_event('auth.data_export_downloaded', v_export.user_id, null,
    jsonb_build_object('exportId', v_export.id), p_request_id, p_ip);
  return query select v_export.id, v_export.user_id, v_export.archive::text, v_export.ready_at;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.data_export_download(bytea, text, text) is
  E'GET /auth/account/export/<token>: the archive for a token hash; DXUNK unknown, DXEXP expired. Counts and audits the download.';

/*
 * Hourly (user__expire_data_exports): drop archives past their expiry, mark exports whose job never finished
 * within a day as failed (so the user can ask again), and delete rows that ended more than p_keep ago.
 * The deletion only takes rows already expired or failed, so one statement never touches a row twice.
 */
create function app_private.expire_data_exports(p_keep interval) returns table (expired bigint, failed bigint, removed bigint) as $$
  with e as (update app_private.data_exports set status = 'expired', archive = null
              where status = 'ready' and expires_at <= now() returning 1),
       f as (update app_private.data_exports set status = 'failed'
              where status = 'pending' and requested_at < now() - interval '1 day' returning 1),
       r as (delete from app_private.data_exports
              where status in ('expired', 'failed') and coalesce(expires_at, requested_at) < now() - p_keep returning 1)
  select (select count(*) from e), (select count(*) from f), (select count(*) from r);
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.expire_data_exports(interval) is
  E'Drops expired export archives, fails exports pending over a day, deletes export rows ended more than p_keep ago.';

--! split: 5-service-kit.sql
/*
 * Services behind the gateway (issue 20), the rest of it:
 *
 *   - Releasing usage: app_private.meter_release, the inverse of meter_consume for a service's own counter
 *     meters (a media service deleting bytes it counted), idempotent like consume. meter_records remembers
 *     whether a key consumed or released, so one key can never do both.
 *   - Retention of idempotency keys: app_private.services_retention drops meter_records and
 *     service_event_keys older than the retention period (a key is meant for retries of one call, not for ever).
 *   - The blog service's reactions: a counter meter and an event type the example upstream service
 *     (examples/blog-reactions) consumes and publishes, so the example runs against a stock database.
 */
drop function if exists app_private.services_retention(interval);
drop function if exists app_private.meter_release(uuid, text, bigint, text, text);

alter table app_private.meter_records add column if not exists kind text not null default 'consume';
alter table app_private.meter_records drop constraint if exists meter_records_kind_check;
alter table app_private.meter_records add constraint meter_records_kind_check check (kind in ('consume', 'release'));
comment on column app_private.meter_records.kind is E'consume (meter_consume) or release (meter_release): a key applies once, and to one of them.';
create index if not exists meter_records_recorded_at_idx on app_private.meter_records (recorded_at);
create index if not exists service_event_keys_created_at_idx on app_private.service_event_keys (created_at);

create function app_private.meter_release(
  p_tenant_id uuid, p_meter text, p_quantity bigint, p_idempotency_key text, p_service text,
  out allowed boolean, out replayed boolean, out used bigint, out limit_value numeric,
  out period text, out period_start timestamptz, out resets_at timestamptz
) as $$
#variable_conflict use_column
declare
  v_now timestamptz := now();
  v_kind text;
  v_owner text;
  v_start timestamptz;
  v_prior app_private.meter_records;
  v_used bigint;
  v_notified smallint;
begin
  if p_quantity is null or p_quantity < 1 or p_quantity > 1000000000000000 then
    raise exception 'The quantity must be a whole number from 1 to 10^15.' using errcode = 'INVLD';
  end if;
  select m.kind, m.service, m.period, l.limit_value,
         app_private.meter_period_start(m.period, v_now), app_private.meter_resets_at(m.period, v_now)
    into v_kind, v_owner, period, limit_value, v_start, resets_at
    from app_public.meters m
    left join lateral app_private.meter_limit(p_tenant_id, m.service, m.limit_key, m.limit_scale) l on true
   where m.key = p_meter;
  if not found then
    raise exception 'There is no meter "%"; see app_public.meters (meters in GraphQL).', p_meter using errcode = 'NOMTR';
  end if;
  if v_kind <> 'counter' then
    raise exception 'The % meter counts rows the platform keeps; it cannot be released directly.', p_meter using errcode = 'DNIED';
  end if;
  -- Platform meters (storage.bytes follows the files table, api.calls and email.sends are history) are never
  -- given back by a service: only a service's own meters, which it alone consumes.
  if p_service is null or v_owner is distinct from p_service then
    raise exception 'Only the % meter''s own service can release it.', p_meter using errcode = 'DNIED';
  end if;
  if p_idempotency_key is not null and (length(p_idempotency_key) not between 1 and 200) then
    raise exception 'An idempotency key is 1 to 200 characters.' using errcode = 'INVLD';
  end if;
  if not exists (select 1 from app_public.tenants t where t.id = p_tenant_id) then
    raise exception 'There is no such workspace.' using errcode = 'NTFND';
  end if;
  period_start := v_start;

  if p_idempotency_key is not null then
    insert into app_private.meter_records (tenant_id, meter, idempotency_key, quantity, period_start, service, kind)
      values (p_tenant_id, p_meter, p_idempotency_key, p_quantity, v_start, p_service, 'release')
      on conflict do nothing;
    if not found then
      select * into v_prior from app_private.meter_records r
       where r.tenant_id = p_tenant_id and r.meter = p_meter and r.idempotency_key = p_idempotency_key;
      if v_prior.kind <> 'release' or v_prior.quantity <> p_quantity then
        raise exception 'This idempotency key was already used to % %; use a new key for a new release.', v_prior.kind, v_prior.quantity
          using errcode = 'IDKEY';
      end if;
      select c.used into v_used from app_private.meter_counters c
       where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start;
      allowed := true; replayed := true; used := coalesce(v_used, 0);
      return;
    end if;
  end if;

  -- Never below zero: releasing more than this period holds (a consumption from last month) empties it.
  update app_private.meter_counters c set used = greatest(c.used - p_quantity, 0), updated_at = v_now
   where c.tenant_id = p_tenant_id and c.meter = p_meter and c.period_start = v_start
   returning c.used, c.notified_pct into v_used, v_notified;
  if found then
    perform app_private.meter_thresholds(p_tenant_id, p_meter, v_start, resets_at, v_used, limit_value, v_notified);
  end if;
  allowed := true; replayed := false; used := coalesce(v_used, 0);
  return;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.meter_release(uuid, text, bigint, text, text) is
  E'Gives back a quantity on a service''s own counter meter in the current period (never below 0), idempotently; same answer columns as meter_consume.';

create function app_private.services_retention(p_keep interval) returns table (meter_records bigint, event_keys bigint) as $$
  with r as (delete from app_private.meter_records where recorded_at < now() - p_keep returning 1),
       k as (delete from app_private.service_event_keys where created_at < now() - p_keep returning 1)
  select (select count(*) from r), (select count(*) from k);
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.services_retention(interval) is
  E'Deletes idempotency keys of metered calls and published events older than p_keep (daily, task services__retention); a key replayed after that applies again.';

insert into app_public.meters (key, description, unit, period, kind, service, limit_key, limit_scale) values
  ('blog.reactions', 'Reactions to blog posts, per calendar month (counted by the blog service).', 'count', 'month', 'counter', 'blog', 'reactions', 1)
on conflict (key) do update
  set description = excluded.description, unit = excluded.unit, period = excluded.period, kind = excluded.kind,
      service = excluded.service, limit_key = excluded.limit_key, limit_scale = excluded.limit_scale;

insert into app_public.event_types (key, description, schema, published_by) values
  ('blog.post.reacted', 'Someone reacted to a blog post (published by the blog service).',
   '{"type": "object", "required": ["postId", "reaction", "userId"], "properties": {"postId": {"type": "string"}, "reaction": {"type": "string"}, "userId": {"type": "string"}, "count": {"type": "integer"}}}',
   'blog')
on conflict (key) do update set description = excluded.description, schema = excluded.schema, published_by = excluded.published_by;

--! split: 7-magic-links.sql
/*
 * Passwordless sign-in by email (issue 21 item 5): magic links and one-time codes.
 *
 * POST /auth/magic-link {email} calls app_private.request_magic_link, which counts the request per address
 * and per client IP (whether or not an account has the address, so a refusal reveals nothing) and, only
 * when an account has it, queues user__send_magic_link_email. That task creates the link token and the
 * 6-digit code and stores them here, hashed, through app_private.issue_magic_link, which voids the user's
 * earlier request: one active request per user. POST /auth/magic-link/verify consumes the token
 * (consume_magic_link_token) or the address + code (consume_magic_link_code); wrong codes are counted on
 * the request and the fifth voids it, so a 6-digit code cannot be guessed (5 tries per emailed code, and
 * emails per address are rate limited).
 *
 * No account is created here: an address without an account gets no email (see docs/identity.md).
 *
 * Undo block first, in reverse order, so graphile-migrate can re-run this file.
 */
drop function if exists app_private.consume_magic_link_code(text, text, int);
drop function if exists app_private.consume_magic_link_token(bytea);
drop function if exists app_private.magic_link_sign_in(uuid);
drop function if exists app_private.issue_magic_link(uuid, bytea, text, interval, text);
drop function if exists app_private.request_magic_link(text, text, text, int, int, interval);
drop function if exists app_private.magic_link_code_hash(uuid, text);
drop table if exists app_private.magic_link_requests;
drop table if exists app_private.magic_links;

/*
 * One row per emailed link + code. Active = not used, not voided, not expired; at most one active row per
 * user (the partial unique index; issue_magic_link voids the previous one in the same statement). Used and
 * voided rows are kept until they expire (then the next issue deletes them), so an old link answers LNKEX.
 * The redirect is a path on APP_URL, checked by the route; it stays on the server and is returned at sign-in,
 * so the emailed link carries only its token.
 */
create table app_private.magic_links (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.users on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  code_hash bytea not null check (octet_length(code_hash) = 32),
  redirect text not null default '/' check (redirect like '/%' and length(redirect) <= 1000),
  failed_codes int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  voided_at timestamptz
);
select app_private.add_owner_policies('app_private.magic_links');
create unique index magic_links_one_active_idx on app_private.magic_links (user_id) where used_at is null and voided_at is null;
create index magic_links_user_id_idx on app_private.magic_links (user_id);
comment on table app_private.magic_links is
  E'Passwordless sign-in requests (POST /auth/magic-link): SHA-256 of the emailed link token and of the one-time code, expiry, wrong-code count; issued by user__send_magic_link_email, consumed by POST /auth/magic-link/verify. Deleted with the user.';
comment on column app_private.magic_links.code_hash is E'SHA-256 of the user id, a colon and the 6-digit code (app_private.magic_link_code_hash); the code itself is never stored.';

/*
 * Requests per address and per IP in the rate-limit window, keyed by the SHA-256 of `email:<address>` or
 * `ip:<address>` so neither an email address nor an IP is kept in clear; rows older than the window are
 * deleted by the next request.
 */
create table app_private.magic_link_requests (
  id bigint generated always as identity primary key,
  key_hash bytea not null check (octet_length(key_hash) = 32),
  requested_at timestamptz not null default now()
);
select app_private.add_owner_policies('app_private.magic_link_requests');
create index magic_link_requests_key_hash_requested_at_idx on app_private.magic_link_requests (key_hash, requested_at);
create index magic_link_requests_requested_at_idx on app_private.magic_link_requests (requested_at);
comment on table app_private.magic_link_requests is
  E'Recent POST /auth/magic-link requests, by hashed address or IP, for its rate limit (app_private.request_magic_link).';

create function app_private.magic_link_code_hash(p_user_id uuid, p_code text) returns bytea as $$
  select sha256(convert_to(p_user_id::text || ':' || p_code, 'UTF8'));
$$ language sql immutable;
comment on function app_private.magic_link_code_hash(uuid, text) is E'How a one-time sign-in code is stored: SHA-256 of `<user id>:<code>`.';

/*
 * Rate limit, then enqueue. Returns 0 when the request was accepted, else the seconds until one more is
 * allowed (the route answers 429 RATLM with Retry-After). Counted for every address, existing or not, and
 * the look-up + enqueue is one statement, so the answer and its cost do not depend on the account existing.
 * Both keys are locked (transaction advisory locks) so concurrent requests cannot overshoot the limit.
 */
create function app_private.request_magic_link(p_email text, p_ip text, p_redirect text, p_max_per_address int, p_max_per_ip int, p_window interval)
  returns int as $$
declare
  v_email_key bytea := sha256(convert_to('email:' || lower(btrim(p_email)), 'UTF8'));
  v_ip_key bytea := sha256(convert_to('ip:' || coalesce(p_ip, ''), 'UTF8'));
  v_wait interval;
begin
  perform pg_advisory_xact_lock(hashtextextended(encode(v_email_key, 'hex'), 0));
  perform pg_advisory_xact_lock(hashtextextended(encode(v_ip_key, 'hex'), 0));
  delete from app_private.magic_link_requests where requested_at < now() - p_window;
  select max(w) into v_wait from (
    select min(r.requested_at) + p_window - now() as w from app_private.magic_link_requests r
     where r.key_hash = v_email_key having count(*) >= p_max_per_address
    union all
    select min(r.requested_at) + p_window - now() from app_private.magic_link_requests r
     where r.key_hash = v_ip_key having count(*) >= p_max_per_ip
  ) limits;
  if v_wait is not null then
    return greatest(ceil(extract(epoch from v_wait))::int, 1);
  end if;
  insert into app_private.magic_link_requests (key_hash) values (v_email_key), (v_ip_key);
  perform app_private.add_job('user__send_magic_link_email', json_build_object('userId', u.id, 'redirect', coalesce(p_redirect, '/')),
                              job_key => 'user__send_magic_link_email:' || u.id)
     from app_public.users u
    where u.email = btrim(p_email)::citext;
  return 0;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.request_magic_link(text, text, text, int, int, interval) is
  E'POST /auth/magic-link: counts the request per address and IP (0, or seconds to wait when over a limit) and queues user__send_magic_link_email when an account has the address.';

/* Called by the worker task: voids the user's active request, drops their finished ones, stores the new one. */
create function app_private.issue_magic_link(p_user_id uuid, p_token_hash bytea, p_code text, p_ttl interval, p_redirect text)
  returns timestamptz as $$
  with finished as (
    delete from app_private.magic_links where user_id = p_user_id and expires_at < now()
  ), voided as (
    update app_private.magic_links set voided_at = now() where user_id = p_user_id and used_at is null and voided_at is null
    returning id
  )
  insert into app_private.magic_links (user_id, token_hash, code_hash, redirect, expires_at)
    select p_user_id, p_token_hash, app_private.magic_link_code_hash(p_user_id, p_code), coalesce(p_redirect, '/'), now() + p_ttl
      from (select count(*) from voided) v
  returning expires_at;
$$ language sql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.issue_magic_link(uuid, bytea, text, interval, text) is
  E'Stores a new magic link (token hash, code hash, expiry), voiding the user''s previous active one; returns the expiry.';

/*
 * A consumed link proves the inbox: the email becomes verified. If it was not verified before, a password
 * on the account may have been set by someone who registered the address first (account pre-hijacking),
 * so that password and every session go, as when an unverified account is linked to a provider.
 */
create function app_private.magic_link_sign_in(p_user_id uuid)
  returns table (user_id uuid, mfa_enabled boolean) as $$
begin
  if exists (select 1 from app_public.users u where u.id = p_user_id and not u.is_verified) then
    update app_private.user_secrets s set password_hash = null, password_updated_at = now()
     where s.user_id = p_user_id and s.password_hash is not null;
    perform app_private.revoke_refresh_families(p_user_id, null, 'email proven by a magic link');
    update app_public.users u set is_verified = true where u.id = p_user_id;
  end if;
  return query select p_user_id, exists (select 1 from app_private.mfa_totp m where m.user_id = p_user_id and m.confirmed_at is not null);
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.magic_link_sign_in(uuid) is
  E'After a magic link or code was consumed: marks the email verified (dropping a password set before it was, and its sessions) and says whether MFA is on.';

/* The link: consumed under a row lock (of racing requests exactly one wins); LNKEX when unknown, used, voided or expired. */
create function app_private.consume_magic_link_token(p_token_hash bytea)
  returns table (user_id uuid, redirect text, mfa_enabled boolean) as $$
declare
  v_link app_private.magic_links;
begin
  update app_private.magic_links l set used_at = now()
   where l.token_hash = p_token_hash and l.used_at is null and l.voided_at is null and l.expires_at > now()
  returning * into v_link;
  if v_link.id is null then
    raise exception 'This sign-in link is not valid, has expired, was replaced by a newer one, or was already used. Request a new one.' using errcode = 'LNKEX';
  end if;
  return query select s.user_id, v_link.redirect, s.mfa_enabled from app_private.magic_link_sign_in(v_link.user_id) s;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.consume_magic_link_token(bytea) is
  E'POST /auth/magic-link/verify {token}: consumes the link and signs in (app_private.magic_link_sign_in); LNKEX when it is not active.';

/*
 * The code: never raises, so a wrong code's count is kept (the caller answers MLCOD on no row). A wrong code
 * adds one to the request's count and the p_max_failures-th voids it. An address without an account or
 * without an active request answers exactly like a wrong code.
 */
create function app_private.consume_magic_link_code(p_email text, p_code text, p_max_failures int)
  returns table (user_id uuid, redirect text, mfa_enabled boolean) as $$
declare
  v_link app_private.magic_links;
begin
  select l.* into v_link from app_private.magic_links l join app_public.users u on u.id = l.user_id
   where u.email = btrim(p_email)::citext and l.used_at is null and l.voided_at is null and l.expires_at > now()
   for update of l;
  if v_link.id is null then
    return;
  end if;
  if v_link.code_hash <> app_private.magic_link_code_hash(v_link.user_id, p_code) then
    update app_private.magic_links l set failed_codes = l.failed_codes + 1,
           voided_at = case when l.failed_codes + 1 >= p_max_failures then now() end
     where l.id = v_link.id;
    return;
  end if;
  update app_private.magic_links l set used_at = now() where l.id = v_link.id;
  return query select s.user_id, v_link.redirect, s.mfa_enabled from app_private.magic_link_sign_in(v_link.user_id) s;
end;
$$ language plpgsql volatile set search_path to pg_catalog, public, pg_temp;
comment on function app_private.consume_magic_link_code(text, text, int) is
  E'POST /auth/magic-link/verify {email, code}: consumes the active request of the address when the code matches and signs in; otherwise counts the failure (voiding the request at p_max_failures) and returns no row.';

--! split: 8-webhook-test.sql
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

--! split: 9-billing-usage-storage.sql
/*
 * billingUsage lists stored bytes too (issue 19: "usage shows in billingUsage"): the storage.bytes meter,
 * which the files table keeps (reserved when a row is created, freed when it goes), against the plan's
 * storage_mb in bytes. The other rows are unchanged.
 */
create or replace function app_public.billing_usage() returns table (service text, resource text, used bigint, "limit" numeric) as $$
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
           (select (ba.limits ->> 'api_keys')::numeric from app_public.billing_accounts ba where ba.tenant_id = app_hidden.current_tenant_id())
    union all
    select 'storage', 'bytes',
           coalesce((select c.used from app_private.meter_counters c
                      where c.tenant_id = app_hidden.current_tenant_id() and c.meter = 'storage.bytes' and c.period_start = 'epoch'), 0),
           (select l.limit_value from app_private.meter_limit(app_hidden.current_tenant_id(), null, 'storage_mb', 1048576) l);
end;
$$ language plpgsql stable security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.billing_usage() is
  E'Usage against the plan''s limits per limited resource (limit null = unlimited): blog posts, seats, API keys, stored bytes. Needs `billing:read`.';
