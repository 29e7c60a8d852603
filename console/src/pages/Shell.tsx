/**
 * The signed-in frame: header with the workspace switcher, "create
 * workspace" and the account menu, a navigation list (a sidebar on a laptop,
 * a row on a phone) and the page. RequireSession sends a signed-out visitor
 * to /login and back here afterwards.
 */
import { useState } from "react";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { CONSOLE_ROUTES } from "../routes";
import { useSession, useSignedIn } from "../session";
import { Alert, Loading, useErrorHandler } from "../ui";
import type { ApiError } from "../api";

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <main className="page"><Loading label="Loading your workspace…" /></main>;
  if (state.status === "signedOut") {
    const next = location.pathname + location.search;
    return <Navigate to={`${CONSOLE_ROUTES.login}?${new URLSearchParams({ next })}`} replace />;
  }
  return <Shell />;
}

function WorkspaceSwitcher() {
  const { tenant, memberships, switchWorkspace } = useSignedIn();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  return (
    <div className="switcher">
      <label htmlFor="workspace-switcher">Workspace</label>
      <select
        id="workspace-switcher"
        value={tenant?.rowId ?? ""}
        disabled={busy}
        onChange={async (e) => {
          setBusy(true);
          setError(null);
          try {
            await switchWorkspace(e.target.value);
            navigate(CONSOLE_ROUTES.team);
          } catch (err) {
            setError(handle(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {tenant ? null : <option value="">No workspace</option>}
        {memberships.map((m) => (
          <option key={m.rowId} value={m.tenant?.rowId}>{m.tenant?.name}</option>
        ))}
      </select>
      <Link className="button secondary small" to={CONSOLE_ROUTES.newWorkspace}>Create workspace</Link>
      <Alert error={error} />
    </div>
  );
}

function Shell() {
  const { user, tenant, signOut } = useSignedIn();
  return (
    <div className="shell">
      <header className="topbar">
        <Link to={CONSOLE_ROUTES.team} className="brand">LogicSpike</Link>
        <WorkspaceSwitcher />
        <div className="account">
          <Link className="who" title={`${user.email}: profile and security`} to={CONSOLE_ROUTES.account}>{user.name || user.email}</Link>
          <button type="button" className="secondary small" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Workspace">
        <NavLink to={CONSOLE_ROUTES.team}>Team</NavLink>
        <NavLink to={CONSOLE_ROUTES.settings}>Settings</NavLink>
        <NavLink to={CONSOLE_ROUTES.apiKeys}>API keys</NavLink>
        <NavLink to={CONSOLE_ROUTES.webhooks}>Webhooks</NavLink>
        <NavLink to={CONSOLE_ROUTES.files}>Files</NavLink>
        <NavLink to={CONSOLE_ROUTES.billing}>Billing</NavLink>
        <NavLink to={CONSOLE_ROUTES.audit}>Audit log</NavLink>
      </nav>
      <main className="page" aria-label={tenant?.name ?? "Console"}>
        <Outlet />
      </main>
    </div>
  );
}
