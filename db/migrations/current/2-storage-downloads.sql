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
