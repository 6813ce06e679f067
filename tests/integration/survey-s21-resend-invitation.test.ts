// Inviting an address that already has an invitation waiting sends it again with a new link, and the old link
// stops working (s21): before, both links worked and the business had two invitations for one survey.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { flashCookieOf, flashMessageOf, flashOf } from "../helpers/flash.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import {
  followInvitation,
  invitationEmailsTo,
  newBusinessOwnerFollowing,
  officerInviting,
  sentAgainTo,
  sentTo,
} from "./survey-invite-world.ts";

describe("inviting an address whose invitation is still waiting", () => {
  it("sends it again with a new link, the earlier link stops working, and the officer is told so", async () => {
    const { council, cycle, cookie, address, sendInvitation } = await officerInviting("ZZ8", "resend");
    const invite = (submissionKey: string) => sendInvitation({ submissionKey });

    expect(await flashOf(await invite("s21-first"))).toEqual(sentTo(address));
    const again = await invite("s21-again");
    expect(again.status).toBe(302);
    expect(await flashOf(again)).toEqual(sentAgainTo(address));
    // the officer's page, as the browser gets it after the redirect, says so in words
    const page = await renderPage(`/council/survey/${cycle.id}`, `${cookie}; ${flashCookieOf(again)}`);
    expect(page.status).toBe(200);
    expect(readableText(await page.text())).toContain(
      `Invitation sent again to ${address}; the earlier link no longer works`,
    );

    // still one invitation for the business, two emails with different links, the second saying why
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(1);
    const [earlier, later] = await invitationEmailsTo(address);
    expect(earlier.token).not.toBe(later.token);
    expect(earlier.text).not.toContain("replaces the one we sent you earlier");
    expect(later.text).toContain("replaces the one we sent you earlier");

    const follow = await newBusinessOwnerFollowing(council.id);
    expect((await follow(earlier.token)).status).toBe(404);
    const followed = await follow(later.token);
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);

    // once followed, the address invited again is a new invitation (the first is the business's now)
    expect(await flashOf(await invite("s21-after-use"))).toEqual(sentTo(address));
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(2);
  });

  it("sends an eligible business's invitation again, still bound to that business, when its address is typed in", async () => {
    const { council, cycle, cookie, address, sendInvitation } = await officerInviting("ZZ7", "eligible");
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZZ7 1AA",
    });
    const owner = await createMember(business.id, "OWNER", { email: address });
    const post = (form: Record<string, string>) =>
      callAction(cyclePage.action, { path: "/x", params: { cycleId: cycle.id }, cookie, form });

    expect(await flashMessageOf(await post({ intent: "invite-eligible" }))).toBe(
      "Invitations sent to 1 business",
    );
    expect(await flashMessageOf(await sendInvitation({ submissionKey: "s21-typed" }))).toBe(
      `Invitation sent again to ${address}; the earlier link no longer works`,
    );

    const invitations = await db.surveyInvitation.findMany({ where: { cycleId: cycle.id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0].organisationId).toBe(business.id);
    const [earlier, later] = await invitationEmailsTo(address);
    const ownerCookie = await sessionCookieFor(owner.id);
    const follow = (token: string) => followInvitation(token, ownerCookie);
    expect((await follow(earlier.token)).status).toBe(404);
    expect((await follow(later.token)).headers.get("location")).toBe(`/survey/${cycle.id}`);
    // the next round does not invite the business a second time
    expect(await flashMessageOf(await post({ intent: "invite-eligible" }))).toBe(
      "Every eligible business has already been invited or has answered",
    );
  });
});
