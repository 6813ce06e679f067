// Inviting an address that already has an invitation waiting sends it again with a new link, and the old link
// stops working (s21): before, both links worked and the business had two invitations for one survey.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as invitation from "~/routes/survey.invitation.$token.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { flashCookieOf, flashMessageOf, flashOf } from "../helpers/flash.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

const tokensSentTo = async (to: string) =>
  (
    await db.emailOutbox.findMany({
      where: { to, template: "survey-invitation" },
      orderBy: { createdAt: "asc" },
      select: { text: true },
    })
  ).map((e) => ({ token: e.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1], text: e.text }));

describe("inviting an address whose invitation is still waiting", () => {
  it("sends it again with a new link, the earlier link stops working, and the officer is told so", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ8"] });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const cookie = await sessionCookieFor(officer.id);
    const address = `${unique("resend")}@faraway.test`;
    const invite = (submissionKey: string) =>
      callAction(cyclePage.action, {
        path: `/council/survey/${cycle.id}`,
        params: { cycleId: cycle.id },
        cookie,
        form: { intent: "invite-email", email: address, submissionKey },
      });

    expect(await flashOf(await invite("s21-first"))).toEqual({
      kind: "success",
      message: `Invitation sent to ${address}`,
    });
    const again = await invite("s21-again");
    expect(again.status).toBe(302);
    expect(await flashOf(again)).toEqual({
      kind: "success",
      message: `Invitation sent again to ${address}; the earlier link no longer works`,
    });
    // the officer's page, as the browser gets it after the redirect, says so in words
    const page = await renderPage(`/council/survey/${cycle.id}`, `${cookie}; ${flashCookieOf(again)}`);
    expect(page.status).toBe(200);
    expect(readableText(await page.text())).toContain(
      `Invitation sent again to ${address}; the earlier link no longer works`,
    );

    // still one invitation for the business, two emails with different links, the second saying why
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(1);
    const [earlier, later] = await tokensSentTo(address);
    expect(earlier.token).not.toBe(later.token);
    expect(earlier.text).not.toContain("replaces the one we sent you earlier");
    expect(later.text).toContain("replaces the one we sent you earlier");

    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const follow = (token: string) =>
      callLoader(invitation.loader, {
        path: `/survey/invitation/${token}`,
        params: { token },
        cookie: owner,
      });
    expect((await follow(earlier.token)).status).toBe(404);
    const followed = await follow(later.token);
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);

    // once followed, the address invited again is a new invitation (the first is the business's now)
    expect(await flashOf(await invite("s21-after-use"))).toEqual({
      kind: "success",
      message: `Invitation sent to ${address}`,
    });
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(2);
  });

  it("sends an eligible business's invitation again, still bound to that business, when its address is typed in", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ7"] });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const cookie = await sessionCookieFor(officer.id);
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZZ7 1AA",
    });
    const address = `${unique("eligible")}@faraway.test`;
    const owner = await createMember(business.id, "OWNER", { email: address });
    const post = (form: Record<string, string>) =>
      callAction(cyclePage.action, { path: "/x", params: { cycleId: cycle.id }, cookie, form });

    expect(await flashMessageOf(await post({ intent: "invite-eligible" }))).toBe(
      "Invitations sent to 1 business",
    );
    const typed = await post({ intent: "invite-email", email: address, submissionKey: "s21-typed" });
    expect(await flashMessageOf(typed)).toBe(
      `Invitation sent again to ${address}; the earlier link no longer works`,
    );

    const invitations = await db.surveyInvitation.findMany({ where: { cycleId: cycle.id } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0].organisationId).toBe(business.id);
    const [earlier, later] = await tokensSentTo(address);
    const ownerCookie = await sessionCookieFor(owner.id);
    const follow = (token: string) =>
      callLoader(invitation.loader, { path: "/x", params: { token }, cookie: ownerCookie });
    expect((await follow(earlier.token)).status).toBe(404);
    expect((await follow(later.token)).headers.get("location")).toBe(`/survey/${cycle.id}`);
    // the next round does not invite the business a second time
    expect(await flashMessageOf(await post({ intent: "invite-eligible" }))).toBe(
      "Every eligible business has already been invited or has answered",
    );
  });
});
