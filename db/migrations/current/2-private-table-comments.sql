/*
 * What each app_private table holds and who writes it. app_private is never
 * in the API, so these comments are not GraphQL docs: they are what an
 * operator reads in psql (\dt+) and in db/schema.sql. Every app_public table
 * already has one; test/catalog/comments.test.ts keeps both schemas covered.
 * `comment on` replaces the previous text, so re-running this file is a no-op.
 */

-- Identity: passwords, external sign-in, sessions, email links, MFA, lockout.
comment on table app_private.user_secrets is
  E'A user''s password hash (null for accounts without a password); written by app_private.register_user, app_private.reset_password and the Google sign-in route when it takes over an unverified account.';
comment on table app_private.user_identities is
  E'External sign-in identities (provider and subject, Google today) linked to a user; written by app_private.find_or_create_oauth_user.';
comment on table app_private.refresh_token_families is
  E'One row per session (a sign-in) with its active workspace, AMR/AAL and revocation; written by app_private.sign_in and rotate_refresh_token, switched by /auth/switch-tenant, revoked on logout, role changes and token reuse.';
comment on table app_private.refresh_tokens is
  E'Hashes of the refresh tokens of a session, each replaced once by its successor; written by app_private.create_refresh_family (via sign_in) and app_private.rotate_refresh_token.';
comment on table app_private.email_tokens is
  E'Hashes of single-use email verification and password reset tokens; issued by app_private.issue_email_token from the worker''s email tasks, consumed by the email-link routes through consume_email_token and reset_password.';
comment on table app_private.mfa_totp is
  E'A user''s TOTP secret (confirmed once a first code verifies) and the last time step used, so a code cannot be replayed; written by the MFA routes of the identity server.';
comment on table app_private.mfa_recovery_codes is
  E'Hashes of a user''s one-time MFA recovery codes; generated and marked used by the MFA routes of the identity server.';
comment on table app_private.login_attempts is
  E'Failed sign-in counters and lockouts per normalised email, whether or not an account has it; written by app_private.record_login_failure and record_login_success, outside the request transaction.';

-- Workspaces: invitations.
comment on table app_private.invitation_tokens is
  E'Hash of the token in an invitation''s email link; written by the invitations__send task, read when the invitation is accepted.';

-- Event bus and webhooks.
comment on table app_private.events is
  E'The event outbox: domain events recorded by app_private.publish_event in the producer''s transaction (payloads checked against app_public.event_types), then fanned out once to webhooks and internal subscribers by the events__dispatch task.';
comment on table app_private.webhook_secrets is
  E'Signing secrets of webhook endpoints, several during a rotation overlap; written by app_public.create_webhook_endpoint and app_public.rotate_webhook_secret, read when deliveries are signed.';

-- Billing: the payment provider's ids, payments and webhooks.
comment on table app_private.provider_refs is
  E'Payment-provider ids mapped to local rows (kind customer, subscription, order or invoice); written by the billing mutations when they create the provider object and by app_private.apply_invoice.';
comment on table app_private.payments is
  E'The provider''s payments for coin orders, with a status that only moves forward; written by app_private.apply_payment from the billing__process_event task and the checkout callback.';
comment on table app_private.webhook_events is
  E'Inbox of payment-provider webhooks, each stored once by its event id; written by app_private.record_webhook_event from the provider webhook route, marked processed or ignored by the billing__process_event task.';
