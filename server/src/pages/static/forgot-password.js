// /forgot-password: POST /auth/forgot-password {email}. The answer is the same whether or not the account
// exists (202 reset_requested), so the page shows the server's neutral message and nothing else.
import { $, api, fieldError, onSubmit, showError, showMessage } from "./lib.js";

const form = $("#forgot-form");

onSubmit(form, async ({ email }) => {
  if (!email.trim()) return fieldError(form, "email", "Enter your email address.");
  const result = await api("/auth/forgot-password", { email });
  if (!result.ok) {
    if (result.error.code === "INVLD") return fieldError(form, "email", "Enter a valid email address.", "INVLD");
    return showError(result.error);
  }
  form.hidden = true;
  $("#intro").hidden = true;
  showMessage("success", result.data.message);
});
