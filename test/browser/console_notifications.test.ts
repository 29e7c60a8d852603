/**
 * The console's notification bell in a real headless Chromium against a
 * server process with trusted documents on: in-app notifications created on
 * the server (the real path: a role.changed event, then the subscriber's
 * app_private.notify_event) arrive live through the NotificationAdded
 * subscription over graphql-ws, without a reload; the unread count follows;
 * one is marked read, then all, and the API agrees.
 */
import { GOOD_PASSWORD, uniqueEmail } from "../helpers/auth";
import { shows, useConsoleBrowser } from "../helpers/consoleBrowser";

const app = useConsoleBrowser({ artifactPrefix: "notifications" });
const { getDb, newPage, step, post, gql, signIn, signInUi } = app;

it("shows notifications created on the server live in the bell, with the unread count; marks one read, then all", async () => {
  const email = uniqueEmail("console-notes");
  const workspace = `Note Works ${Date.now()}`;
  expect((await post("/auth/register", { email, password: GOOD_PASSWORD, name: "Nia Notes", workspaceName: workspace })).status).toBe(202);
  const { rows } = await getDb().superPool.query(
    "select m.id, m.user_id, m.tenant_id from app_public.memberships m join app_public.tenants t on t.id = m.tenant_id where t.name = $1", [workspace]);
  const { id: membershipId, user_id: userId, tenant_id: tenantId } = rows[0];
  let created = 0;
  const notify = async () => {
    const event = await getDb().ownerPool.query("select app_private.publish_event($1, 'role.changed', $2) as id", [tenantId, { membershipId, userId, role: "admin" }]);
    await getDb().ownerPool.query("select app_private.notify_event($1)", [event.rows[0].id]);
    created++;
  };
  const fromApi = async () => (await gql("Notifications", { first: 50 }, await signIn(email, tenantId))).body.data.notifications.nodes as Array<{ rowId: string; title: string; readAt: string | null }>;
  const bell = (page: Awaited<ReturnType<typeof newPage>>) => page.getByRole("button", { name: /^Notifications, / });

  const page = await newPage();
  let loads = 0;
  page.on("load", () => loads++);
  await step("the bell starts with nothing unread", async () => {
    await signInUi(page, email, "/team");
    await bell(page).waitFor();
    expect(await bell(page).getAttribute("aria-label")).toBe("Notifications, none unread");
  });

  await step("a notification created on the server arrives live, without a reload", async () => {
    const before = loads;
    // The subscription's LISTEN starts a moment after the socket opens: notify until the first one arrives.
    const end = Date.now() + 15_000;
    while (!(await page.getByTestId("unread").isVisible())) {
      if (Date.now() > end) throw new Error("no notification arrived live");
      await notify();
      await page.getByTestId("unread").waitFor({ timeout: 700 }).catch(() => undefined);
    }
    const live = Number(await page.getByTestId("unread").textContent());
    expect(live).toBeGreaterThanOrEqual(1);
    await notify(); // now that the subscription is live, exactly one more
    await shows(page.getByTestId("unread"), String(live + 1));
    expect(loads).toBe(before);
    await bell(page).click();
    const panel = page.getByRole("region", { name: "Notifications" });
    expect(await panel.locator("li.unread").count()).toBe(live + 1);
    expect((await fromApi()).filter((n) => !n.readAt)).toHaveLength(created);
  });

  await step("one is marked read, then all; the API agrees", async () => {
    const panel = page.getByRole("region", { name: "Notifications" });
    const unreadBefore = Number(await page.getByTestId("unread").textContent());
    await panel.getByRole("button", { name: /^Mark ".*" read$/ }).first().click();
    await shows(page.getByTestId("unread"), String(unreadBefore - 1));
    const poll = async (check: (n: Awaited<ReturnType<typeof fromApi>>) => boolean) => {
      const end = Date.now() + 10_000;
      while (!check(await fromApi())) if (Date.now() > end) throw new Error("the API did not agree");
    };
    await poll((n) => n.filter((x) => x.readAt).length === 1);
    await panel.getByRole("button", { name: "Mark all read" }).click();
    await page.getByTestId("unread").waitFor({ state: "detached" });
    expect(await bell(page).getAttribute("aria-label")).toBe("Notifications, none unread");
    await poll((n) => n.length === created && n.every((x) => x.readAt));
  });

  await step("after a reload the list and count come from the server", async () => {
    await page.reload();
    await bell(page).click();
    const panel = page.getByRole("region", { name: "Notifications" });
    await panel.locator("li").first().waitFor();
    expect(await panel.locator("li").count()).toBe(created);
    expect(await panel.locator("li.unread").count()).toBe(0);
  });
}, 90_000);
