// /sign-in[?next=/path]: POST /auth/login {email, password, tokenTransport: "cookie"}. An account with
// two-factor authentication answers { mfaRequired, mfaToken } instead of tokens; the second step is
// POST /auth/mfa/verify {mfaToken, code | recoveryCode}. Then back to `next`, or a signed-in summary.
import { $, api, fieldError, keepNext, nextPath, onSubmit, session, showError, showMessage, whoAmI } from "./lib.js";

const next = nextPath();
const passwordForm = $("#sign-in-form");
const mfaForm = $("#mfa-form");
let mfaToken = null;
let useRecoveryCode = false;
keepNext($("#sign-up-link"));

async function showSignedIn() {
  const me = await whoAmI();
  if (!me) return false;
  passwordForm.hidden = true;
  mfaForm.hidden = true;
  $("#signed-in-as").textContent = `You are signed in as ${me.email}${me.workspace ? ` in the workspace ${me.workspace}` : ""}.`;
  if (next) {
    $("#continue").href = next;
    $("#continue").hidden = false;
  }
  $("#signed-in").hidden = false;
  return true;
}

async function signedIn(tokens) {
  session.save(tokens);
  if (next) return location.assign(next);
  await showSignedIn();
  showMessage("success", "You are signed in.");
}

onSubmit(passwordForm, async ({ email, password }) => {
  if (!email.trim()) return fieldError(passwordForm, "email", "Enter your email address.");
  if (!password) return fieldError(passwordForm, "password", "Enter your password.");
  const result = await api("/auth/login", { email, password, tokenTransport: "cookie" });
  if (!result.ok) return showError(result.error);
  if (!result.data.mfaRequired) return signedIn(result.data);
  mfaToken = result.data.mfaToken;
  passwordForm.hidden = true;
  mfaForm.hidden = false;
  mfaForm.elements.namedItem("code").focus();
});

$("#mfa-switch").addEventListener("click", () => {
  useRecoveryCode = !useRecoveryCode;
  const input = mfaForm.elements.namedItem("code");
  mfaForm.querySelector("label[for=code]").textContent = useRecoveryCode ? "Recovery code" : "Code from your authenticator app";
  input.setAttribute("inputmode", useRecoveryCode ? "text" : "numeric");
  input.setAttribute("autocomplete", useRecoveryCode ? "off" : "one-time-code");
  $("#mfa-switch").textContent = useRecoveryCode ? "Use your authenticator app instead" : "Use a recovery code instead";
  input.value = "";
  input.focus();
});

onSubmit(mfaForm, async ({ code }) => {
  if (!code.trim()) return fieldError(mfaForm, "code", "Enter the code.");
  const result = await api("/auth/mfa/verify", { mfaToken, [useRecoveryCode ? "recoveryCode" : "code"]: code, tokenTransport: "cookie" });
  if (result.ok) return signedIn(result.data);
  if (result.error.code === "MFACD" || result.error.code === "INVLD") return fieldError(mfaForm, "code", result.error.message, result.error.code);
  if (result.error.code === "BADTK") {
    // The challenge expired (or was used): start again with the password.
    mfaForm.hidden = true;
    passwordForm.hidden = false;
  }
  showError(result.error);
});

$("#sign-out").addEventListener("click", async () => {
  await session.signOut();
  $("#signed-in").hidden = true;
  passwordForm.hidden = false;
  showMessage("info", "You are signed out.");
});

await showSignedIn();
