/*
 * Payload contracts for the billing event types. The catalog row of each was
 * created with an empty `required` list, so publish_event accepted any object
 * for them and webhook consumers had nothing to read in `eventTypes.schema`.
 * Each contract now lists exactly the keys its one publisher sends:
 *
 *   wallet.credited         app_private.credit
 *   addon.purchased         app_public.purchase_addon
 *   entitlements.changed    app_private.rebuild_entitlements (the new entitlements)
 *   payment.failed          app_private.apply_payment
 *   subscription.activated  app_private.apply_subscription
 *   subscription.cancelled  app_private.apply_subscription
 *   invoice.paid            app_private.apply_invoice
 *
 * Only `required` is enforced (app_private.tg_events__validate raises EVBAD
 * when a key is missing); `properties` documents types for consumers. Amounts
 * are integers in the currency's minor unit (paise), coins are whole coins.
 * Ids are uuids as strings. test/catalog/event_contracts.test.ts keeps these
 * in step with the publishers. An update, so re-running it changes nothing.
 */
update app_public.event_types t
   set schema = jsonb_build_object('type', 'object',
                  'required', (select jsonb_agg(k order by k) from jsonb_object_keys(c.properties) k),
                  'properties', c.properties)
  from (values
    ('wallet.credited', jsonb_build_object(
       'entryId', jsonb_build_object('type', 'string', 'description', 'The wallet entry (WalletEntry.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'Coins credited.'),
       'kind', jsonb_build_object('type', 'string', 'description', 'purchase, refund or grant.'),
       'balance', jsonb_build_object('type', 'integer', 'description', 'The wallet balance after the credit.'),
       'reference', jsonb_build_object('type', 'string', 'description', 'What the credit is for, e.g. coin_order:<id>; may be empty.'))),
    ('addon.purchased', jsonb_build_object(
       'tenantAddonId', jsonb_build_object('type', 'string', 'description', 'The purchased add-on (TenantAddon.rowId).'),
       'addon', jsonb_build_object('type', 'string', 'description', 'The add-on key (Addon.key).'),
       'coins', jsonb_build_object('type', 'integer', 'description', 'Coins debited from the wallet.'))),
    ('entitlements.changed', jsonb_build_object(
       'plan', jsonb_build_object('type', 'string', 'description', 'The effective plan key (Plan.key).'),
       'limits', jsonb_build_object('type', 'object', 'description', 'Workspace-wide limits by name, e.g. {"seats": 10}; a missing limit means unlimited.'),
       'services', jsonb_build_object('type', 'object', 'description', 'Per service key: {"enabled": boolean, "limits": object}.'))),
    ('payment.failed', jsonb_build_object(
       'coinOrderId', jsonb_build_object('type', 'string', 'description', 'The coin order whose payment failed (CoinOrder.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'The amount of the failed payment in paise.'))),
    ('subscription.activated', jsonb_build_object(
       'subscriptionId', jsonb_build_object('type', 'string', 'description', 'The plan subscription (PlanSubscription.rowId).'),
       'plan', jsonb_build_object('type', 'string', 'description', 'The subscribed plan key (Plan.key).'))),
    ('subscription.cancelled', jsonb_build_object(
       'subscriptionId', jsonb_build_object('type', 'string', 'description', 'The plan subscription (PlanSubscription.rowId).'),
       'plan', jsonb_build_object('type', 'string', 'description', 'The plan key it was for (Plan.key).'),
       'status', jsonb_build_object('type', 'string', 'description', 'The final state: cancelled, completed or expired.'))),
    ('invoice.paid', jsonb_build_object(
       'invoiceId', jsonb_build_object('type', 'string', 'description', 'The invoice (Invoice.rowId).'),
       'amount', jsonb_build_object('type', 'integer', 'description', 'The amount paid in the minor unit of the currency (paise).'),
       'currency', jsonb_build_object('type', 'string', 'description', 'ISO 4217 code, e.g. INR.')))
  ) as c(key, properties)
 where t.key = c.key;
