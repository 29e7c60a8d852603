/*
 * Issue 21 follow-ups. (1) The data export also lists the user's sign-in emails (magic links): when each was
 * sent, until when it worked, whether it was used or voided, wrong codes and the landing path; never the token
 * or code hashes. The function is replaced whole (same columns as before, plus `magicLinks`).
 * (2) app_private.expire_magic_links, run hourly by user__expire_magic_links (functions/crontab): rate-limit
 * rows older than the window and expired sign-in links no longer wait for the next request to be deleted.
 */
drop function if exists app_private.expire_magic_links(interval);

create or replace function app_private.data_export_archive(p_user_id uuid) returns json as $$
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
    'magicLinks', coalesce((select json_agg(json_build_object('createdAt', l.created_at, 'expiresAt', l.expires_at,
                              'usedAt', l.used_at, 'voidedAt', l.voided_at, 'failedCodes', l.failed_codes, 'redirect', l.redirect)
                              order by l.created_at)
                              from app_private.magic_links l where l.user_id = p_user_id), '[]'),
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
  E'The personal data export archive of a user: profile, security settings (no secrets), emails, sign-in links, identities, sessions, workspaces and roles, their audit entries, notifications, invitations, files, API keys, webhooks, posts.';

create function app_private.expire_magic_links(p_window interval) returns table (links bigint, requests bigint) as $$
  with l as (delete from app_private.magic_links where expires_at < now() returning 1),
       r as (delete from app_private.magic_link_requests where requested_at < now() - p_window returning 1)
  select (select count(*) from l), (select count(*) from r);
$$ language sql volatile;
comment on function app_private.expire_magic_links(interval) is
  E'Deletes sign-in links past their expiry (used, voided or not; a link whose row is gone answers LNKEX like an expired one) and magic-link rate-limit rows older than p_window. Hourly, user__expire_magic_links.';
