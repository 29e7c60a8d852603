/**
 * A browser for redirect flows driven over plain HTTP (sign-in with Google, GitHub, OIDC providers): a cookie jar that
 * honours Set-Cookie, including clearing, and follows nothing by itself (each redirect is the test's to inspect).
 */
import type { TestDatabase } from "./db";
import type { TestServer } from "./server";

export class CookieBrowser {
  readonly cookies = new Map<string, string>();
  async get(url: string) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const json = res.headers.get("content-type")?.includes("json");
    return { status: res.status, location: res.headers.get("location"), setCookies, body: json ? ((await res.json()) as any) : await res.text() };
  }
}

/** The access token the SPA would get with the refresh cookie a provider sign-in set in `browser`. */
export async function accessTokenFromCookie(server: TestServer, browser: CookieBrowser, origin: string): Promise<string> {
  const cookie = browser.cookies.get("ls_refresh");
  expect(cookie).toBeDefined();
  const res = await server.post("/auth/refresh", {}, { cookie: `ls_refresh=${cookie}`, origin });
  expect(res.status).toBe(200);
  return res.body.accessToken as string;
}

/** Everything a refused sign-in must leave alone: users, workspaces, linked identities, sessions. */
export async function signInSnapshot(db: Pick<TestDatabase, "superPool">) {
  const { rows } = await db.superPool.query(
    `select (select count(*) from app_public.users)::int users, (select count(*) from app_public.tenants)::int tenants,
            (select count(*) from app_private.user_identities)::int identities,
            (select count(*) from app_private.refresh_token_families)::int sessions`,
  );
  return rows[0] as { users: number; tenants: number; identities: number; sessions: number };
}
