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
