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
