// An admin who changed a guidance page in one tab, then pressed "Yes, delete" on its delete page open in another,
// was told "Someone else changed this page": there was nobody else. The delete page now says who saved the page
// since it was opened, in the edit page's words (the admin, in another tab or window, or the colleague by name),
// and still deletes nothing until the page as it is now has been seen.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let colleague: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  colleague = await sessionCookieFor(
    (await createMember(world.councilA.id, "ADMIN", { name: "Priya Colleague" })).id,
  );
});

const hiddenVersion = async (location: string, cookie: string) =>
  (await (await renderPage(location, cookie)).text()).match(
    /<input type="hidden" name="version" value="([^"]+)"/,
  )![1]!;

describe("deleting a guidance page saved since its delete page was opened", () => {
  it.each([
    {
      who: "the same admin in another tab",
      saver: () => admin,
      says: "You changed this page in another tab or window after opening it here",
    },
    {
      who: "a colleague",
      saver: () => colleague,
      says: "Priya Colleague changed this page after you opened it here",
    },
  ])("says it was $who, and deletes nothing", async ({ saver, says }) => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const shown = await hiddenVersion(`/council/guidance/${page.id}/delete`, admin);
    // "Save page" in the other tab, on the edit page
    const saved = await postPage(
      `/council/guidance/${page.id}`,
      formOf({
        intent: "save",
        title: "Volunteering days 2027",
        slug: page.slug,
        audience: "EVERYONE",
        bodyMarkdown: page.bodyMarkdown,
        published: "on",
        version: await hiddenVersion(`/council/guidance/${page.id}`, saver()),
      }),
      saver(),
    );
    expect(saved.status).toBe(302);

    const response = await postPage(`/council/guidance/${page.id}/delete`, formOf({ version: shown }), admin);
    expect(response.status).toBe(409);
    const text = readableMainText(await response.text());
    // the notice's heading, then its sentence
    expect(text).toContain(
      `${says} ${says}, so it has not been deleted. It is shown below as it is now: delete it again if you still want to.`,
    );
    expect(text).not.toContain("Someone else");
    expect(text).toContain("Are you sure you want to delete the guidance page “Volunteering days 2027”?");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });
});
