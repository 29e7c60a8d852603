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
