/**
 * Who is signed in, in which workspace, with which permissions, and the
 * workspaces they can switch to. Permissions come from the access token's
 * claims (the same list the database's policies read), so the UI hides what
 * the server would refuse; the server remains the enforcement.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { CurrentUserDocument, MyMembershipsDocument, type CurrentUserQuery, type MyMembershipsQuery } from "../../sdk/generated/graphql";
import type { PermissionKey } from "../../sdk/catalog";
import { postWithToken, readClaims, request, session, SignedOut, type Claims, type Tokens } from "./api";

export type Membership = MyMembershipsQuery["myMemberships"] extends infer C ? (C extends { nodes: Array<infer N> } ? NonNullable<N> : never) : never;

export interface SignedInState {
  status: "signedIn";
  claims: Claims;
  user: NonNullable<CurrentUserQuery["currentUser"]>;
  tenant: CurrentUserQuery["currentTenant"];
  memberships: Membership[];
}

type State = { status: "loading" } | { status: "signedOut" } | SignedInState;

interface SessionApi {
  state: State;
  /** Store tokens from sign-in and load the user. */
  signedIn(tokens: Tokens): Promise<void>;
  signOut(): Promise<void>;
  switchWorkspace(tenantId: string): Promise<void>;
  /** Re-read user, workspace and memberships (after creating a workspace, say). */
  reload(): Promise<void>;
  /** The session ended under us (refresh refused): forget it, the router sends the user to sign in. */
  ended(): void;
  can(permission: PermissionKey): boolean;
}

const SessionContext = createContext<SessionApi | null>(null);

async function load(): Promise<State> {
  const token = await session.token();
  if (!token) return { status: "signedOut" };
  try {
    const [me, mine] = await Promise.all([request(CurrentUserDocument), request(MyMembershipsDocument, { first: 100 })]);
    if (!me.currentUser) return { status: "signedOut" };
    const memberships = (mine.myMemberships?.nodes ?? []).filter((m): m is Membership => !!m);
    const claims = readClaims((await session.token())!);
    // A token for no workspace (or one we were removed from) while we belong to some: move to the first.
    if ((!claims.tid || !memberships.some((m) => m.tenant?.rowId === claims.tid)) && memberships[0]?.tenant) {
      session.save(await postWithToken<Tokens>("/auth/switch-tenant", { tenantId: memberships[0].tenant.rowId }));
      return load();
    }
    return { status: "signedIn", claims, user: me.currentUser, tenant: me.currentTenant, memberships };
  } catch (e) {
    if (e instanceof SignedOut) return { status: "signedOut" };
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const reload = useCallback(async () => setState(await load()), []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const api = useMemo<SessionApi>(() => {
    const perms = state.status === "signedIn" ? new Set(state.claims.perms) : new Set<string>();
    return {
      state,
      reload,
      async signedIn(tokens) {
        session.save(tokens);
        await reload();
      },
      async signOut() {
        await session.signOut();
        setState({ status: "signedOut" });
      },
      async switchWorkspace(tenantId) {
        session.save(await postWithToken<Tokens>("/auth/switch-tenant", { tenantId }));
        await reload();
      },
      ended() {
        session.clear();
        setState({ status: "signedOut" });
      },
      can: (permission) => perms.has(permission),
    };
  }, [state, reload]);

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error("useSession outside SessionProvider");
  return api;
}

/** The signed-in state; only under RequireSession. */
export function useSignedIn(): SignedInState & SessionApi {
  const api = useSession();
  if (api.state.status !== "signedIn") throw new Error("useSignedIn outside RequireSession");
  return { ...api, ...api.state };
}


