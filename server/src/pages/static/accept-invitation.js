// /invitations/accept?token=…: the token waits in this tab's sessionStorage while a signed-out visitor signs
// in or signs up (both come back here). Accepting is an explicit click: the GraphQL mutation acceptInvitation
// (Bearer access token), then POST /auth/switch-tenant {tenantId} so this session works in the new workspace.
import { $, ACCEPT_INVITATION, api, graphql, session, showError, showMessage, takeToken, whoAmI, withToken } from "./lib.js";

const STORED = "logicspike.invitationToken";
const HERE = "/invitations/accept";
const token = takeToken(STORED);
// Errors after which this link can never work: forget it.
const FINAL = new Set(["NTFND", "INVUS", "INVEX", "ISMEM"]);

function signedOut() {
  $("#message").hidden = true;
  $("#confirm").hidden = true;
  $("#signed-out").hidden = false;
}

async function accept() {
  $("#accept").disabled = true;
  const accepted = await withToken((t) => graphql(ACCEPT_INVITATION, { token }, t));
  $("#accept").disabled = false;
  if (!accepted.ok) {
    if (accepted.error.code === "LOGIN") return signedOut();
    if (FINAL.has(accepted.error.code)) {
      sessionStorage.removeItem(STORED);
      $("#accept").hidden = true;
    }
    return showError(accepted.error);
  }
  sessionStorage.removeItem(STORED);
  $("#confirm").hidden = true;
  const { tenantId, role } = accepted.data.acceptInvitation.result;
  const as = role ? ` as ${role}` : "";
  const switched = await withToken((t) => api("/auth/switch-tenant", { tenantId }, t));
  if (switched.ok) session.save(switched.data);
  const me = switched.ok ? await whoAmI() : null;
  if (me?.workspace) showMessage("success", `You joined the workspace ${me.workspace}${as}. This session now works in ${me.workspace}.`);
  else showMessage("success", `You joined the workspace${as}. Switch to it in your app to work there.`);
}

$("#accept").addEventListener("click", accept);
$("#switch-account").addEventListener("click", async () => {
  await session.signOut();
  location.assign(`/sign-in?${new URLSearchParams({ next: HERE })}`);
});

if (!token) {
  showMessage("info", "Open the link from your invitation email to join the workspace.");
} else {
  const me = await whoAmI();
  if (!me) signedOut();
  else {
    $("#message").hidden = true;
    $("#signed-in-as").textContent = `You are signed in as ${me.email}. Accept the invitation with this account?`;
    $("#confirm").hidden = false;
  }
}
