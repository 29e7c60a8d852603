/**
 * The services API, version 1: what a service behind the gateway (or holding a
 * service token) may do for one workspace. Mounted at /internal/v1 inside the
 * /internal router (installServiceAuth), so the credential check runs first.
 * Docs: docs/services.md.
 *
 * Every route is one SQL statement on the owner pool, so each is atomic by
 * itself: the event and its idempotency key, or the consumption and its record,
 * commit together or not at all. Bad input is refused before or inside that
 * statement with a coded error and leaves nothing behind.
 */
import express, { type Express, type Request, type Response, type NextFunction, type Router } from "express";
import { z } from "zod";
import { getContext } from "../context";
import { AppError } from "../../../core/errors";
import { requireScope, resolveServiceCaller, serviceCaller } from "./serviceCaller";
import { SERVICE_SCOPES } from "./scopes";
import { USAGE_COLUMNS, usageAnswer, type UsageRow } from "./usageAnswer";
import { isUuid } from "../../../core/tenancy";

/** 10^15: far above any real quantity (a petabyte in bytes) and still exact as a JSON number. */
export const MAX_QUANTITY = 1_000_000_000_000_000;

const idempotencyKey = z.string().min(1).max(200);
const eventBody = z.object({
  type: z.string().min(1).max(100),
  payload: z.record(z.unknown()),
  idempotencyKey: idempotencyKey.optional(),
}).strict();
const usageBody = z.object({
  meter: z.string().min(1).max(63),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  idempotencyKey: idempotencyKey.optional(),
}).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown, hint: string): T {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("BADRQ", "Send a JSON object.");
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".") || "body").join(", ");
    throw new AppError("INVLD", `Check ${where}: ${hint}`);
  }
  return parsed.data;
}

/** The key from the body or the Idempotency-Key header (both: they must agree). */
function keyOf(req: Request, fromBody: string | undefined): string | undefined {
  const header = req.get("idempotency-key");
  if (header !== undefined && fromBody !== undefined && header !== fromBody) {
    throw new AppError("BADRQ", "Send the idempotency key once: in the Idempotency-Key header or as idempotencyKey.");
  }
  const key = header ?? fromBody;
  if (key !== undefined && !idempotencyKey.safeParse(key).success) throw new AppError("INVLD", "An idempotency key is 1 to 200 characters.");
  return key;
}

const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
  fn(req, res).catch(next);

export function servicesRouter(app: Express): Router {
  const ctx = getContext(app);
  const pool = ctx.rootPgPool;
  const router = express.Router();
  router.use(express.json({ limit: ctx.config.bodyLimitBytes }));
  router.use(resolveServiceCaller(pool, () => Object.keys(ctx.config.gateway.routes)));

  router.post("/events", requireScope(SERVICE_SCOPES.eventsPublish), handle(async (req, res) => {
    const body = parse(eventBody, req.body, "send type (an event type this service publishes), payload (an object) and optionally idempotencyKey.");
    const { service, tenantId } = serviceCaller(res);
    const { rows } = await pool.query<{ r: { eventId: string; type: string; replayed: boolean } }>(
      "select app_private.publish_service_event($1, $2, $3, $4, $5) as r",
      [tenantId, service, body.type, JSON.stringify(body.payload), keyOf(req, body.idempotencyKey) ?? null],
    );
    res.status(rows[0].r.replayed ? 200 : 201).json(rows[0].r);
  }));

  // consume: refused past the limit (allowed: false, nothing counted); record: usage that already happened, counted regardless.
  for (const [path, enforce] of [["/usage/consume", true], ["/usage/record", false]] as const) {
    router.post(path, requireScope(SERVICE_SCOPES.usageWrite), handle(async (req, res) => {
      const body = parse(usageBody, req.body, `send meter, quantity (a whole number from 1 to ${MAX_QUANTITY}) and optionally idempotencyKey.`);
      const { service, tenantId } = serviceCaller(res);
      const { rows } = await pool.query<UsageRow>(
        `select ${USAGE_COLUMNS} from app_private.meter_consume($1, $2, $3, $4, $5, $6)`,
        [tenantId, body.meter, body.quantity, keyOf(req, body.idempotencyKey) ?? null, enforce, service],
      );
      res.json(usageAnswer(body.meter, rows[0]));
    }));
  }

  // release: gives back what this service consumed on one of its own meters (deleted media, a cancelled job).
  router.post("/usage/release", requireScope(SERVICE_SCOPES.usageWrite), handle(async (req, res) => {
    const body = parse(usageBody, req.body, `send meter (one of this service's counter meters), quantity (a whole number from 1 to ${MAX_QUANTITY}) and optionally idempotencyKey.`);
    const { service, tenantId } = serviceCaller(res);
    const { rows } = await pool.query<UsageRow>(
      `select ${USAGE_COLUMNS} from app_private.meter_release($1, $2, $3, $4, $5)`,
      [tenantId, body.meter, body.quantity, keyOf(req, body.idempotencyKey) ?? null, service],
    );
    res.json(usageAnswer(body.meter, rows[0]));
  }));

  router.get("/usage/:meter", requireScope(SERVICE_SCOPES.usageRead), handle(async (req, res) => {
    const raw = req.query.quantity ?? "0";
    const quantity = typeof raw === "string" && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!(quantity <= MAX_QUANTITY)) throw new AppError("INVLD", `quantity must be a whole number from 0 to ${MAX_QUANTITY}.`);
    const { rows } = await pool.query<UsageRow>(`select ${USAGE_COLUMNS} from app_private.meter_check($1, $2, $3)`,
      [serviceCaller(res).tenantId, req.params.meter, quantity]);
    res.json(usageAnswer(req.params.meter, rows[0]));
  }));

  router.get("/workspace", requireScope(SERVICE_SCOPES.workspaceRead), handle(async (_req, res) => {
    const { service, tenantId } = serviceCaller(res);
    const { rows } = await pool.query<{ r: Record<string, unknown> }>(
      `select jsonb_build_object(
         'id', t.id, 'name', t.name, 'slug', t.slug,
         'settings', jsonb_build_object('displayName', s.display_name, 'logoUrl', s.logo_url, 'primaryColor', s.primary_color,
            'timezone', coalesce(s.timezone, 'UTC'), 'locale', coalesce(s.locale, 'en-US'), 'weekStart', coalesce(s.week_start, 1),
            'preferences', coalesce(s.preferences, '{}')),
         'entitlements', jsonb_build_object('plan', ba.plan, 'limits', coalesce(ba.limits, '{}'),
            'services', coalesce((select jsonb_object_agg(ts.service, jsonb_build_object('enabled', ts.enabled, 'limits', ts.limits))
                                    from app_public.tenant_services ts where ts.tenant_id = t.id), '{}')),
         'service', $2::text) as r
         from app_public.tenants t
         left join app_public.tenant_settings s on s.tenant_id = t.id
         left join app_public.billing_accounts ba on ba.tenant_id = t.id
        where t.id = $1`,
      [tenantId, service],
    );
    res.json(rows[0].r);
  }));

  router.get("/members/:userId", requireScope(SERVICE_SCOPES.membersRead), handle(async (req, res) => {
    if (!isUuid(req.params.userId)) throw new AppError("INVLD", "The member is named by user id (a UUID).");
    const { rows } = await pool.query<{ r: Record<string, unknown> }>(
      `select jsonb_build_object('userId', u.id, 'name', u.name, 'avatarUrl', u.avatar_url,
                'role', coalesce(m.role, r.key), 'permissions', to_jsonb(app_private.membership_permissions(m.role, m.custom_role_id)),
                'joinedAt', m.created_at) as r
         from app_public.memberships m join app_public.users u on u.id = m.user_id
         left join app_public.roles r on r.tenant_id = m.tenant_id and r.id = m.custom_role_id
        where m.tenant_id = $1 and m.user_id = $2`,
      [serviceCaller(res).tenantId, req.params.userId],
    );
    if (!rows[0]) throw new AppError("NTFND", "That user is not a member of this workspace.");
    res.json(rows[0].r);
  }));

  return router;
}
