// A guidance page saved after its delete page was opened, by a change the page does not say the author of (saved
// before the portal kept who saved a page, or by hand), refused "Yes, delete" with "Someone else changed this page
// while you were editing": nothing was being edited on the delete page. It now says the page was changed after it
// was opened, and still deletes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

describe("deleting a guidance page changed since by someone it does not name", () => {
  it("says the page changed after it was opened, not while editing, and deletes nothing", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const html = await (await renderPage(`/council/guidance/${page.id}/delete`, admin)).text();
    const shown = html.match(/<input type="hidden" name="version" value="([^"]+)"/)![1]!;
    await db.guidancePage.update({
      where: { id: page.id },
      data: { title: "Volunteering days 2027", updatedById: null },
    });

    const response = await postPage(`/council/guidance/${page.id}/delete`, formOf({ version: shown }), admin);
    expect(response.status).toBe(409);
    const text = readableMainText(await response.text());
    const says = "Someone else changed this page after you opened it";
    // the notice's heading, then its sentence
    expect(text).toContain(
      `${says} ${says}, so it has not been deleted. It is shown below as it is now: delete it again if you still want to.`,
    );
    expect(text).not.toContain("editing");
    expect(text).toContain("Are you sure you want to delete the guidance page “Volunteering days 2027”?");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });
});
