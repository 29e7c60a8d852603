/**
 * The signed-in frame: header with the workspace switcher, "create
 * workspace" and the account menu, a navigation list (a sidebar on a laptop,
 * a row on a phone) and the page. RequireSession sends a signed-out visitor
 * to /login and back here afterwards. The bell shows the user's in-app
 * notifications in this workspace (Notifications), new ones arriving live
 * through the realtime subscription (NotificationAdded over graphql-ws),
 * with the unread count, mark one read and mark all read.
 */
import { useEffect, useState } from "react";
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  NotificationAddedDocument,
  NotificationsDocument,
  type NotificationsQuery,
} from "../../../sdk/generated/graphql";
import { request } from "../api";
import { disconnect, subscribe } from "../realtime";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { CONSOLE_ROUTES } from "../routes";
import { MembershipWatch } from "../membershipWatch";
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
          <NotificationBell />
          <Link className="who" title={`${user.email}: profile and security`} to={CONSOLE_ROUTES.account}>{user.name || user.email}</Link>
          <button type="button" className="secondary small" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Workspace">
        <NavLink to={CONSOLE_ROUTES.team}>Team</NavLink>
        <NavLink to={CONSOLE_ROUTES.settings}>Settings</NavLink>
        <NavLink to={CONSOLE_ROUTES.domains}>Domains</NavLink>
        <NavLink to={CONSOLE_ROUTES.apiKeys}>API keys</NavLink>
        <NavLink to={CONSOLE_ROUTES.webhooks}>Webhooks</NavLink>
        <NavLink to={CONSOLE_ROUTES.files}>Files</NavLink>
        <NavLink to={CONSOLE_ROUTES.billing}>Billing</NavLink>
        <NavLink to={CONSOLE_ROUTES.audit}>Audit log</NavLink>
      </nav>
      <MembershipWatch />
      <main className="page" aria-label={tenant?.name ?? "Console"}>
        <Outlet />
      </main>
    </div>
  );
}

type Note = NonNullable<NonNullable<NotificationsQuery["notifications"]>["nodes"][number]>;
const PAGE = 30;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function NotificationBell() {
  const { tenant, user } = useSignedIn();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  useEffect(() => {
    let live = true;
    setNotes(null);
    // Subscribe first, then read the list, so nothing created in between is missed (duplicates are merged by id).
    const stop = subscribe(NotificationAddedDocument, (d) => {
      const n = d.notificationAdded;
      if (n) setNotes((list) => [n, ...(list ?? []).filter((o) => o.rowId !== n.rowId)]);
    });
    request(NotificationsDocument, { first: PAGE })
      .then((r) => {
        if (!live) return;
        const loaded = (r.notifications?.nodes ?? []).filter((n): n is Note => !!n);
        setNotes((list) => [...(list ?? []).filter((n) => !loaded.some((l) => l.rowId === n.rowId)), ...loaded]);
        setMore(!!r.notifications?.pageInfo.hasNextPage);
      })
      .catch((e) => live && setError(handle(e)));
    return () => {
      live = false;
      stop();
      disconnect(); // the next workspace's token opens the next socket
    };
  }, [tenant?.rowId, user.rowId, handle]);
  const unread = (notes ?? []).filter((n) => !n.readAt).length;
  const count = more && unread >= PAGE ? `${PAGE}+` : String(unread);
  const markRead = async (id: string) => {
    const at = new Date().toISOString();
    setNotes((list) => list?.map((n) => (n.rowId === id ? { ...n, readAt: at } : n)) ?? null); // optimistic
    try {
      await request(MarkNotificationReadDocument, { notificationId: id });
    } catch (e) {
      setNotes((list) => list?.map((n) => (n.rowId === id ? { ...n, readAt: null } : n)) ?? null);
      setError(handle(e));
    }
  };
  const markAll = async () => {
    try {
      await request(MarkAllNotificationsReadDocument);
      const at = new Date().toISOString();
      setNotes((list) => list?.map((n) => ({ ...n, readAt: n.readAt ?? at })) ?? null);
    } catch (e) {
      setError(handle(e));
    }
  };
  return (
    <div className="bell" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button type="button" className="secondary small" aria-expanded={open} aria-controls="notifications-panel" onClick={() => setOpen(!open)}
        aria-label={`Notifications, ${unread ? `${count} unread` : "none unread"}`}>
        {/* An inline icon, not the emoji: a system without an emoji font drew a blank box. */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round"><path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" /><path d="M13.7 21a2 2 0 0 1-3.4 0" /></svg>{unread ? <span className="badge bad" data-testid="unread">{count}</span> : null}
      </button>
      {open ? (
        <section id="notifications-panel" className="bell-panel panel" aria-label="Notifications">
          <div className="bell-head">
            <h2>Notifications</h2>
            {unread ? <button type="button" className="secondary small" onClick={() => void markAll()}>Mark all read</button> : null}
          </div>
          <Alert error={error} />
          {notes === null ? <Loading label="Loading notifications…" /> : null}
          {notes?.length === 0 ? <p className="empty">No notifications yet.</p> : null}
          {notes?.length ? (
            <ul className="plain bell-list">
              {notes.map((n) => (
                <li key={n.rowId} className={n.readAt ? "read" : "unread"}>
                  <p><strong>{n.title}</strong></p>
                  <p className="hint">{n.eventType} · {when(n.createdAt)}</p>
                  {n.readAt ? null : <button type="button" className="secondary small" onClick={() => void markRead(n.rowId)} aria-label={`Mark "${n.title}" read`}>Mark read</button>}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
