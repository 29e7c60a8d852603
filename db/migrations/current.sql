-- Enter migration here

-- >>> observability: webhook outcomes (issue 9)
/*
 * /metrics reads webhook outcomes at scrape time: deliveries still pending or
 * given up (partial indexes keep those counts cheap however many succeeded),
 * and attempts of the last five minutes by outcome.
 */
drop index if exists app_public.webhook_deliveries_unfinished_idx;
drop index if exists app_public.webhook_attempts_created_at_idx;
create index webhook_deliveries_unfinished_idx on app_public.webhook_deliveries (status) where status <> 'succeeded';
create index webhook_attempts_created_at_idx on app_public.webhook_attempts (created_at);
-- <<< observability: webhook outcomes (issue 9)
