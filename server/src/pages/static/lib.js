// Shared by the LogicSpike pages: same-origin calls to the auth REST routes and GraphQL, the session, and
// messages. The access token lives in this tab's sessionStorage; the refresh token is the httpOnly cookie
// the server sets (tokenTransport "cookie"), which scripts never see.

const SESSION_KEY = "logicspike.session";
const OFFLINE = { code: null, message: "We could not reach the server. Check your connection and try again." };

export const $ = (selector) => document.querySelector(selector);

/** POST a JSON body; resolves to { ok, status, data } or { ok: false, status, error: { code, message } }. */
export async function api(path, body = {}, token) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
  } catch {
    return { ok: false, status: 0, error: OFFLINE };
  }
  const data = res.status === 204 ? {} : await res.json().catch(() => null);
  if (res.ok && data) return { ok: true, status: res.status, data };
  return { ok: false, status: res.status, error: data?.error ?? { code: null, message: `The server answered ${res.status}. Try again.` } };
}

/**
 * A persisted operation: its hash as documentId (production accepts only those) and its text as query
 * (what development runs), like the SDK's client does.
 */
export async function graphql(document, variables, token) {
  let res;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: document.hash, query: document.text, variables }),
    });
  } catch {
    return { ok: false, error: OFFLINE };
  }
  const body = await res.json().catch(() => null);
  const first = body?.errors?.[0] ?? body?.error;
  if (first) return { ok: false, error: { code: first.extensions?.code ?? first.code ?? null, message: first.message } };
  if (!res.ok || !body?.data) return { ok: false, error: { code: null, message: `The server answered ${res.status}. Try again.` } };
  return { ok: true, data: body.data };
}

function readSaved() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
  } catch {
    return null;
  }
}

export const session = {
  save({ accessToken, expiresIn }) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken, expiresAt: Date.now() + expiresIn * 1000 }));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
  /** A usable access token, refreshed through the cookie when missing or about to expire; null when signed out. */
  async token({ fresh = false } = {}) {
    const saved = fresh ? null : readSaved();
    if (saved && saved.expiresAt - 30_000 > Date.now()) return saved.accessToken;
    const refreshed = await api("/auth/refresh", {});
    if (!refreshed.ok) {
      session.clear();
      return null;
    }
    session.save(refreshed.data);
    return refreshed.data.accessToken;
  },
  async signOut() {
    await api("/auth/logout", {});
    session.clear();
  },
};

/** Runs call(token); an expired access token (TKEXP) is refreshed once and the call retried. */
export async function withToken(call) {
  const token = await session.token();
  if (!token) return { ok: false, error: { code: "LOGIN", message: "Your session has ended. Sign in again." } };
  const result = await call(token);
  if (result.ok || result.error.code !== "TKEXP") return result;
  const fresh = await session.token({ fresh: true });
  return fresh ? call(fresh) : result;
}

/**
 * The `token` query parameter, removed from the address bar (and so from history) at once. With a
 * storage key it is also kept in this tab's sessionStorage, so a reload or a detour through sign-in finds it.
 */
export function takeToken(storageKey) {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl !== null) {
    url.searchParams.delete("token");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
  if (!storageKey) return fromUrl || null;
  if (fromUrl) sessionStorage.setItem(storageKey, fromUrl);
  return sessionStorage.getItem(storageKey);
}

/** `?next=` when it is a path on this origin (never another site: no open redirect). */
export function nextPath() {
  const raw = new URLSearchParams(location.search).get("next");
  if (!raw || !/^\/(?![/\\])/.test(raw)) return null;
  const url = new URL(raw, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
}

/** Adds the current `next` to a link, so sign-in and sign-up hand the visitor back to where they came from. */
export function keepNext(anchor) {
  const next = nextPath();
  if (anchor && next) anchor.href = `${anchor.pathname}?${new URLSearchParams({ next })}`;
}

/** kind: "info" | "success" | "error". Errors keep the server's code visible, for support. */
export function showMessage(kind, text, code) {
  const el = $("#message");
  el.className = `message ${kind === "info" ? "" : kind}`.trim();
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  el.textContent = text;
  if (code) {
    const small = document.createElement("span");
    small.className = "code";
    small.textContent = `code: ${code}`;
    el.append(small);
  }
  el.hidden = false;
  if (kind !== "info") el.focus();
}

export const showError = (error) => showMessage("error", error.message, error.code);

/** An error next to the field it concerns. */
export function fieldError(form, name, text, code) {
  const input = form.elements.namedItem(name);
  const el = form.querySelector(`#${name}-error`);
  input.setAttribute("aria-invalid", "true");
  el.textContent = code ? `${text} (code: ${code})` : text;
  el.hidden = false;
  input.focus();
}

function clearErrors(form) {
  for (const el of form.querySelectorAll(".field-error")) el.hidden = true;
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  $("#message").hidden = true;
}

/** Submit handler with the form busy (button disabled) while it runs; handler gets the form's values. */
export function onSubmit(form, handler) {
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    form.setAttribute("aria-busy", "true");
    button.disabled = true;
    clearErrors(form);
    try {
      await handler(Object.fromEntries(new FormData(form)));
    } finally {
      form.removeAttribute("aria-busy");
      button.disabled = false;
    }
  });
  button.disabled = false; // the markup ships it disabled until this handler is attached
}

/** Persisted operations (sdk/operations), exactly as in sdk/generated/persisted-documents.json. */
export const CURRENT_USER = {
  hash: "08470806197e893962f3cb13979b2b7dac0b49e79ce4b3b09b68c3b5116f31cb",
  text: "query CurrentUser { currentTenant { name rowId slug } currentUser { avatarUrl email isVerified name rowId } }",
};
export const ACCEPT_INVITATION = {
  hash: "9a5cb7bef651ac8333e97871534571693e1badb7f75993a94ac147545ede575f",
  text: "mutation AcceptInvitation($token: String!) { acceptInvitation(input: {token: $token}) { result { role rowId tenantId } } }",
};

/** { email, name, workspace } of the signed-in user, or null. */
export async function whoAmI() {
  const result = await withToken((token) => graphql(CURRENT_USER, {}, token));
  if (!result.ok || !result.data.currentUser) return null;
  return { ...result.data.currentUser, workspace: result.data.currentTenant?.name ?? null };
}
