/**
 * A user removed from the workspace they are looking at is moved out: when
 * the tab comes back into view or gains focus, and every 30 s while visible,
 * the console re-reads the user's memberships (a query, which a removed
 * member's access token may still run); if the active workspace is no longer
 * among them, the user is taken to /team, where a notice says why. The
 * server ends a removed member's session for that workspace (their refresh
 * and even switching fail with BADTK), so the console signs them out and the
 * sign-in lands them in a workspace they still belong to; should the session
 * still be live (say, they left in another tab), it simply switches to the
 * first remaining workspace. Rendered once, by the shell.
 */
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { MyMembershipsDocument } from "../../sdk/generated/graphql";
import { request } from "./api";
import { CONSOLE_ROUTES } from "./routes";
import { useSignedIn } from "./session";

const NOTICE_KEY = "logicspike.removedFrom";

/** The workspace the user was removed from, once (the team page shows it and forgets it). */
export function takeRemovedNotice(): string | null {
  const name = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return name;
}

const EVERY_MS = 30_000;

export function MembershipWatch() {
  const { tenant, reload, ended } = useSignedIn();
  const navigate = useNavigate();
  useEffect(() => {
    if (!tenant) return;
    let stopped = false;
    const check = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const mine = await request(MyMembershipsDocument, { first: 100 });
        if (stopped || (mine.myMemberships?.nodes ?? []).some((m) => m?.tenant?.rowId === tenant.rowId)) return;
        sessionStorage.setItem(NOTICE_KEY, tenant.name);
        navigate(CONSOLE_ROUTES.team, { replace: true });
        await reload().catch(ended);
      } catch {
        // Offline or signed out: the next request shows it.
      }
    };
    const onVisible = () => void check();
    const timer = setInterval(onVisible, EVERY_MS);
    window.addEventListener("focus", onVisible);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", onVisible);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [tenant, reload, ended, navigate]);
  return null;
}
