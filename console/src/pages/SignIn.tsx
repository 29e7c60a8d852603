/**
 * /login[?next=/path]: POST /auth/login {email, password, tokenTransport: "cookie"}. An account with
 * two-factor authentication answers { mfaRequired, mfaToken }; the second step is POST /auth/mfa/verify
 * with a TOTP code or a recovery code. Then back to `next` (a path on this origin only), or the team page.
 */
import { useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError, post, type Tokens } from "../api";
import { CONSOLE_ROUTES } from "../routes";
import { useSession } from "../session";
import { Alert, Field, useSubmit } from "../ui";
import { AuthCard } from "./AuthCard";

/** `?next=` when it is a path on this origin (never another site: no open redirect). */
export function safeNext(raw: string | null): string | null {
  if (!raw || !/^\/(?![/\\])/.test(raw)) return null;
  const url = new URL(raw, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
}

const isConsolePath = (path: string) => Object.values(CONSOLE_ROUTES).includes(new URL(path, location.origin).pathname as never);

type LoginAnswer = (Tokens & { mfaRequired?: false }) | { mfaRequired: true; mfaToken: string };

export function SignIn() {
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"));
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);

  const done = async (tokens: Tokens) => {
    await signedIn(tokens);
    // Pages outside the console (an invitation link, say) need a full navigation.
    if (next && !isConsolePath(next)) location.assign(next);
    else navigate(next ?? CONSOLE_ROUTES.team, { replace: true });
  };

  const password = useSubmit(async ({ email, password: pw }) => {
    if (!email.trim()) throw new ApiError(null, "Enter your email address.");
    const answer = await post<LoginAnswer>("/auth/login", { email: email.trim(), password: pw, tokenTransport: "cookie" });
    if (answer.mfaRequired) setMfaToken(answer.mfaToken);
    else await done(answer);
  });

  const mfa = useSubmit(async ({ code }) => {
    try {
      await done(await post<Tokens>("/auth/mfa/verify", { mfaToken, [recovery ? "recoveryCode" : "code"]: code.trim(), tokenTransport: "cookie" }));
    } catch (e) {
      // The challenge expired or was used: start again with the password.
      if ((e as { code?: string }).code === "BADTK") setMfaToken(null);
      throw e;
    }
  });

  const alreadyIn = state.status === "signedIn" && !password.busy && !mfa.busy;
  const external = !!next && !isConsolePath(next);
  useEffect(() => {
    if (alreadyIn && external) location.replace(next!);
  }, [alreadyIn, external, next]);
  if (alreadyIn) return external ? null : <Navigate to={next ?? CONSOLE_ROUTES.team} replace />;

  const signupHref = next ? `${CONSOLE_ROUTES.signup}?${new URLSearchParams({ next })}` : CONSOLE_ROUTES.signup;
  const mfaFieldError = mfa.error && ["MFACD", "INVLD"].includes(mfa.error.code ?? "") ? mfa.error : null;
  const pwFieldError = password.error?.code === "CREDS" ? password.error : null;

  return (
    <AuthCard title={mfaToken ? "Two-factor authentication" : "Sign in"}>
      {mfaToken ? (
        <form key="mfa" onSubmit={mfa.onSubmit} noValidate aria-busy={mfa.busy}>
          <Alert error={mfaFieldError ? null : mfa.error} />
          <Field
            key={recovery ? "recovery" : "totp"}
            label={recovery ? "Recovery code" : "Code from your authenticator app"}
            name="code"
            required
            autoFocus
            autoComplete={recovery ? "off" : "one-time-code"}
            inputMode={recovery ? "text" : "numeric"}
            hint="Two-factor authentication is on for this account."
            error={mfaFieldError}
          />
          <button type="submit" disabled={mfa.busy}>{mfa.busy ? "Verifying…" : "Verify"}</button>
          <p className="links">
            <button type="button" className="link" onClick={() => { setRecovery(!recovery); mfa.setError(null); }}>
              {recovery ? "Use your authenticator app instead" : "Use a recovery code instead"}
            </button>
          </p>
        </form>
      ) : (
        <form key="password" onSubmit={password.onSubmit} noValidate aria-busy={password.busy}>
          <Alert error={pwFieldError ? null : password.error} />
          <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required error={pwFieldError} />
          <button type="submit" disabled={password.busy}>{password.busy ? "Signing in…" : "Sign in"}</button>
          <p className="links">
            <a href="/forgot-password">Forgot your password?</a> · <Link to={signupHref}>Create an account</Link>
          </p>
        </form>
      )}
    </AuthCard>
  );
}
