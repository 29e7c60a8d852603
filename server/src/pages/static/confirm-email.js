// /confirm-email?token=…: the link sent to a NEW address after POST /auth/email. It acts only on a click,
// never on page load: a mail scanner at a mistyped address must not move someone's account there.
import { $, api, onSubmit, session, showError, showMessage, takeToken } from "./lib.js";

const STORED = "logicspike.emailChangeToken";
const token = takeToken(STORED);
const form = $("#confirm-form");

if (!token) {
  form.hidden = true;
  showMessage("info", "Open the link from the email we sent to your new address.");
}

onSubmit(form, async () => {
  const result = await api("/auth/email/confirm", { token });
  sessionStorage.removeItem(STORED);
  form.hidden = true;
  if (!result.ok) return showError(result.error);
  showMessage("success", result.data.message);
  if (!(await session.token())) $("#done").hidden = false;
});
