// An admin with a guidance page open in two tabs who saved it in one, then in the other, was told "Someone else
// changed this page while you were editing": there was nobody else. The edit page now says who saved the page since
// this tab opened it (the admin, in another tab or window, or the colleague by name), with the usual comparison,
// the answers kept and saving again possible.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage } from "../helpers/factories.ts";
import {
  guidanceAdmins,
  SAVED_BY,
  saveGuidance,
  versionIn,
  versionShown,
  type GuidanceAdmins,
} from "../helpers/guidance-admins.ts";
import { readableMainText } from "../helpers/render-page.ts";

let setup: GuidanceAdmins;

beforeAll(async () => {
  setup = await guidanceAdmins();
});

describe("saving a guidance page changed since this tab opened it", () => {
  it.each([
    {
      ...SAVED_BY.self,
      then: "What is saved now is shown, and what you entered here is kept below: check and save again.",
    },
    { ...SAVED_BY.colleague, then: "Their changes are shown, yours are kept below: check and save again." },
  ])("says it was $who, shows the change and keeps the answers", async ({ saver, says, then }) => {
    const { world, admin } = setup;
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Pledging" });
    // two tabs open on the page
    const tabs = await Promise.all(
      [saver(setup), admin].map((cookie) => versionShown(`/council/guidance/${page.id}`, cookie)),
    );
    expect((await saveGuidance(saver(setup), page, tabs[0]!, "Pledging in 2027")).status).toBe(302);

    const response = await saveGuidance(admin, page, tabs[1]!, "How pledging works");
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
    const again = await saveGuidance(admin, page, versionIn(html)!, "How pledging works");
    expect(again.status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "How pledging works",
    );
  });
});
