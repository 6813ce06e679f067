// An admin who changed a guidance page in one tab, then pressed "Yes, delete" on its delete page open in another,
// was told "Someone else changed this page": there was nobody else. The delete page now says who saved the page
// since it was opened, in the edit page's words (the admin, in another tab or window, or the colleague by name),
// and still deletes nothing until the page as it is now has been seen.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage } from "../helpers/factories.ts";
import {
  guidanceAdmins,
  SAVED_BY,
  saveGuidance,
  versionShown,
  type GuidanceAdmins,
} from "../helpers/guidance-admins.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let setup: GuidanceAdmins;

beforeAll(async () => {
  setup = await guidanceAdmins();
});

describe("deleting a guidance page saved since its delete page was opened", () => {
  it.each([SAVED_BY.self, SAVED_BY.colleague])(
    "says it was $who, and deletes nothing",
    async ({ saver, says }) => {
      const { world, admin } = setup;
      const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
      const shown = await versionShown(`/council/guidance/${page.id}/delete`, admin);
      // "Save page" in the other tab, on the edit page
      const edited = await versionShown(`/council/guidance/${page.id}`, saver(setup));
      expect((await saveGuidance(saver(setup), page, edited, "Volunteering days 2027")).status).toBe(302);

      const response = await postPage(
        `/council/guidance/${page.id}/delete`,
        formOf({ version: shown }),
        admin,
      );
      expect(response.status).toBe(409);
      const text = readableMainText(await response.text());
      // the notice's heading, then its sentence
      expect(text).toContain(
        `${says} ${says}, so it has not been deleted. It is shown below as it is now: delete it again if you still want to.`,
      );
      expect(text).not.toContain("Someone else");
      expect(text).toContain("Are you sure you want to delete the guidance page “Volunteering days 2027”?");
      expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
    },
  );
});
