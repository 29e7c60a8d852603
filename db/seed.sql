/*
 * Development seed data. Runs as the database owner after every `npm start`
 * in development (SEED_ON_START) and with `npm run db:seed`. It must be
 * idempotent: every statement is an upsert or guarded by "if not exists".
 */
insert into app_private.contact_messages (id, name, email, message, notified_at)
values ('00000000-0000-4000-8000-00000000c0de', 'Seed Visitor', 'visitor@example.com',
        'Hello from the development seed. This message exists so the contact inbox is not empty.', now())
on conflict (id) do nothing;
