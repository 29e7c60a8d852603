// /reset-password?token=…: POST /auth/reset-password {token, password}. A weak password (WEAKP) leaves the
// link usable, so the token stays in this tab's sessionStorage until the link is spent or dead (LNKEX).
import { $, api, fieldError, onSubmit, session, showError, showMessage, takeToken } from "./lib.js";

const STORED = "logicspike.resetToken";
const token = takeToken(STORED);
const form = $("#reset-form");

function linkDead(error) {
  sessionStorage.removeItem(STORED);
  form.hidden = true;
  $("#request-new").hidden = false;
  if (error) showError(error);
}

if (!token) {
  linkDead();
  showMessage("info", "Open the link from your password-reset email, or request a new one.");
}

onSubmit(form, async ({ password, confirm }) => {
  if (!password) return fieldError(form, "password", "Choose a new password.");
  if (password !== confirm) return fieldError(form, "confirm", "The two passwords are not the same.");
  const result = await api("/auth/reset-password", { token, password });
  if (result.ok) {
    sessionStorage.removeItem(STORED);
    session.clear(); // every session was signed out
    form.hidden = true;
    $("#done").hidden = false;
    return showMessage("success", result.data.message);
  }
  if (result.error.code === "WEAKP") return fieldError(form, "password", result.error.message, "WEAKP");
  if (result.error.code === "LNKEX") return linkDead(result.error);
  showError(result.error);
});
