// /sign-up[?next=/path]: POST /auth/register {name, email, password, workspaceName?}, then sign in with the
// same credentials so the visitor can go on (to an invitation, say). Registration answers the same for a
// taken email (no account discovery); then sign-in fails and the page shows that same neutral answer.
import { $, api, fieldError, keepNext, nextPath, onSubmit, session, showError, showMessage } from "./lib.js";

const form = $("#sign-up-form");
const next = nextPath();
keepNext($("#sign-in-link"));
keepNext($("#done a"));

onSubmit(form, async ({ name, email, password, workspaceName }) => {
  if (!name.trim()) return fieldError(form, "name", "Enter your name.");
  if (!email.trim()) return fieldError(form, "email", "Enter your email address.");
  if (!password) return fieldError(form, "password", "Choose a password.");
  const registered = await api("/auth/register", { name, email, password, ...(workspaceName.trim() ? { workspaceName } : {}) });
  if (!registered.ok) {
    if (registered.error.code === "WEAKP") return fieldError(form, "password", registered.error.message, "WEAKP");
    return showError(registered.error);
  }
  const login = await api("/auth/login", { email, password, tokenTransport: "cookie" });
  const signedIn = login.ok && !login.data.mfaRequired;
  if (signedIn) {
    session.save(login.data);
    if (next) return location.assign(next);
  }
  form.hidden = true;
  $("#done").hidden = signedIn;
  showMessage("success", registered.data.message);
});
