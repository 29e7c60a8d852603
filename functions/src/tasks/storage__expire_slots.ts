import type { Config } from "../../../core/config";
import { SLOT_CLEANUP_MARGIN_SECONDS, UPLOAD_SLOT_SECONDS } from "../../../core/storage";
import { createTusStore, TUS_UPLOAD_SECONDS, type TusStore } from "../../../core/storage/tus";
import { defineTask } from "../lib/task";

/** Rows deleted per statement; the loop goes on until none is left, so a backlog never holds one long transaction. */
const BATCH = 500;

/** One tus store per worker process and configuration (the S3 client keeps its connections). */
const stores = new WeakMap<Config, TusStore>();
function tusStoreFor(config: Config): TusStore {
  let store = stores.get(config);
  if (!store) stores.set(config, (store = createTusStore(config)));
  return store;
}

/**
 * Every few minutes (functions/crontab): deletes upload slots still pending well after their URL expired
 * (UPLOAD_SLOT_SECONDS + SLOT_CLEANUP_MARGIN_SECONDS after they were created, docs/storage.md): presigned
 * slots never confirmed, and rows a crashed multipart upload left behind. Deleting the row is all it
 * takes: the files table's triggers release the reserved bytes from storage.bytes and queue
 * storage__delete_object for whatever was uploaded, in the same transaction. Idempotent: a second run
 * finds nothing old enough.
 *
 * Resumable (tus) uploads, marked in app_private.tus_uploads, live TUS_UPLOAD_SECONDS + the same margin
 * instead, and leave more than the object behind (the tus store's record, an S3 multipart upload and its
 * parts), so the task first removes those through the tus store, then the row and the marker. A marker
 * whose row is already gone (deleted through deleteFile or with its workspace) is cleaned up at once. A
 * failing store keeps its row and marker for the next run.
 */
const task = defineTask(async (_payload, { withPgClient, logger }, config) => {
  const age = UPLOAD_SLOT_SECONDS + SLOT_CLEANUP_MARGIN_SECONDS;
  let removed = 0;
  for (;;) {
    const { rowCount } = await withPgClient((c) =>
      c.query(
        `delete from app_public.files f
          using (select tenant_id, id from app_public.files p
                  where status = 'pending' and created_at < now() - make_interval(secs => $1)
                    and not exists (select 1 from app_private.tus_uploads t where t.tenant_id = p.tenant_id and t.file_id = p.id)
                  order by created_at limit $2 for update skip locked) old
          where f.tenant_id = old.tenant_id and f.id = old.id and f.status = 'pending'`,
        [age, BATCH],
      ),
    );
    removed += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) break;
  }
  if (removed > 0) logger.info(`storage__expire_slots: removed ${removed} abandoned upload slots`);

  const tusAge = TUS_UPLOAD_SECONDS + SLOT_CLEANUP_MARGIN_SECONDS;
  const { rows: stale } = await withPgClient((c) =>
    c.query<{ tenant_id: string; file_id: string }>(
      `select t.tenant_id, t.file_id from app_private.tus_uploads t
         left join app_public.files f on f.tenant_id = t.tenant_id and f.id = t.file_id
        where f.id is null or (f.status = 'pending' and t.created_at < now() - make_interval(secs => $1))
        order by t.created_at limit $2`,
      [tusAge, BATCH],
    ),
  );
  let cleaned = 0;
  for (const { tenant_id, file_id } of stale) {
    try {
      await tusStoreFor(config).forget(`${tenant_id}/${file_id}`, { data: true });
    } catch (err) {
      logger.error(`storage__expire_slots: could not remove tus upload ${tenant_id}/${file_id}: ${String(err)}`);
      continue;
    }
    await withPgClient((c) =>
      c.query(
        `with m as (delete from app_private.tus_uploads where tenant_id = $1 and file_id = $2)
         delete from app_public.files where tenant_id = $1 and id = $2 and status = 'pending'`,
        [tenant_id, file_id],
      ),
    );
    cleaned++;
  }
  if (cleaned > 0) logger.info(`storage__expire_slots: removed ${cleaned} abandoned tus uploads`);
});

export default task;
