/**
 * /signup: POST /auth/register. The answer is the same whether or not the email is taken (202
 * pending_verification), so the page always says "check your email"; the verification link opens
 * /verify-email (the email-link page), which leads back to sign-in.
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, post } from "../api";
import { CONSOLE_ROUTES } from "../routes";
import { Alert, Field, fieldNamed, useSubmit } from "../ui";
import { AuthCard } from "./AuthCard";
import { safeNext } from "./SignIn";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NEW_PASSWORD_HINT = "At least 10 characters; avoid common words and your email address.";

export function SignUp() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, ApiError>>({});

  const submit = useSubmit(async ({ name, email, password, workspaceName }) => {
    // Checked as the server checks them, so most mistakes never leave the page.
    const errors: Record<string, ApiError> = {};
    if (!name.trim()) errors.name = new ApiError(null, "Enter your name.");
    if (!EMAIL.test(email.trim())) errors.email = new ApiError(null, "Enter a valid email address.");
    if (password.length < 10) errors.password = new ApiError(null, "Use at least 10 characters.");
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      await post("/auth/register", { name: name.trim(), email: email.trim(), password, workspaceName: workspaceName.trim() || undefined });
      setSentTo(email.trim());
    } catch (e) {
      if (e instanceof ApiError && e.code === "WEAKP") return setFieldErrors({ password: e });
      const field = fieldNamed(e instanceof ApiError ? e : null, ["name", "email", "password", "workspaceName"]);
      if (field) return setFieldErrors({ [field]: e as ApiError });
      throw e;
    }
  });

  const signInHref = next ? `${CONSOLE_ROUTES.login}?${new URLSearchParams({ next })}` : CONSOLE_ROUTES.login;
  if (sentTo) {
    return (
      <AuthCard title="Check your email">
        <div className="message success" role="status">
          We sent a link to {sentTo}. Open it to verify your address, then sign in.
        </div>
        <p className="actions"><Link className="button" to={signInHref}>Sign in</Link></p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create your account">
      <form onSubmit={submit.onSubmit} noValidate aria-busy={submit.busy}>
        <Alert error={submit.error} />
        <Field label="Your name" name="name" autoComplete="name" required autoFocus error={fieldErrors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required hint={NEW_PASSWORD_HINT} error={fieldErrors.password} />
        <Field label="Workspace name (optional)" name="workspaceName" autoComplete="organization" error={fieldErrors.workspaceName} />
        <button type="submit" disabled={submit.busy}>{submit.busy ? "Creating…" : "Create account"}</button>
        <p className="links">Already have an account? <Link to={signInHref}>Sign in</Link></p>
      </form>
    </AuthCard>
  );
}
