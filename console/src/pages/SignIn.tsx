/**
 * /login[?next=/path]: POST /auth/login {email, password, tokenTransport: "cookie"}. An account with
 * two-factor authentication answers { mfaRequired, mfaToken }; the second step is POST /auth/mfa/verify
 * with a TOTP code or a recovery code. Then back to `next` (a path on this origin only), or the team page.
 *
 * Above the form, one button per provider GET /auth/providers lists (Google, GitHub, OIDC_PROVIDERS),
 * none when it lists none: a link (a full page load) to the provider's `start` with
 * `redirect=/login?next=…`, so the flow lands back here, where the refresh cookie it set signs the user
 * in (the session loads through POST /auth/refresh) and on to `next`. With MFA on, the server lands
 * here with `#mfaRequired=1&mfaToken=…` instead, and the second step is the same as the password's.
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

/** One entry of GET /auth/providers. */
interface Provider {
  id: string;
  name: string;
  protocol: string;
  start: string;
}

/** The MFA challenge a provider's sign-in lands with (#mfaRequired=1&mfaToken=…). */
function mfaTokenFromHash(): string | null {
  const hash = new URLSearchParams(location.hash.slice(1));
  return hash.get("mfaRequired") === "1" ? hash.get("mfaToken") : null;
}

/** A provider's refusal (EMUNV, OAEML, DNIED…): its callback lands here with #error=<code>&message=…. */
function providerErrorFromHash(): ApiError | null {
  const hash = new URLSearchParams(location.hash.slice(1));
  const code = hash.get("error");
  return code && /^[A-Z]{5}$/.test(code) ? new ApiError(code, hash.get("message") || "Sign-in with that provider did not work; try again.") : null;
}

/** "Continue with …" for every provider the server offers; nothing while loading, when it offers none or cannot be reached. */
function ProviderButtons({ next }: { next: string | null }) {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    let live = true;
    fetch("/auth/providers", { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then((res) => (res.ok ? (res.json() as Promise<{ providers?: Provider[] }>) : null))
      .then((body) => live && setProviders(Array.isArray(body?.providers) ? body.providers : []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!providers.length) return null;
  const redirect = `${CONSOLE_ROUTES.login}?${new URLSearchParams({ next: next ?? CONSOLE_ROUTES.team })}`;
  return (
    <div className="providers" role="group" aria-label="Sign in with another account">
      {providers.map((p) => (
        <a key={p.id} className="button secondary provider" href={`${p.start}?${new URLSearchParams({ redirect })}`}>
          Continue with {p.name}
        </a>
      ))}
      <p className="or"><span>or with your email</span></p>
    </div>
  );
}

export function SignIn() {
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"));
  const [mfaToken, setMfaToken] = useState<string | null>(mfaTokenFromHash);
  const [providerError] = useState<ApiError | null>(providerErrorFromHash);
  // The challenge is a credential: out of the address bar (and history) once read; an error, once shown.
  useEffect(() => {
    if (mfaTokenFromHash() || providerErrorFromHash()) history.replaceState(history.state, "", location.pathname + location.search);
  }, []);
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
          {params.get("deleted") === "1" ? <Alert success="Your account and your personal data were deleted." /> : null}
          {providerError && !password.error ? <Alert error={providerError} /> : null}
          <ProviderButtons next={next} />
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
