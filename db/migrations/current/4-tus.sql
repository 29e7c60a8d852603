-- >>> storage: resumable uploads over tus (issue 19)
/*
 * A tus upload is a pending app_public.files row (created, with its declared length reserved on the
 * quota, by POST /storage/v1/tus) plus the partial data and bookkeeping the tus store keeps next to the
 * backend's object (server/src/storage/tusUpload.ts, core/storage/tus.ts). This table marks which pending
 * rows are tus uploads, so storage__expire_slots gives them their own, longer lifetime
 * (TUS_UPLOAD_SECONDS) and removes the store's leftovers (partial data, an unfinished S3 multipart
 * upload, .json/.info records) before the row. It has no foreign key to the row on purpose: a marker
 * whose row is gone (deleted through deleteFile, or with its workspace) still tells the worker that
 * leftovers may remain under that key. The server writes it as the owner; no request role sees it.
 */
drop table if exists app_private.tus_uploads;

create table app_private.tus_uploads (
  tenant_id uuid not null,
  file_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, file_id)
);
select app_private.add_owner_policies('app_private.tus_uploads');
create index tus_uploads_created_at_idx on app_private.tus_uploads (created_at);
comment on table app_private.tus_uploads is
  E'Pending files rows that are tus resumable uploads (written by the server as owner on creation, deleted when the upload is finished or cleaned up by storage__expire_slots).';
-- <<< storage: resumable uploads over tus
