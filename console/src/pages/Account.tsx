/**
 * /account: the signed-in user's own security, through the auth routes (the
 * account is not workspace data, so no GraphQL here): change password
 * (POST /auth/password: the other sessions end), the live sessions (GET
 * /auth/sessions) with "sign out" per session and "sign out everywhere
 * else", and two-factor enrolment (POST /auth/mfa/totp/enroll → a QR code of
 * the otpauth URI, drawn in the browser as a data: image, which the CSP's
 * img-src allows → POST /auth/mfa/totp/confirm → recovery codes shown once).
 * The QR encoder is loaded only when enrolment starts, keeping it out of
 * the first route's bundle.
 *
 * "Download my data" (POST /auth/account/export) and "Delete account" (POST
 * /auth/account/delete) ask for recent authentication: the password and,
 * when two-factor authentication is on, a code (or a recovery code). The
 * code field is shown when this session passed a second factor (aal2) or
 * once the server answers MFARQ. Deletion asks for the email to be typed;
 * SOLOW (the only owner of a shared workspace) is shown beside the form with
 * the workspaces to hand over first; success clears the session and lands
 * on the sign-in page.
 *
 * Profile: the name (UpdateProfile; the header follows) and the email
 * address (POST /auth/email with the password: a link goes to the NEW
 * address, and the account's address changes only when it is opened, on
 * /confirm-email; the answer is the same whether or not the address is
 * free). Two-factor status comes from AccountSecurity (mfaEnabled, answered
 * for your own user only); turning it off (POST /auth/mfa/totp/disable)
 * needs a session that passed the second factor and a current code: MFARQ
 * (signed in without it) and MFACD are shown at the code field.
 */
import { useState } from "react";
import { Link } from "react-router";
import { AccountSecurityDocument, UpdateProfileDocument } from "../../../sdk/generated/graphql";
import { ApiError, getWithToken, postWithToken, request, session } from "../api";
import { CONSOLE_ROUTES } from "../routes";
import { useSignedIn } from "../session";
import { Alert, ConfirmDialog, Empty, Field, Loading, useErrorHandler, useQuery, useSubmit } from "../ui";

interface Session {
  id: string;
  current: boolean;
  device: { description: string; browser?: string | null; os?: string | null; type?: string | null };
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

export function Account() {
  const { user } = useSignedIn();
  return (
    <section aria-labelledby="account-title" className="narrow-wide">
      <div className="page-header">
        <h1 id="account-title">Profile and security</h1>
        <p className="hint">Signed in as {user.email}.</p>
      </div>
      <Profile />
      <ChangePassword />
      <TwoFactor />
      <Sessions />
      <DownloadData />
      <DeleteAccount />
    </section>
  );
}

function Profile() {
  const { user, reload } = useSignedIn();
  const [nameError, setNameError] = useState<ApiError | null>(null);
  const [nameSaved, setNameSaved] = useState<string | null>(null);
  const [emailErrors, setEmailErrors] = useState<{ newEmail?: ApiError; password?: ApiError }>({});
  const [emailSent, setEmailSent] = useState<string | null>(null);
  const rename = useSubmit(async ({ name }) => {
    setNameSaved(null);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) return setNameError(new ApiError(null, "Use 1 to 200 characters."));
    setNameError(null);
    await request(UpdateProfileDocument, { id: user.rowId, patch: { name: trimmed } });
    await reload();
    setNameSaved("Your name was saved.");
  });
  const changeEmail = useSubmit(async ({ newEmail, password }, form) => {
    setEmailSent(null);
    const address = newEmail.trim();
    const local: typeof emailErrors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) local.newEmail = new ApiError(null, "Enter a valid email address.");
    else if (address.toLowerCase() === user.email.toLowerCase()) local.newEmail = new ApiError(null, "That is already your email address.");
    if (!password) local.password = new ApiError(null, "Enter your password.");
    setEmailErrors(local);
    if (local.newEmail || local.password) return;
    try {
      const r = await postWithToken<{ message: string }>("/auth/email", { newEmail: address, password });
      setEmailSent(`${r.message} (sent to ${address})`);
      form.reset();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CREDS") return setEmailErrors({ password: e });
      if (e instanceof ApiError && e.code === "INVLD") return setEmailErrors({ newEmail: e });
      throw e;
    }
  });
  return (
    <div className="panel">
      <h2>Profile</h2>
      <form onSubmit={rename.onSubmit} noValidate aria-busy={rename.busy} aria-label="Your name">
        <Alert error={rename.error} success={nameSaved} />
        <Field label="Your name" name="name" defaultValue={user.name} autoComplete="name" required error={nameError} />
        <button type="submit" disabled={rename.busy}>{rename.busy ? "Saving…" : "Save name"}</button>
      </form>
      <form onSubmit={changeEmail.onSubmit} noValidate aria-busy={changeEmail.busy} aria-labelledby="email-title">
        <h3 id="email-title">Email address</h3>
        <p className="hint">Now {user.email}. We send a link to the new address; your email changes when you open it.</p>
        <Alert error={changeEmail.error} success={emailSent} />
        <Field label="New email address" name="newEmail" type="email" autoComplete="email" required error={emailErrors.newEmail} />
        <Field label="Password to confirm" name="password" type="password" autoComplete="current-password" required error={emailErrors.password} />
        <button type="submit" disabled={changeEmail.busy}>{changeEmail.busy ? "Sending…" : "Change email"}</button>
      </form>
    </div>
  );
}

/** Status (on/off) and turning it off: a session that passed the second factor, and a current code. */
function TwoFactorOff({ onOff }: { onOff: () => Promise<void> }) {
  const [codeError, setCodeError] = useState<ApiError | null>(null);
  const submit = useSubmit(async ({ code }) => {
    const digits = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(digits)) return setCodeError(new ApiError(null, "Enter the 6 digits your app shows."));
    setCodeError(null);
    try {
      await postWithToken("/auth/mfa/totp/disable", { code: digits });
    } catch (e) {
      if (e instanceof ApiError && (e.code === "MFACD" || e.code === "MFARQ" || e.code === "LOCKD")) return setCodeError(e);
      throw e;
    }
    await onOff();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="mfa-off-title">
      <p><span className="badge ok">On</span> Sign-ins ask for a code from your authenticator app.</p>
      <h3 id="mfa-off-title">Turn off two-factor authentication</h3>
      <p className="hint">Your recovery codes stop working too. If this session signed in without a code, sign in again with one first.</p>
      <Alert error={submit.error} />
      <Field label="Current code from your authenticator app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={codeError} />
      <button type="submit" className="danger" disabled={submit.busy}>{submit.busy ? "Turning off…" : "Turn off two-factor authentication"}</button>
    </form>
  );
}

function ChangePassword() {
  const [errors, setErrors] = useState<{ currentPassword?: ApiError; newPassword?: ApiError }>({});
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async (v, form) => {
    setDone(null);
    if (v.newPassword.length < 10) return setErrors({ newPassword: new ApiError(null, "Use at least 10 characters.") });
    setErrors({});
    try {
      const r = await postWithToken<{ message: string }>("/auth/password", { currentPassword: v.currentPassword, newPassword: v.newPassword });
      setDone(r.message);
      form.reset();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CREDS") return setErrors({ currentPassword: e });
      if (e instanceof ApiError && (e.code === "WEAKP" || e.code === "INVLD")) return setErrors({ newPassword: e });
      throw e;
    }
  });
  return (
    <form className="panel" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <Alert error={submit.error} success={done} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters. Your other sessions are signed out." error={errors.newPassword} />
      <button type="submit" disabled={submit.busy}>{submit.busy ? "Saving…" : "Change password"}</button>
    </form>
  );
}

function TwoFactor() {
  const status = useQuery(() => request(AccountSecurityDocument), []);
  const [enrolment, setEnrolment] = useState<{ secret: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [codeError, setCodeError] = useState<ApiError | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const start = async () => {
    setStartError(null);
    try {
      const r = await postWithToken<{ secret: string; otpauthUri: string }>("/auth/mfa/totp/enroll");
      const { toDataURL } = await import("qrcode");
      setEnrolment({ secret: r.secret, qr: await toDataURL(r.otpauthUri, { margin: 1, width: 200 }) });
    } catch (e) {
      setStartError(handle(e));
    }
  };
  const confirm = useSubmit(async (v) => {
    setCodeError(null);
    const code = v.code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) return setCodeError(new ApiError(null, "Enter the 6 digits your app shows."));
    try {
      const r = await postWithToken<{ recoveryCodes: string[] }>("/auth/mfa/totp/confirm", { code });
      setCodes(r.recoveryCodes);
      setEnrolment(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === "MFACD") return setCodeError(e);
      throw e;
    }
  });
  const on = status.data?.currentUser?.mfaEnabled === true;
  return (
    <div className="panel">
      <h2>Two-factor authentication</h2>
      {status.loading && !status.data ? <Loading label="Loading two-factor status…" /> : null}
      <Alert error={status.error} />
      {on && !codes ? (
        <TwoFactorOff onOff={status.reload} />
      ) : codes ? (
        <div>
          <Alert success="Two-factor authentication is on." />
          <p><strong>Save these recovery codes now: you won't see them again.</strong> Each signs you in once if you lose your authenticator.</p>
          <ul className="recovery-codes mono" aria-label="Recovery codes">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : enrolment ? (
        <form onSubmit={confirm.onSubmit} noValidate aria-busy={confirm.busy}>
          <p>Scan this code with your authenticator app, or enter the key by hand, then type the code it shows.</p>
          <img src={enrolment.qr} alt="QR code for your authenticator app" width={200} height={200} />
          <p className="hint">Key: <span className="mono" data-testid="totp-secret">{enrolment.secret}</span></p>
          <Alert error={confirm.error} />
          <Field label="Code from your authenticator app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={codeError} />
          <button type="submit" disabled={confirm.busy}>{confirm.busy ? "Checking…" : "Turn on two-factor authentication"}</button>
        </form>
      ) : (
        <>
          <p>{status.data ? <span className="badge">Off</span> : null} Ask for a code from an authenticator app at every sign-in.</p>
          <Alert error={startError} />
          <button type="button" onClick={() => void start()}>Set up an authenticator app</button>
        </>
      )}
    </div>
  );
}

function Sessions() {
  const sessions = useQuery(() => getWithToken<{ sessions: Session[] }>("/auth/sessions"), []);
  const [ending, setEnding] = useState<Session | null>(null);
  const [others, setOthers] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { signOut } = useSignedIn();
  const list = sessions.data?.sessions ?? [];
  return (
    <div className="panel">
      <h2>Sessions</h2>
      {sessions.loading && !sessions.data ? <Loading label="Loading sessions…" /> : null}
      <Alert error={sessions.error} success={notice} />
      {sessions.data && !list.length ? <Empty>No live sessions.</Empty> : null}
      {list.length ? (
        <table className="table">
          <thead><tr><th scope="col">Device</th><th scope="col">IP</th><th scope="col">Signed in</th><th scope="col">Last active</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td data-label="Device">{s.device.description}{s.current ? <span className="badge">this session</span> : null}</td>
                <td data-label="IP">{s.ip ?? "—"}</td>
                <td data-label="Signed in">{when(s.createdAt)}</td>
                <td data-label="Last active">{when(s.lastUsedAt)}</td>
                <td className="actions-cell">
                  <button type="button" className="danger small" onClick={() => setEnding(s)} aria-label={`Sign out the session from ${s.device.description} started ${when(s.createdAt)}`}>Sign out</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.length > 1 ? <button type="button" className="secondary" onClick={() => setOthers(true)}>Sign out everywhere else</button> : null}
      {ending ? (
        <ConfirmDialog
          title={ending.current ? "Sign out of this session?" : `Sign out ${ending.device.description}?`}
          confirmLabel="Sign out session"
          onClose={() => setEnding(null)}
          onConfirm={async () => {
            const r = await postWithToken<{ current: boolean }>("/auth/sessions/revoke", { sessionId: ending.id });
            if (r.current) return void (await signOut());
            setNotice("That session was signed out.");
            await sessions.reload();
          }}
        >
          <p>{ending.current ? "You will need to sign in again here." : "That device will need to sign in again."}</p>
        </ConfirmDialog>
      ) : null}
      {others ? (
        <ConfirmDialog
          title="Sign out everywhere else?"
          confirmLabel="Sign out other sessions"
          onClose={() => setOthers(false)}
          onConfirm={async () => {
            const r = await postWithToken<{ sessionsEnded: number }>("/auth/sessions/revoke-others");
            setNotice(`${r.sessionsEnded} other session${r.sessionsEnded === 1 ? " was" : "s were"} signed out.`);
            await sessions.reload();
          }}
        >
          <p>Every other device signed in to your account must sign in again. This one stays signed in.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** The password and second factor the account-wide routes ask for, with each refusal at its field. */
type RecentAuthErrors = { password?: ApiError; code?: ApiError };

/** The body's recent authentication: a 6-digit value is a TOTP code, anything else a recovery code. */
function recentAuth(v: Record<string, string>): { password: string; code?: string; recoveryCode?: string } {
  const second = (v.secondFactor ?? "").trim();
  if (!second) return { password: v.password };
  return /^\d{3} ?\d{3}$/.test(second) ? { password: v.password, code: second.replace(" ", "") } : { password: v.password, recoveryCode: second };
}

/** Puts CREDS at the password and MFARQ/MFACD at the code (revealing it); anything else is the form's. */
function recentAuthError(e: unknown, set: (errors: RecentAuthErrors) => void, showCode: () => void): boolean {
  if (!(e instanceof ApiError)) return false;
  if (e.code === "CREDS") return set({ password: e }), true;
  if (e.code === "MFARQ" || e.code === "MFACD") return showCode(), set({ code: e }), true;
  if (e.code === "INVLD" && /code/i.test(e.message)) return showCode(), set({ code: e }), true;
  return false;
}

function RecentAuthFields({ errors, showCode }: { errors: RecentAuthErrors; showCode: boolean }) {
  return (
    <>
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      {showCode ? (
        <Field label="Two-factor code" name="secondFactor" autoComplete="one-time-code" required hint="The 6-digit code from your authenticator app, or a recovery code." error={errors.code} />
      ) : null}
    </>
  );
}

function useRecentAuth() {
  const { claims } = useSignedIn();
  const [errors, setErrors] = useState<RecentAuthErrors>({});
  const [showCode, setShowCode] = useState(claims.aal === "aal2");
  const check = (v: Record<string, string>): boolean => {
    const local: RecentAuthErrors = {};
    if (!v.password) local.password = new ApiError(null, "Enter your password.");
    if (showCode && !(v.secondFactor ?? "").trim()) local.code = new ApiError(null, "Enter the code from your authenticator app, or a recovery code.");
    setErrors(local);
    return !local.password && !local.code;
  };
  return { errors, setErrors, showCode, check, refused: (e: unknown) => recentAuthError(e, setErrors, () => setShowCode(true)) };
}

interface ExportAnswer {
  status: "export_pending";
  exportId: string;
  requestedAt: string;
  alreadyPending: boolean;
  message: string;
}

function DownloadData() {
  const { user } = useSignedIn();
  const auth = useRecentAuth();
  const [pending, setPending] = useState<ExportAnswer | null>(null);
  const submit = useSubmit(async (v, form) => {
    if (!auth.check(v)) return;
    try {
      setPending(await postWithToken<ExportAnswer>("/auth/account/export", recentAuth(v)));
      form.reset();
    } catch (e) {
      if (!auth.refused(e)) throw e;
    }
  });
  return (
    <form className="panel" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="export-title">
      <h2 id="export-title">Download my data</h2>
      <p className="hint">
        We put everything we keep about you (profile, sign-ins, workspaces, what you created and did) in one JSON file and email a
        download link to {user.email}. The link works for 24 hours. Secrets such as password hashes are never in it.
      </p>
      {pending ? (
        <div className="message success" role="status">
          <strong>{pending.alreadyPending ? "Already being prepared." : "Export requested."}</strong> {pending.message} Check {user.email} (requested {when(pending.requestedAt)}).
        </div>
      ) : null}
      <Alert error={submit.error} />
      <RecentAuthFields errors={auth.errors} showCode={auth.showCode} />
      <button type="submit" disabled={submit.busy}>{submit.busy ? "Requesting…" : "Email me my data"}</button>
    </form>
  );
}

function DeleteAccount() {
  const { user } = useSignedIn();
  const auth = useRecentAuth();
  const [typed, setTyped] = useState("");
  const [soleOwner, setSoleOwner] = useState<{ message: string; workspaces: string[] } | null>(null);
  const ready = typed.trim().toLowerCase() === user.email.toLowerCase();
  const submit = useSubmit(async (v) => {
    setSoleOwner(null);
    if (!ready || !auth.check(v)) return;
    try {
      await postWithToken("/auth/account/delete", recentAuth(v));
    } catch (e) {
      if (e instanceof ApiError && e.code === "SOLOW") {
        const workspaces = Array.isArray(e.details?.workspaces) ? (e.details.workspaces as unknown[]).map(String) : [];
        return setSoleOwner({ message: e.message, workspaces });
      }
      if (!auth.refused(e)) throw e;
      return;
    }
    // The account, its sessions and the refresh cookie's family are gone: forget the token, start afresh at sign-in.
    session.clear();
    location.replace(`${CONSOLE_ROUTES.login}?deleted=1`);
  });
  return (
    <form className="panel danger-zone" onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy} aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p className="hint">
        Your account and your personal data are deleted everywhere, at once; this cannot be undone. Workspaces where you are the only member are deleted
        with everything in them; workspaces you share keep their other members.
      </p>
      {soleOwner ? (
        <div className="message error" role="alert">
          <p>
            You are the only owner of {soleOwner.workspaces.length === 1 ? "a workspace" : "workspaces"} other people use. Make another member an owner (or remove
            the other members) first, then delete your account.
          </p>
          {soleOwner.workspaces.length ? (
            <ul aria-label="Workspaces to hand over first">
              {soleOwner.workspaces.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <p><Link to={CONSOLE_ROUTES.team}>Go to your team</Link></p>
          <span className="code">code: SOLOW</span>
        </div>
      ) : null}
      <Alert error={submit.error} />
      <Field label={`Type ${user.email} to confirm`} name="confirmEmail" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      <RecentAuthFields errors={auth.errors} showCode={auth.showCode} />
      <button type="submit" className="danger" disabled={!ready || submit.busy}>{submit.busy ? "Deleting…" : "Delete my account"}</button>
    </form>
  );
}
