/**
 * user.created -> provision the free plan. Placeholder for billing (issue 6):
 * when `app_private.provision_free_plan(uuid)` exists it is called for each
 * workspace the user owns; otherwise nothing happens (billing currently sets
 * workspaces up from its tenants trigger). Safe to run twice if that function is.
 */
import type { Subscriber } from "./index";

const subscriber: Subscriber = {
  name: "provision_free_plan",
  types: ["user.created"],
  async handle(event, { withPgClient, logger }) {
    const userId = event.payload.userId;
    if (typeof userId !== "string") throw new Error("user.created without userId");
    await withPgClient(async (c) => {
      const { rows } = await c.query<{ fn: string | null }>("select to_regprocedure('app_private.provision_free_plan(uuid)')::text as fn");
      if (!rows[0].fn) return logger.debug("provision_free_plan: billing has no app_private.provision_free_plan(uuid); nothing to do");
      await c.query(
        `select app_private.provision_free_plan(m.tenant_id) from app_public.memberships m where m.user_id = $1 and m.role = 'owner'`,
        [userId],
      );
    });
  },
};

export default subscriber;
