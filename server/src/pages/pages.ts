/**
 * The pages that links in our emails open (functions/src/tasks/*: verify
 * email, reset password, confirm an email change, magic sign-in link, invitations, account exists), with the sign-in and
 * sign-up steps an invitation may need. Each is static markup; its module in
 * static/ calls the auth REST routes and GraphQL exactly as any browser app
 * would (docs/email-links.md is the contract for teams with their own app).
 */
import { html, type Html } from "./html";

export interface PageDefinition {
  path: string;
  title: string;
  script: string;
  body: Html;
}

/** A message region the scripts fill (role switches between status and alert). */
const message = (text?: string) => html`<p id="message" class="message" role="status" tabindex="-1"${text ? "" : html` hidden`}>${text ?? ""}</p>`;

const field = (o: { name: string; label: string; type: string; autocomplete: string; hint?: string; required?: boolean; inputmode?: string }) => html`
<div class="field">
<label for="${o.name}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ""}
<input id="${o.name}" name="${o.name}" type="${o.type}" autocomplete="${o.autocomplete}"${o.required === false ? "" : html` required`}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""} aria-describedby="${o.name}-error${o.hint ? ` ${o.name}-hint` : ""}">
<p class="field-error" id="${o.name}-error" hidden></p>
</div>`;

// The submit button stays disabled until the page's script has taken over the form, and method="post"
// besides: a form must never be submitted natively (a password in a GET URL, or a POST to a page).
const form = (id: string, submit: string, fields: Html[], extra: Html | string = "", hidden = false) =>
  html`<form id="${id}" method="post" novalidate${hidden ? html` hidden` : ""}>${fields}<button type="submit" disabled>${submit}</button>${extra}</form>`;

const NEW_PASSWORD_HINT = "At least 10 characters; avoid common words and your email address.";

export const PAGES: PageDefinition[] = [
  {
    path: "/verify-email",
    title: "Verify your email",
    script: "verify-email.js",
    body: html`${message("Checking your link…")}
<div id="resend" hidden><p>Need a new link? We can email one to the address on your account.</p><button type="button" id="resend-button">Email me a new link</button></div>
<p id="sign-in-to-resend" hidden><a href="/sign-in?next=%2Fverify-email">Sign in</a> to get a new verification link.</p>
<p id="done" hidden><a class="button" href="/sign-in">Sign in</a></p>`,
  },
  {
    path: "/reset-password",
    title: "Choose a new password",
    script: "reset-password.js",
    body: html`${message()}
${form("reset-form", "Change password", [
  field({ name: "password", label: "New password", type: "password", autocomplete: "new-password", hint: NEW_PASSWORD_HINT }),
  field({ name: "confirm", label: "New password again", type: "password", autocomplete: "new-password" }),
])}
<p id="request-new" hidden><a href="/forgot-password">Request a new reset link</a></p>
<p id="done" hidden><a class="button" href="/sign-in">Sign in</a></p>`,
  },
  {
    path: "/confirm-email",
    title: "Confirm your new email address",
    script: "confirm-email.js",
    body: html`${message()}
${form("confirm-form", "Use this address for my account", [], html`<p class="hint">Your account's email address changes when you confirm; your old address is told about it.</p>`)}
<p id="done" hidden><a class="button" href="/sign-in">Sign in</a></p>`,
  },
  {
    path: "/magic-link",
    title: "Sign in from your email",
    script: "magic-link.js",
    body: html`${message()}
${form("magic-link-form", "Sign in", [], html`<p class="hint">This link signs you in once. It stops working when it expires or when you ask for another email.</p>`)}
${form("mfa-form", "Verify", [
  field({ name: "code", label: "Code from your authenticator app", type: "text", autocomplete: "one-time-code", inputmode: "numeric", hint: "Two-factor authentication is on for this account." }),
], "", true)}
<p id="request-new" hidden><a href="/sign-in">Back to sign in</a></p>`,
  },
  {
    path: "/forgot-password",
    title: "Reset your password",
    script: "forgot-password.js",
    body: html`<p id="intro">Enter the email address of your account and we will send you a link to choose a new password.</p>
${message()}
${form("forgot-form", "Send reset link", [field({ name: "email", label: "Email", type: "email", autocomplete: "email" })])}
<p class="links"><a href="/sign-in">Back to sign in</a></p>`,
  },
  {
    path: "/sign-in",
    title: "Sign in",
    script: "sign-in.js",
    body: html`${message()}
<div id="signed-in" hidden><p id="signed-in-as"></p><p class="actions"><a id="continue" class="button" href="/" hidden>Continue</a><button type="button" id="sign-out" class="secondary">Sign out</button></p></div>
${form("sign-in-form", "Sign in", [
  field({ name: "email", label: "Email", type: "email", autocomplete: "username" }),
  field({ name: "password", label: "Password", type: "password", autocomplete: "current-password" }),
], html`<p class="links"><a href="/forgot-password">Forgot your password?</a> · <a id="sign-up-link" href="/sign-up">Create an account</a></p>`)}
${form("mfa-form", "Verify", [
  field({ name: "code", label: "Code from your authenticator app", type: "text", autocomplete: "one-time-code", inputmode: "numeric", hint: "Two-factor authentication is on for this account." }),
], html`<p class="links"><button type="button" id="mfa-switch" class="link">Use a recovery code instead</button></p>`, true)}`,
  },
  {
    path: "/sign-up",
    title: "Create your account",
    script: "sign-up.js",
    body: html`${message()}
${form("sign-up-form", "Create account", [
  field({ name: "name", label: "Your name", type: "text", autocomplete: "name" }),
  field({ name: "email", label: "Email", type: "email", autocomplete: "email" }),
  field({ name: "password", label: "Password", type: "password", autocomplete: "new-password", hint: NEW_PASSWORD_HINT }),
  field({ name: "workspaceName", label: "Workspace name (optional)", type: "text", autocomplete: "organization", required: false }),
], html`<p class="links">Already have an account? <a id="sign-in-link" href="/sign-in">Sign in</a></p>`)}
<p id="done" hidden><a class="button" href="/sign-in">Sign in</a></p>`,
  },
  {
    path: "/invitations/accept",
    title: "Join a workspace",
    script: "accept-invitation.js",
    body: html`${message("Checking your invitation…")}
<div id="signed-out" hidden><p>Sign in, or create an account, with the email address the invitation was sent to. You will come back here to accept it.</p>
<p class="actions"><a class="button" href="/sign-in?next=%2Finvitations%2Faccept">Sign in</a><a class="button secondary" href="/sign-up?next=%2Finvitations%2Faccept">Create an account</a></p></div>
<div id="confirm" hidden><p id="signed-in-as"></p><p class="actions"><button type="button" id="accept">Accept invitation</button><button type="button" id="switch-account" class="secondary">Use another account</button></p></div>`,
  },
];
