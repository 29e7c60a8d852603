import { createHash, randomBytes, randomInt } from "node:crypto";
import { sendEmail } from "../lib/mailer";
import { defineTask } from "../lib/task";
import { assertUserPayload, describeDuration, loadUser } from "../lib/userEmails";

/**
 * Emails a sign-in link and a 6-digit code (the same request: either signs in
 * once). Queued by POST /auth/magic-link only when the account exists (the
 * route answers the same either way). Both are born here and only their
 * hashes reach the database; issuing voids the user's previous request, so a
 * retried job's earlier, possibly undelivered email just stops working.
 */
const task = defineTask(async (payload, helpers, config) => {
  assertUserPayload("user__send_magic_link_email", payload);
  const raw = (payload as { redirect?: unknown }).redirect;
  // The route checked the landing path; the table's check refuses anything that is not a path.
  const redirect = typeof raw === "string" && raw.startsWith("/") ? raw : "/";
  const user = await loadUser(helpers, payload.userId);
  if (!user) return helpers.logger.info(`user ${payload.userId} no longer exists; no sign-in email`);

  const { appUrl, magicLink } = config;
  const ttl = magicLink.ttlSeconds;
  const token = randomBytes(32).toString("base64url");
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await helpers.withPgClient((c) =>
    c.query("select app_private.issue_magic_link($1, $2, $3, make_interval(secs => $4), $5)", [
      user.id,
      createHash("sha256").update(token).digest(),
      code,
      ttl,
      redirect,
    ]),
  );
  await sendEmail({
    to: user.email,
    subject: "Sign in to LogicSpike",
    text:
      `Hello ${user.name},\n\n` +
      `Someone (hopefully you) asked to sign in to your LogicSpike account with this email address. Sign in here:\n\n` +
      `${appUrl}/magic-link?token=${token}\n\n` +
      `Or, on the device where you asked, enter this code: ${code}\n\n` +
      `The link and the code work once, for ${describeDuration(ttl)}, and stop working if you ask for another email.\n` +
      `If you did not ask for this, ignore this email: nobody can sign in without it.\n`,
  }, config);
});

export default task;
