// /verify-email?token=…: consumes the link at once (POST /auth/verify-email). A dead link (LNKEX) offers
// a new one: POST /auth/resend-verification needs a signed-in user, so signed-out visitors sign in first.
import { $, api, session, showError, showMessage, takeToken, withToken } from "./lib.js";

const token = takeToken();

async function offerNewLink() {
  if (await session.token()) $("#resend").hidden = false;
  else $("#sign-in-to-resend").hidden = false;
}

$("#resend-button").addEventListener("click", async (event) => {
  event.target.disabled = true;
  const result = await withToken((t) => api("/auth/resend-verification", {}, t));
  event.target.disabled = false;
  if (!result.ok) return showError(result.error);
  $("#resend").hidden = true;
  showMessage("success", result.data.message);
});

if (!token) {
  showMessage("info", "Open the link from your verification email to verify your address.");
  await offerNewLink();
} else {
  const result = await api("/auth/verify-email", { token });
  if (result.ok) {
    showMessage("success", result.data.message);
    if (!(await session.token())) $("#done").hidden = false;
  } else {
    showError(result.error);
    if (result.error.code === "LNKEX") await offerNewLink();
  }
}
