import { z } from "zod";
import { withTransaction } from "../../../../core/db/transaction";
import { assertAcceptablePassword, hashPassword } from "../passwords";
import { defineRoute, fields } from "../route";

export const schema = z.object({
  email: fields.email,
  password: fields.password,
  name: fields.name,
  workspaceName: z.string().trim().max(100).optional(),
});

export const REGISTER_RESPONSE = {
  status: "pending_verification",
  message: "Check your inbox: we sent a link to verify your email address. Then sign in.",
} as const;

/**
 * POST /auth/register. User + first workspace + owner membership in one
 * statement (app_private.register_user), and the verification email queued in
 * the same transaction. A taken email gets the *same* response (and similar
 * time: the password is hashed either way); its owner is emailed instead,
 * so registration cannot be used to discover accounts.
 */
export default defineRoute({
  method: "post",
  path: "/auth/register",
  schema,
  async handler({ body, deps, res }) {
    assertAcceptablePassword(body.password, body.email);
    const passwordHash = await hashPassword(body.password);
    await withTransaction(deps.pool, async (client) => {
      const { rows } = await client.query<{ user_id: string }>(
        "select user_id from app_private.register_user($1, $2, $3, $4)",
        [body.email, body.name, passwordHash, body.workspaceName ?? null],
      );
      if (rows[0]) {
        await client.query("select app_private.add_job('user__send_verification_email', json_build_object('userId', $1::uuid))", [rows[0].user_id]);
      } else {
        await client.query(
          "select app_private.add_job('user__send_account_exists_email', json_build_object('userId', u.id)) from app_public.users u where u.email = $1",
          [body.email],
        );
      }
    });
    res.status(202);
    return REGISTER_RESPONSE;
  },
});
