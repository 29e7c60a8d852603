// /magic-link?token=…: the link of a passwordless sign-in email (POST /auth/magic-link). It acts only on a
// click, never on page load: a mail scanner opening the link must not spend it. Then POST
// /auth/magic-link/verify {token, tokenTransport: "cookie"}; with two-factor authentication on, the second
// step is POST /auth/mfa/verify {mfaToken, code}. Then on to the path the request named (`redirect`).
import { $, api, fieldError, onSubmit, session, showError, showMessage, takeToken } from "./lib.js";

const STORED = "logicspike.magicLinkToken";
const token = takeToken(STORED);
const linkForm = $("#magic-link-form");
const mfaForm = $("#mfa-form");
let mfaToken = null;
let landing = "/";

if (!token) {
  linkForm.hidden = true;
  showMessage("info", "Open the link from the sign-in email we sent you.");
  $("#request-new").hidden = false;
}

function signedIn(data) {
  session.save(data);
  location.assign(data.redirect && /^\/(?![/\\])/.test(data.redirect) ? data.redirect : landing);
}

onSubmit(linkForm, async () => {
  const result = await api("/auth/magic-link/verify", { token, tokenTransport: "cookie" });
  sessionStorage.removeItem(STORED);
  linkForm.hidden = true;
  if (!result.ok) {
    $("#request-new").hidden = false;
    return showError(result.error);
  }
  if (!result.data.mfaRequired) return signedIn(result.data);
  mfaToken = result.data.mfaToken;
  landing = result.data.redirect || "/";
  mfaForm.hidden = false;
  mfaForm.elements.namedItem("code").focus();
});

onSubmit(mfaForm, async ({ code }) => {
  if (!code.trim()) return fieldError(mfaForm, "code", "Enter the code.");
  const result = await api("/auth/mfa/verify", { mfaToken, code, tokenTransport: "cookie" });
  if (result.ok) return signedIn(result.data);
  if (result.error.code === "MFACD" || result.error.code === "INVLD") return fieldError(mfaForm, "code", result.error.message, result.error.code);
  mfaForm.hidden = true;
  $("#request-new").hidden = false;
  showError(result.error);
});
