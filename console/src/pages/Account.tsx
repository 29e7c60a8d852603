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
 */
import { useState } from "react";
import { ApiError, getWithToken, postWithToken } from "../api";
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
      <ChangePassword />
      <TwoFactor />
      <Sessions />
    </section>
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
  return (
    <div className="panel">
      <h2>Two-factor authentication</h2>
      {codes ? (
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
          <p className="hint">Ask for a code from an authenticator app at every sign-in.</p>
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
