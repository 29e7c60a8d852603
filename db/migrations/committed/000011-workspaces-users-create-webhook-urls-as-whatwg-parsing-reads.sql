--! Previous: sha1:a03835ec35a79d5054c6817dc1833494b2d3dddf
--! Hash: sha1:057f50f553e2c781127902b0332d8d3fc4446a8d
--! Message: Workspaces users create, webhook URLs as WHATWG parsing reads them, CORS for publishable-key sites

--! split: 1-workspaces.sql
-- Workspaces a signed-in user creates (app_public.create_workspace).
drop function if exists app_public.create_workspace(text, text);
drop type if exists app_public.created_workspace;

create type app_public.created_workspace as (tenant app_public.tenants, switch_tenant_path text);
comment on type app_public.created_workspace is
  E'A workspace just created, with the caller as its owner. The access token still names the previous workspace: POST `switchTenantPath` with `{ "tenantId": tenant.id }` for one in the new workspace.';
comment on column app_public.created_workspace.switch_tenant_path is
  E'Where to get an access token for the new workspace: `POST /auth/switch-tenant` with `{ "tenantId": … }`.';

/*
 * A signed-in user creates a workspace and becomes its owner, in one
 * transaction (the tenant's own triggers add settings, plan and services).
 * The number of workspaces one user owns is capped by the server's
 * MAX_WORKSPACES_PER_USER (setting `workspaces.max_per_user`, 10 when unset);
 * the user row is locked first, so parallel calls cannot pass the cap together.
 * Without a slug one is derived from the name (with a suffix when taken); a
 * chosen slug that is taken is SLGTK, never silently changed.
 */
create function app_public.create_workspace(name text, slug text default null) returns app_public.created_workspace as $$
declare
  v_user_id uuid := app_hidden.current_user_id();
  v_name text := btrim(coalesce(create_workspace.name, ''));
  v_slug text := lower(btrim(create_workspace.slug));
  v_max int := coalesce(nullif(current_setting('workspaces.max_per_user', true), '')::int, 10);
  v_owned int;
  v_tenant app_public.tenants;
begin
  if v_user_id is null then
    raise exception 'Sign in to create a workspace.' using errcode = 'LOGIN';
  end if;
  if v_name = '' then
    raise exception 'Give the workspace a name.' using errcode = 'INVLD';
  end if;
  if length(v_name) > 100 then
    raise exception 'A workspace name can have at most 100 characters (this one has %).', length(v_name) using errcode = 'INVLD';
  end if;
  if v_slug = '' then
    v_slug := null;
  end if;
  if v_slug is not null and v_slug !~ '^[a-z0-9]([a-z0-9-]{1,48}[a-z0-9])?$' then
    raise exception 'A workspace address has 3 to 50 lower-case letters, digits and inner dashes (e.g. "acme-labs").' using errcode = 'INVLD';
  end if;

  perform 1 from app_public.users u where u.id = v_user_id for update;
  select count(*) into v_owned from app_public.memberships m where m.user_id = v_user_id and m.role = 'owner';
  if v_owned >= v_max then
    raise exception 'You already own % workspaces, the most one person may create here. Delete one or ask an operator to raise MAX_WORKSPACES_PER_USER.', v_owned
      using errcode = 'WSLIM';
  end if;

  if v_slug is null then
    v_tenant := app_private.create_tenant(v_name);
  else
    insert into app_public.tenants (name, slug) values (v_name, v_slug)
      on conflict do nothing
      returning * into v_tenant;
    if v_tenant.id is null then
      raise exception 'The workspace address "%" is already taken; choose another.', v_slug using errcode = 'SLGTK';
    end if;
  end if;
  insert into app_public.memberships (tenant_id, user_id, role) values (v_tenant.id, v_user_id, 'owner');
  return row(v_tenant, '/auth/switch-tenant')::app_public.created_workspace;
end;
$$ language plpgsql volatile security definer set search_path to pg_catalog, public, pg_temp;
comment on function app_public.create_workspace(text, text) is
  E'Creates a workspace owned by the caller (name; optional address `slug`, derived from the name when omitted). Then switch to it with `POST /auth/switch-tenant`. At most MAX_WORKSPACES_PER_USER owned workspaces per user (WSLIM).';
-- People only: API keys and anonymous callers cannot create workspaces.
revoke execute on function app_public.create_workspace(text, text) from public, app_anonymous, app_api_key;
grant execute on function app_public.create_workspace(text, text) to app_user;

--! split: 2-webhook-urls.sql
-- Webhook endpoint URLs checked as WHATWG URL parsing reads them.
/*
 * Undo (reverse order). The functions of migration 000004 that this file
 * changes (is_private_address, webhook_url_problem,
 * tg_webhook_endpoints__validate) are replaced below, never dropped: the
 * trigger and its callers stay in place.
 */
drop function if exists app_private.webhook_url_parse(text);
drop function if exists app_private.url_ipv6_serialize(int[]);
drop function if exists app_private.url_ipv6_parse(text);
drop function if exists app_private.url_ipv4_parse(text);

/*
 * The worker delivers with Node's `new URL()`, a WHATWG URL parser, and the
 * creation-time check must read a URL exactly as it does. The check of
 * 000004 matched the host with a regular expression and read it with `inet`,
 * so spellings WHATWG turns into a loopback address got through (127.1,
 * 0x7f.1, 0177.0.0.1, %31%32%37.0.0.1, http:\\127.0.0.1, http:127.0.0.1,
 * a tab inside the URL). Now webhook_url_parse follows the WHATWG "basic URL
 * parser" for http(s) URLs far enough to know the host: strip leading and
 * trailing C0 controls and spaces, remove tabs and newlines, read the scheme
 * case-insensitively, skip any run of / and \ after it, take the authority up
 * to / \ ? #, the host after its last @, the port after the first : outside
 * [], and parse the host as IPv6 ([…]), IPv4 (when its last label is a
 * number: decimal, 0x hex or 0-prefixed octal parts, the last part filling
 * the remaining bytes) or a domain (percent-decoded, lowercased). A host
 * WHATWG fails to parse (1.2.3.09, 256.0.0.1, [1::2::3], a%2Fb) is refused:
 * delivery would fail too.
 *
 * Decisions:
 * - What is stored is the URL as delivery reads it: scheme lowercased, `//`,
 *   no (empty) userinfo, the host serialised as WHATWG does (0x08080808 is
 *   stored as 8.8.8.8, [::ffff:127.0.0.1] would be [::ffff:7f00:1]), the
 *   port without a default or leading zeros, then the path (\ as /), query
 *   and fragment as given. So a public address in an odd spelling is
 *   accepted, and stored in the plain spelling delivery uses.
 * - Hosts with non-ASCII characters (also when percent-encoded) are refused
 *   with a request for the punycode (xn--) form: WHATWG maps them with
 *   UTS #46, which turns e.g. fullwidth digits into 127.0.0.1, and that
 *   mapping is not reproduced here. xn-- labels are not decoded; a malformed
 *   one (which Node refuses) is stored and fails at delivery, reaching no host.
 * - Addresses are classified by is_private_address, the copy of
 *   functions/src/lib/webhooks/addresses.ts (test/server/webhook_urls.test.ts
 *   compares the two at every range boundary). IPv6 addresses that embed an
 *   IPv4 address (IPv4-compatible, -mapped, -translated, NAT64 64:ff9b::/96)
 *   are classified as that IPv4 address.
 * - Names: localhost, *.localhost, *.local, *.internal and single-label
 *   names are refused (with trailing dots removed: localhost. is localhost).
 *   Delivery refuses whatever a name resolves to when it connects.
 * - WEBHOOK_ALLOWED_HOSTS arrives in the setting `webhooks.allowed_hosts`
 *   (the server sets it per request, space-separated) and is matched like
 *   the worker's Allowlist: a name exactly (without trailing dots), an
 *   address or CIDR by containment. Unlike the worker (which only ever sees
 *   stored, plain URLs) it exempts only a host written plainly: 2130706433
 *   stays refused with 127.0.0.1 allowed.
 */
create or replace function app_private.is_private_address(a inet) returns boolean as $$
  select case
    when family(a) = 6 and not a <<= any (array['::/96', '::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96']::inet[]) then
      a <<= any (array['fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8', '64:ff9b:1::/48']::inet[])
    else
      -- IPv4, or the IPv4 address in the last 32 bits of an embedding IPv6 address.
      case when family(a) = 4 then a else '0.0.0.0'::inet + (a - network(set_masklen(a, 96))::inet) end
        <<= any (array['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
                       '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/3']::inet[])
  end;
$$ language sql immutable;
comment on function app_private.is_private_address(inet) is
  E'Loopback, private, CGNAT, link-local (metadata), special-use, multicast and reserved addresses; an IPv6 address embedding an IPv4 one is classified as that. Mirrors functions/src/lib/webhooks/addresses.ts.';

/* WHATWG IPv4 parser: the address as a number, or NULL where WHATWG fails (it then fails the whole URL). */
create function app_private.url_ipv4_parse(p_host text) returns bigint as $$
declare
  v_parts text[] := string_to_array(p_host, '.');
  v_part text;
  v_radix int;
  v_digits text := '0123456789abcdef';
  v_value numeric;
  v_numbers numeric[] := '{}';
  v_n int;
  v_result numeric := 0;
begin
  if cardinality(v_parts) > 1 and v_parts[cardinality(v_parts)] = '' then
    v_parts := v_parts[1:cardinality(v_parts) - 1];
  end if;
  v_n := cardinality(v_parts);
  if v_n > 4 then return null; end if;
  foreach v_part in array v_parts loop
    v_part := lower(v_part);
    if v_part = '' then return null; end if;
    if v_part like '0x%' then
      v_radix := 16; v_part := substr(v_part, 3);
    elsif length(v_part) > 1 and v_part like '0%' then
      v_radix := 8; v_part := substr(v_part, 2);
    else
      v_radix := 10;
    end if;
    if v_part !~ ('^[' || left(v_digits, v_radix) || ']*$') then return null; end if;
    v_value := 0;
    for i in 1 .. length(v_part) loop
      v_value := v_value * v_radix + position(substr(v_part, i, 1) in v_digits) - 1;
      if v_value >= 4294967296 then return null; end if;   -- too big for any part
    end loop;
    v_numbers := v_numbers || v_value;
  end loop;
  for i in 1 .. v_n - 1 loop
    if v_numbers[i] > 255 then return null; end if;
    v_result := v_result + v_numbers[i] * 256 ^ (4 - i);
  end loop;
  if v_numbers[v_n] >= 256::numeric ^ (5 - v_n) then return null; end if;
  return v_result + v_numbers[v_n];
end;
$$ language plpgsql immutable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.url_ipv4_parse(text) is
  E'The WHATWG URL Standard''s IPv4 parser (127.1, 0x7f.1, 0177.0.0.1, 2130706433 are all 127.0.0.1); NULL on failure.';

/* WHATWG IPv6 parser, step by step (pointer p over the text between the brackets): eight pieces, or NULL on failure. */
create function app_private.url_ipv6_parse(p_text text) returns int[] as $$
declare
  v_s text := lower(p_text);
  v_len int := length(p_text);
  v_a int[] := array[0, 0, 0, 0, 0, 0, 0, 0];   -- pieces, 1-based
  v_piece int := 1;
  v_compress int;
  v_p int := 1;
  v_value int;
  v_length int;
  v_seen int;
  v_v4 int;
  v_swaps int;
  v_t int;
  c text;
begin
  c := substr(v_s, v_p, 1);
  if c = ':' then
    if substr(v_s, v_p + 1, 1) <> ':' then return null; end if;
    v_p := v_p + 2; v_piece := v_piece + 1; v_compress := v_piece;
  end if;
  while v_p <= v_len loop
    c := substr(v_s, v_p, 1);
    if v_piece = 9 then return null; end if;
    if c = ':' then
      if v_compress is not null then return null; end if;
      v_p := v_p + 1; v_piece := v_piece + 1; v_compress := v_piece;
      continue;
    end if;
    v_value := 0; v_length := 0;
    while v_length < 4 and substr(v_s, v_p, 1) ~ '^[0-9a-f]$' loop
      v_value := v_value * 16 + position(substr(v_s, v_p, 1) in '0123456789abcdef') - 1;
      v_p := v_p + 1; v_length := v_length + 1;
    end loop;
    c := substr(v_s, v_p, 1);
    if c = '.' then
      -- An IPv4 address in the last 32 bits: exactly four decimal parts, no leading zeros, each at most 255.
      if v_length = 0 or v_piece > 7 then return null; end if;
      v_p := v_p - v_length;
      v_seen := 0;
      while v_p <= v_len loop
        v_v4 := null;
        if v_seen > 0 then
          if substr(v_s, v_p, 1) = '.' and v_seen < 4 then v_p := v_p + 1; else return null; end if;
        end if;
        if substr(v_s, v_p, 1) !~ '^[0-9]$' then return null; end if;
        while substr(v_s, v_p, 1) ~ '^[0-9]$' loop
          if v_v4 = 0 then return null; end if;
          v_v4 := coalesce(v_v4 * 10, 0) + substr(v_s, v_p, 1)::int;
          if v_v4 > 255 then return null; end if;
          v_p := v_p + 1;
        end loop;
        v_a[v_piece] := v_a[v_piece] * 256 + v_v4;
        v_seen := v_seen + 1;
        if v_seen in (2, 4) then v_piece := v_piece + 1; end if;
      end loop;
      if v_seen <> 4 then return null; end if;
      exit;
    elsif c = ':' then
      v_p := v_p + 1;
      if v_p > v_len then return null; end if;
    elsif v_p <= v_len then
      return null;
    end if;
    v_a[v_piece] := v_value;
    v_piece := v_piece + 1;
  end loop;
  if v_compress is not null then
    v_swaps := v_piece - v_compress;
    v_piece := 8;
    while v_piece <> 1 and v_swaps > 0 loop
      v_t := v_a[v_piece]; v_a[v_piece] := v_a[v_compress + v_swaps - 1]; v_a[v_compress + v_swaps - 1] := v_t;
      v_piece := v_piece - 1; v_swaps := v_swaps - 1;
    end loop;
  elsif v_piece <> 9 then
    return null;
  end if;
  return v_a;
end;
$$ language plpgsql immutable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.url_ipv6_parse(text) is
  E'The WHATWG URL Standard''s IPv6 parser (the text between the brackets): the eight 16-bit pieces, or NULL on failure.';

/* WHATWG IPv6 serializer: lowercase hex, the first longest run of two or more zero pieces compressed to ::. */
create function app_private.url_ipv6_serialize(p_a int[]) returns text as $$
declare
  v_compress int;
  v_best int := 1;
  v_run int := 0;
  v_out text := '';
  v_ignore0 boolean := false;
begin
  for i in 1 .. 8 loop
    if p_a[i] = 0 then
      v_run := v_run + 1;
      if v_run > v_best then v_best := v_run; v_compress := i - v_run + 1; end if;
    else
      v_run := 0;
    end if;
  end loop;
  for i in 1 .. 8 loop
    if v_ignore0 and p_a[i] = 0 then continue; end if;
    v_ignore0 := false;
    if v_compress = i then
      v_out := v_out || case when i = 1 then '::' else ':' end;
      v_ignore0 := true;
      continue;
    end if;
    v_out := v_out || to_hex(p_a[i]) || case when i < 8 then ':' else '' end;
  end loop;
  return v_out;
end;
$$ language plpgsql immutable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.url_ipv6_serialize(int[]) is
  E'The WHATWG URL Standard''s IPv6 serializer (what `new URL()` puts between the brackets).';

/*
 * The URL as delivery will read it (url), or why it is refused (problem).
 * Step names follow the WHATWG basic URL parser; see the block above.
 */
create function app_private.webhook_url_parse(p_url text, out problem text, out url text) as $$
declare
  v_m text[];
  v_scheme text;
  v_authority text;
  v_tail text;
  v_host text;
  v_written text;
  v_port text;
  v_inside boolean := false;
  v_decoded text := '';
  v_i int;
  v_byte int;
  v_last text;
  v_v4 bigint;
  v_pieces int[];
  v_addr inet;
  v_embedded inet;
  v_name text;
  v_allowed text[] := regexp_split_to_array(lower(btrim(coalesce(pg_catalog.current_setting('webhooks.allowed_hosts', true), ''))), '\s+');
  v_entry text;
  v_invalid constant text := 'Give a valid URL, like https://example.com/webhooks.';
begin
  if p_url is null or length(p_url) > 2048 then
    problem := 'Give a URL of at most 2048 characters.'; return;
  end if;
  -- Leading and trailing C0 controls and spaces go, then every tab and newline.
  url := translate(regexp_replace(p_url, '^[\x01-\x20]+|[\x01-\x20]+$', '', 'g'), E'\t\n\r', '');
  v_m := regexp_match(url, '^([A-Za-z][A-Za-z0-9+.-]*):(.*)$');
  if v_m is null then problem := v_invalid; url := null; return; end if;
  v_scheme := lower(v_m[1]);
  if v_scheme not in ('http', 'https') then
    problem := 'Webhook URLs must start with http:// or https://.'; url := null; return;
  end if;
  -- Special schemes: any run of / and \ after the scheme, then the authority up to / \ ? #.
  v_m := regexp_match(ltrim(v_m[2], '/\'), '^([^/\\?#]*)(.*)$');
  v_authority := v_m[1];
  v_tail := v_m[2];
  v_m := regexp_match(v_authority, '^(.*)@(.*)$');   -- greedy: the host follows the last @
  if v_m is not null then
    if v_m[2] = '' then problem := v_invalid; url := null; return; end if;
    -- `http://@host` and `http://:@host` carry no credentials (WHATWG drops the empty userinfo).
    if v_m[1] not in ('', ':') then
      problem := 'Give a URL without credentials, like https://example.com/webhooks.'; url := null; return;
    end if;
    v_authority := v_m[2];
  end if;
  v_host := v_authority;
  for i in 1 .. length(v_authority) loop
    case substr(v_authority, i, 1)
      when '[' then v_inside := true;
      when ']' then v_inside := false;
      when ':' then
        if not v_inside then v_host := left(v_authority, i - 1); v_port := substr(v_authority, i + 1); exit; end if;
      else null;
    end case;
  end loop;
  if v_host = '' then problem := 'Give a URL with a host, like https://example.com/webhooks.'; url := null; return; end if;
  v_written := lower(v_host);
  -- The port: digits only, at most 65535, stored without leading zeros and without the scheme's default.
  if v_port is not null then
    if v_port !~ '^[0-9]*$' or length(ltrim(v_port, '0')) > 5 then
      problem := 'The URL''s port is not valid (a number up to 65535).'; url := null; return;
    end if;
    v_port := case when v_port <> '' then ('0' || v_port)::int::text end;
    if v_port::int > 65535 then
      problem := 'The URL''s port is not valid (a number up to 65535).'; url := null; return;
    end if;
    if v_port = (case v_scheme when 'http' then '80' else '443' end) then v_port := null; end if;
  end if;

  if v_host like '[%' then
    v_pieces := case when v_host like '%]' then app_private.url_ipv6_parse(substr(v_host, 2, length(v_host) - 2)) end;
    if v_pieces is null then problem := 'The URL''s host is not a valid IPv6 address.'; url := null; return; end if;
    v_host := '[' || app_private.url_ipv6_serialize(v_pieces) || ']';
    v_addr := array_to_string(array(select to_hex(x) from unnest(v_pieces) x), ':')::inet;
  else
    if v_host ~ '[^\x01-\x7f]' then
      problem := 'Give the URL''s host name in its ASCII (punycode, xn--) form.'; url := null; return;
    end if;
    v_i := 1;
    while v_i <= length(v_host) loop
      if substr(v_host, v_i, 1) = '%' and substr(v_host, v_i + 1, 2) ~ '^[0-9A-Fa-f]{2}$' then
        v_byte := get_byte(decode(substr(v_host, v_i + 1, 2), 'hex'), 0);
        if v_byte >= 128 then
          problem := 'Give the URL''s host name in its ASCII (punycode, xn--) form.'; url := null; return;
        end if;
        if v_byte = 0 then problem := 'The URL''s host is not valid.'; url := null; return; end if;
        v_decoded := v_decoded || chr(v_byte);
        v_i := v_i + 3;
      else
        v_decoded := v_decoded || substr(v_host, v_i, 1);
        v_i := v_i + 1;
      end if;
    end loop;
    v_host := lower(v_decoded);
    -- Forbidden domain code points: C0 controls, space, # % / : < > ? @ [ \ ] ^ | and DEL.
    if v_host ~ '[\x01-\x20#%/:<>?@\[\\\]^|\x7f]' then
      problem := 'The URL''s host is not valid.'; url := null; return;
    end if;
    -- "Ends in a number": then the host is an IPv4 address or the URL is invalid.
    v_m := string_to_array(v_host, '.');
    v_last := v_m[cardinality(v_m)];
    if v_last = '' and cardinality(v_m) > 1 then v_last := v_m[cardinality(v_m) - 1]; end if;
    if v_last ~ '^([0-9]+|0x[0-9a-f]*)$' then
      v_v4 := app_private.url_ipv4_parse(v_host);
      if v_v4 is null then problem := 'The URL''s host is not a valid IPv4 address.'; url := null; return; end if;
      v_addr := '0.0.0.0'::inet + v_v4;
      v_host := host(v_addr);
    end if;
  end if;

  -- In the path WHATWG reads \ as /; the query and fragment keep it.
  url := v_scheme || '://' || v_host || coalesce(':' || v_port, '')
         || replace(substring(v_tail from '^[^?#]*'), '\', '/') || coalesce(substring(v_tail from '[?#].*$'), '');
  if length(url) > 2048 then problem := 'Give a URL of at most 2048 characters.'; url := null; return; end if;

  /*
   * WEBHOOK_ALLOWED_HOSTS exempts a host only where the URL writes it plainly, as WHATWG serialises it
   * (any letter case): with 127.0.0.1 allowed, http://2130706433/ is still refused. The allowlist is
   * for tests and known private receivers; odd spellings of private addresses are an attack pattern.
   */
  if v_addr is not null then
    -- As the worker's Allowlist (a node:net BlockList): addresses and CIDRs by containment, where an IPv4
    -- entry also matches the IPv4-mapped form and an IPv4-mapped entry the IPv4 form.
    v_embedded := case when family(v_addr) = 4 then '::ffff:0:0'::inet + (v_addr - '0.0.0.0'::inet)
                       when v_addr <<= '::ffff:0:0/96'::inet then '0.0.0.0'::inet + (v_addr - '::ffff:0:0'::inet) end;
    foreach v_entry in array case when v_written = v_host then v_allowed else '{}' end loop
      continue when v_entry !~ '^([0-9]{1,3}(\.[0-9]{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*)(/[0-9]{1,3})?$';
      begin
        if v_addr <<= v_entry::inet or v_embedded <<= v_entry::inet then return; end if;
      exception when invalid_text_representation or invalid_parameter_value then
        null;   -- not an address after all: the worker would not read it as one either
      end;
    end loop;
    if app_private.is_private_address(v_addr) then
      problem := format('Webhook URLs may not point at private, loopback or link-local addresses (%s).', trim(both '[]' from v_host));
      url := null;
    end if;
  else
    v_name := rtrim(v_host, '.');
    if v_written = v_host and v_name = any (array(select rtrim(e, '.') from unnest(v_allowed) e where e <> '')) then return; end if;
    if v_name = 'localhost' or v_name ~ '\.(localhost|local|internal)$' or v_name !~ '\.' then
      problem := format('Webhook URLs must use a public host name; %s is a local one.', left(coalesce(nullif(v_name, ''), v_host), 100));
      url := null;
    end if;
  end if;
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.webhook_url_parse(text) is
  E'A webhook URL as delivery (Node''s WHATWG URL parser) reads it, in that canonical form (url), or why it is refused (problem): not http(s), invalid, credentials, a private, loopback, link-local or metadata address in any spelling, or a local name; WEBHOOK_ALLOWED_HOSTS (setting webhooks.allowed_hosts) exempts hosts.';

create or replace function app_private.webhook_url_problem(p_url text) returns text as $$
begin
  return (select p.problem from app_private.webhook_url_parse(p_url) p);
end;
$$ language plpgsql stable set search_path to pg_catalog, public, pg_temp;
comment on function app_private.webhook_url_problem(text) is
  E'Why a webhook URL is refused, or NULL when it is acceptable (see webhook_url_parse).';

/* As in 000004, and the URL stored is the canonical one: what the worker will parse is what was checked. */
create or replace function app_private.tg_webhook_endpoints__validate() returns trigger as $$
declare
  v_problem text;
  v_url text;
  v_unknown text;
begin
  new.url := btrim(new.url);
  new.description := btrim(coalesce(new.description, ''));
  new.event_types := array(select distinct t from unnest(coalesce(new.event_types, '{}')) t order by 1);
  if tg_op = 'INSERT' or new.url is distinct from old.url then
    select p.problem, p.url into v_problem, v_url from app_private.webhook_url_parse(new.url) p;
    if v_problem is not null then
      raise exception '%', v_problem using errcode = 'WHURL';
    end if;
    new.url := v_url;
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

--! split: 3-cors.sql
-- Browser origins the server answers CORS for, beyond its configuration (server/src/middleware/installCors.ts).
drop function if exists app_private.publishable_key_origin(text);

/*
 * Whether some live publishable key lists this host (exactly, or under a
 * `*.parent` entry) among its allowed domains. Such an origin gets CORS
 * without credentials on /graphql and /svc, so the key can be used from the
 * sites its workspace chose; the key's own domain lock still decides (KYORG).
 * Owner pool only, like verified_custom_domain_tenant.
 */
create function app_private.publishable_key_origin(p_host text) returns boolean as $$
  select exists (
    select 1 from app_public.api_keys k, unnest(k.allowed_domains) d
     where k.type = 'publishable' and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
       and (d = lower(p_host) or (d like '*.%' and length(p_host) > length(d) - 1 and right(lower(p_host), length(d) - 1) = substr(d, 2)))
  );
$$ language sql stable;
comment on function app_private.publishable_key_origin(text) is
  E'Owner pool: true when a live publishable key allows this host (CORS for publishable-key origins).';
