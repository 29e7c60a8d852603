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
