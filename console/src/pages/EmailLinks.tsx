/**
 * The console's own pages for the links in our emails (docs/email-links.md is
 * the contract): /verify-email, /reset-password, /forgot-password,
 * /confirm-email, /magic-link, /invitations/accept, and /sign-in, /sign-up
 * (the "account exists" email), which lead to /login and /signup. The server
 * serves them with EMAIL_LINK_PAGES=console (otherwise its minimal pages in
 * server/src/pages answer these paths).
 *
 * Each page takes the link's token out of the address bar at once (kept in
 * this tab's sessionStorage, under the keys the minimal pages use, so a
 * sign-in on the way keeps it), acts on a click except for verification
 * (a mail scanner must not spend a reset, sign-in or invitation link), and
 * shows the server's coded errors as sentences.
 */
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { AcceptInvitationDocument } from "../../../sdk/generated/graphql";
import { ApiError, post, postWithToken, request, type Tokens } from "../api";
import { CONSOLE_ROUTES } from "../routes";
import { useSession } from "../session";
import { Alert, Field, Loading, useSubmit } from "../ui";
import { AuthCard } from "./AuthCard";
import { NEW_PASSWORD_HINT } from "./SignUp";

/** The link's token: from ?token= (then removed from the address bar), else what this tab kept. */
function useLinkToken(key: string): string | null {
  const [token] = useState<string | null>(() => {
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get("token");
    if (fromUrl) {
      sessionStorage.setItem(key, fromUrl);
      url.searchParams.delete("token");
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    }
    return fromUrl ?? sessionStorage.getItem(key);
  });
  return token;
}

const forget = (key: string) => sessionStorage.removeItem(key);
const NO_LINK = "Open the link from your email: this page needs the token it carries.";

export function VerifyEmail() {
  const token = useLinkToken("logicspike.verifyToken");
  const { state } = useSession();
  const [result, setResult] = useState<{ ok: string } | { error: ApiError } | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return;
    // On load is fine here: the worst a mail scanner can do is verify an address its owner asked to verify.
    post<{ message: string }>("/auth/verify-email", { token })
      .then((r) => setResult({ ok: r.message }))
      .catch((e) => setResult({ error: e instanceof ApiError ? e : new ApiError(null, "Something went wrong. Try again.") }))
      .finally(() => forget("logicspike.verifyToken"));
  }, [token]);
  const signedIn = state.status === "signedIn";
  return (
    <AuthCard title="Verify your email">
      {!token ? <Alert error={NO_LINK} /> : !result ? <Loading label="Checking your link…" /> : "ok" in result ? <Alert success={result.ok} /> : <Alert error={result.error} />}
      {result && "error" in result ? (
        signedIn ? (
          <>
            <Alert success={resent} />
            <button type="button" onClick={async () => setResent((await postWithToken<{ message: string }>("/auth/resend-verification")).message)}>Email me a new link</button>
          </>
        ) : <p><Link to={`${CONSOLE_ROUTES.login}?${new URLSearchParams({ next: "/verify-email" })}`}>Sign in</Link> to get a new verification link.</p>
      ) : null}
      {result && "ok" in result ? <p className="actions"><Link className="button" to={signedIn ? CONSOLE_ROUTES.team : CONSOLE_ROUTES.login}>{signedIn ? "Continue" : "Sign in"}</Link></p> : null}
    </AuthCard>
  );
}

export function ResetPassword() {
  const token = useLinkToken("logicspike.resetToken");
  const [done, setDone] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, ApiError>>({});
  const [dead, setDead] = useState(false);
  const submit = useSubmit(async ({ password, confirm }) => {
    const errors: Record<string, ApiError> = {};
    if (password.length < 10) errors.password = new ApiError(null, "Use at least 10 characters.");
    else if (password !== confirm) errors.confirm = new ApiError(null, "The two passwords differ.");
    setFields(errors);
    if (Object.keys(errors).length) return;
    try {
      setDone((await post<{ message: string }>("/auth/reset-password", { token, password })).message);
      forget("logicspike.resetToken");
    } catch (e) {
      if (e instanceof ApiError && e.code === "WEAKP") return setFields({ password: e }); // the link still works
      if (e instanceof ApiError && e.code === "LNKEX") {
        forget("logicspike.resetToken");
        setDead(true);
      }
      throw e;
    }
  });
  if (!token) return <AuthCard title="Choose a new password"><Alert error={NO_LINK} /><p><Link to="/forgot-password">Request a reset link</Link></p></AuthCard>;
  if (done) return <AuthCard title="Choose a new password"><Alert success={done} /><p className="actions"><Link className="button" to={CONSOLE_ROUTES.login}>Sign in</Link></p></AuthCard>;
  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy}>
        <Alert error={submit.error} />
        {dead ? <p><Link to="/forgot-password">Request a new reset link</Link></p> : (
          <>
            <Field label="New password" name="password" type="password" autoComplete="new-password" required autoFocus hint={NEW_PASSWORD_HINT} error={fields.password} />
            <Field label="New password again" name="confirm" type="password" autoComplete="new-password" required error={fields.confirm} />
            <button type="submit" disabled={submit.busy}>{submit.busy ? "Changing…" : "Change password"}</button>
          </>
        )}
      </form>
    </AuthCard>
  );
}

export function ForgotPassword() {
  const [sent, setSent] = useState<string | null>(null);
  const [field, setField] = useState<ApiError | null>(null);
  const submit = useSubmit(async ({ email }) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setField(new ApiError(null, "Enter a valid email address."));
    setField(null);
    setSent((await post<{ message: string }>("/auth/forgot-password", { email: email.trim() })).message);
  });
  return (
    <AuthCard title="Reset your password">
      {sent ? <Alert success={sent} /> : (
        <form onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy}>
          <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
          <Alert error={submit.error} />
          <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus error={field} />
          <button type="submit" disabled={submit.busy}>{submit.busy ? "Sending…" : "Send reset link"}</button>
        </form>
      )}
      <p className="links"><Link to={CONSOLE_ROUTES.login}>Back to sign in</Link></p>
    </AuthCard>
  );
}

export function ConfirmEmail() {
  const token = useLinkToken("logicspike.emailChangeToken");
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async () => {
    try {
      setDone((await post<{ message: string }>("/auth/email/confirm", { token })).message);
    } finally {
      forget("logicspike.emailChangeToken");
    }
  });
  return (
    <AuthCard title="Confirm your new email address">
      {!token ? <Alert error={NO_LINK} /> : done ? (
        <><Alert success={done} /><p className="actions"><Link className="button" to={CONSOLE_ROUTES.login}>Sign in</Link></p></>
      ) : (
        <form onSubmit={submit.onSubmit} aria-busy={submit.busy}>
          <Alert error={submit.error} />
          {submit.error ? null : <><p className="hint">Your account's email address changes when you confirm; your old address is told about it.</p>
            <button type="submit" disabled={submit.busy}>Use this address for my account</button></>}
        </form>
      )}
    </AuthCard>
  );
}

type MagicAnswer = (Tokens & { redirect?: string | null; mfaRequired?: false }) | { mfaRequired: true; mfaToken: string; redirect?: string | null };
const safePath = (p: string | null | undefined) => (p && /^\/(?![/\\])/.test(p) ? p : CONSOLE_ROUTES.team);

export function MagicLink() {
  const token = useLinkToken("logicspike.magicLinkToken");
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const submit = useSubmit(async () => {
    try {
      const answer = await post<MagicAnswer>("/auth/magic-link/verify", { token, tokenTransport: "cookie" });
      const next = safePath(answer.redirect);
      // Two-factor on: the sign-in page's code step, as after a provider's sign-in.
      if (answer.mfaRequired) return navigate(`${CONSOLE_ROUTES.login}?${new URLSearchParams({ next })}#${new URLSearchParams({ mfaRequired: "1", mfaToken: answer.mfaToken })}`);
      await signedIn(answer);
      navigate(next);
    } finally {
      forget("logicspike.magicLinkToken");
    }
  });
  return (
    <AuthCard title="Sign in from your email">
      {!token ? <Alert error={NO_LINK} /> : (
        <form onSubmit={submit.onSubmit} aria-busy={submit.busy}>
          <Alert error={submit.error} />
          {submit.error ? <p><Link to={CONSOLE_ROUTES.login}>Back to sign in</Link></p> : (
            <><p className="hint">This link signs you in once. It stops working when it expires or when you ask for another email.</p>
              <button type="submit" disabled={submit.busy}>{submit.busy ? "Signing in…" : "Sign in"}</button></>
          )}
        </form>
      )}
    </AuthCard>
  );
}

const INVITE_KEY = "logicspike.invitationToken";
const HERE = "/invitations/accept";

export function AcceptInvitation() {
  const token = useLinkToken(INVITE_KEY);
  const { state, switchWorkspace, signOut } = useSession();
  const navigate = useNavigate();
  const [final, setFinal] = useState(false);
  const submit = useSubmit(async () => {
    try {
      const accepted = (await request(AcceptInvitationDocument, { token: token! })).acceptInvitation?.result;
      forget(INVITE_KEY);
      if (accepted?.tenantId) await switchWorkspace(accepted.tenantId);
      navigate(CONSOLE_ROUTES.team);
    } catch (e) {
      if (e instanceof ApiError && ["NTFND", "INVUS", "INVEX", "ISMEM"].includes(e.code ?? "")) {
        forget(INVITE_KEY); // this link can never work
        setFinal(true);
      }
      throw e;
    }
  });
  const next = new URLSearchParams({ next: HERE });
  return (
    <AuthCard title="Join a workspace">
      {!token ? <Alert error="Open the link from your invitation email to join the workspace." />
        : state.status === "loading" ? <Loading label="Checking your invitation…" />
        : state.status === "signedOut" ? (
          <>
            <p>Sign in, or create an account, with the email address the invitation was sent to. You will come back here to accept it.</p>
            <p className="actions"><Link className="button" to={`${CONSOLE_ROUTES.login}?${next}`}>Sign in</Link> <Link className="button secondary" to={`${CONSOLE_ROUTES.signup}?${next}`}>Create an account</Link></p>
          </>
        ) : (
          <form onSubmit={submit.onSubmit} aria-busy={submit.busy}>
            <Alert error={submit.error} />
            <p>You are signed in as {state.user.email}. Accept the invitation with this account?</p>
            <p className="actions">
              {final ? null : <button type="submit" disabled={submit.busy}>{submit.busy ? "Joining…" : "Accept invitation"}</button>}{" "}
              <button type="button" className="secondary" onClick={async () => { await signOut(); navigate(`${CONSOLE_ROUTES.login}?${next}`); }}>Use another account</button>
            </p>
          </form>
        )}
    </AuthCard>
  );
}

/** /sign-in and /sign-up (the "account exists" email, older links): the console's own forms, keeping `next`. */
export function Redirect({ to }: { to: string }) {
  const { search } = useLocation();
  return <Navigate to={to + search} replace />;
}
