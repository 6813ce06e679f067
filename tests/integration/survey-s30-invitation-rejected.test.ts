// A business the council rejected, following an emailed survey invitation, was told the link "does not work", to
// look for a newer email from the council and to see "the surveys open to your business", a list that can never
// show one to it. It is now told why it cannot take part, and where to read the council's reason; the link stays
// free for the business it was meant for.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { invitationEmailsTo, newBusinessOwnerFollowing, officerInviting } from "./survey-invite-world.ts";

describe("a survey invitation followed by a business the council rejected", () => {
  it("says why it cannot take part and links to the council's reason, leaving the link unused", async () => {
    const { council, cycle, address, sendInvitation } = await officerInviting("ZR4", "rejected-s30");
    expect((await sendInvitation({})).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(address);

    const rejected = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      status: "REJECTED",
    });
    const cookie = await sessionCookieFor((await createMember(rejected.id, "OWNER")).id);
    const page = await renderPage(`/survey/invitation/${token}`, cookie);
    // refused as a link that does not work is (404), with its own words
    expect(page.status).toBe(404);
    const html = await page.text();
    const text = readableMainText(html);
    expect(text).toContain("Your business cannot take part in this survey");
    expect(text).toContain("The council did not verify your business");
    expect(text).not.toContain("does not work");
    expect(html).toContain(`href="/organisations/${rejected.id}"`);

    expect(
      await db.surveyInvitation.findFirst({ where: { cycleId: cycle.id }, select: { organisationId: true } }),
    ).toEqual({
      organisationId: null,
    });
    const follow = await newBusinessOwnerFollowing(council.id);
    expect((await follow(token)).headers.get("location")).toBe(`/survey/${cycle.id}`);
  });
});
