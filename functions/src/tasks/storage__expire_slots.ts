import { SLOT_CLEANUP_MARGIN_SECONDS, UPLOAD_SLOT_SECONDS } from "../../../core/storage";
import { defineTask } from "../lib/task";

/** Rows deleted per statement; the loop goes on until none is left, so a backlog never holds one long transaction. */
const BATCH = 500;

/**
 * Every few minutes (functions/crontab): deletes upload slots still pending well after their URL expired
 * (UPLOAD_SLOT_SECONDS + SLOT_CLEANUP_MARGIN_SECONDS after they were created, docs/storage.md): presigned
 * slots never confirmed, and rows a crashed multipart upload left behind. Deleting the row is all it
 * takes: the files table's triggers release the reserved bytes from storage.bytes and queue
 * storage__delete_object for whatever was uploaded, in the same transaction. Idempotent: a second run
 * finds nothing old enough.
 */
const task = defineTask(async (_payload, { withPgClient, logger }) => {
  const age = UPLOAD_SLOT_SECONDS + SLOT_CLEANUP_MARGIN_SECONDS;
  let removed = 0;
  for (;;) {
    const { rowCount } = await withPgClient((c) =>
      c.query(
        `delete from app_public.files f
          using (select tenant_id, id from app_public.files
                  where status = 'pending' and created_at < now() - make_interval(secs => $1)
                  order by created_at limit $2 for update skip locked) old
          where f.tenant_id = old.tenant_id and f.id = old.id and f.status = 'pending'`,
        [age, BATCH],
      ),
    );
    removed += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) break;
  }
  if (removed > 0) logger.info(`storage__expire_slots: removed ${removed} abandoned upload slots`);
});

export default task;
