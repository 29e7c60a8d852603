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
