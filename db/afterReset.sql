/*
 * Runs as the superuser whenever the database is (re)created, by `db:reset`
 * and by the idempotent setup step that `npm start`/`db:migrate` run. Only
 * extensions and CONNECT live here; everything else is a migration.
 */
create extension if not exists citext with schema public;
create extension if not exists pgcrypto with schema public;

-- Nobody but the owner may create objects in public (extensions only).
revoke all on schema public from public;
grant usage on schema public to public;

revoke all on database :DATABASE_NAME from public;
grant connect on database :DATABASE_NAME to :DATABASE_OWNER;
grant connect on database :DATABASE_NAME to :DATABASE_AUTHENTICATOR;
grant all on database :DATABASE_NAME to :DATABASE_OWNER;
