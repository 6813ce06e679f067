// An admin with a guidance page open in two tabs who saved it in one, then in the other, was told "Someone else
// changed this page while you were editing": there was nobody else. The edit page now says who saved the page since
// this tab opened it (the admin, in another tab or window, or the colleague by name), with the usual comparison,
// the answers kept and saving again possible.
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
  const other = await createMember(world.councilA.id, "ADMIN", { name: "Priya Colleague" });
  colleague = await sessionCookieFor(other.id);
});

const hiddenVersion = (html: string) =>
  html.match(/<input type="hidden" name="version" value="([^"]+)"/)?.[1];

// "Save page" from a tab showing the page at `version`
const saveFrom = (cookie: string, id: string, slug: string, version: string, title: string) =>
  postPage(
    `/council/guidance/${id}`,
    formOf({
      intent: "save",
      title,
      slug,
      audience: "EVERYONE",
      bodyMarkdown: "Post a need, suppliers pledge, you confirm.",
      published: "on",
      version,
    }),
    cookie,
  );

describe("saving a guidance page changed since this tab opened it", () => {
  it.each([
    {
      who: "the same admin in another tab",
      first: () => admin,
      says: "You changed this page in another tab or window after opening it here",
      then: "What is saved now is shown, and what you entered here is kept below: check and save again.",
    },
    {
      who: "a colleague",
      first: () => colleague,
      says: "Priya Colleague changed this page after you opened it here",
      then: "Their changes are shown, yours are kept below: check and save again.",
    },
  ])("says it was $who, shows the change and keeps the answers", async ({ first, says, then }) => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Pledging" });
    // two tabs open on the page
    const tabs = await Promise.all(
      [first(), admin].map(async (cookie) =>
        hiddenVersion(await (await renderPage(`/council/guidance/${page.id}`, cookie)).text()),
      ),
    );
    expect((await saveFrom(first(), page.id, page.slug, tabs[0]!, "Pledging in 2027")).status).toBe(302);

    const response = await saveFrom(admin, page.id, page.slug, tabs[1]!, "How pledging works");
    expect(response.status).toBe(409);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(`There is a problem ${says}. ${then}`);
    // the notice's heading says the same, above the comparison
    expect(text).toContain(`${says} Nothing you entered has been saved or lost`);
    expect(text).not.toContain("Someone else");
    expect(text).toContain("Title Pledging in 2027 How pledging works");
    expect(html).toContain('value="How pledging works"');
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "Pledging in 2027",
    );

    // having seen it, saving again goes through
    const again = await saveFrom(admin, page.id, page.slug, hiddenVersion(html)!, "How pledging works");
    expect(again.status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "How pledging works",
    );
  });
});
