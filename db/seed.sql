/*
 * Development seed data. Runs as the database owner after every `npm start`
 * in development (SEED_ON_START) and with `npm run db:seed`. It must be
 * idempotent: every statement is an upsert or guarded by "if not exists".
 */
insert into app_private.contact_messages (id, name, email, message, notified_at)
values ('00000000-0000-4000-8000-00000000c0de', 'Seed Visitor', 'visitor@example.com',
        'Hello from the development seed. This message exists so the contact inbox is not empty.', now())
on conflict (id) do nothing;

/*
 * A demo account for trying things out in development:
 *   email demo@logicspike.localhost, password demo-password-123
 * owner of "Demo Workspace" (slug demo). Never run against production.
 */
insert into app_public.users (id, email, name, is_verified)
values ('00000000-0000-4000-8000-000000000001', 'demo@logicspike.localhost', 'Demo User', true)
on conflict (id) do nothing;
insert into app_private.user_secrets (user_id, password_hash, password_updated_at)
values ('00000000-0000-4000-8000-000000000001',
        '$argon2id$v=19$m=19456,t=2,p=1$o+kPWp5PFXrM9bUqK/DsvA$oaDFswfvQoxmZkErcS506KdTuwqsggzsjZV/bZaFhM0', now())
on conflict (user_id) do nothing;
insert into app_public.tenants (id, name, slug)
values ('00000000-0000-4000-8000-0000000000d1', 'Demo Workspace', 'demo')
on conflict (id) do nothing;
insert into app_public.memberships (tenant_id, user_id, role)
values ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000001', 'owner')
on conflict (tenant_id, user_id) do nothing;
