/**
 * A browser for redirect flows driven over plain HTTP (sign-in with Google, GitHub, OIDC providers): a cookie jar that
 * honours Set-Cookie, including clearing, and follows nothing by itself (each redirect is the test's to inspect).
 */
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
