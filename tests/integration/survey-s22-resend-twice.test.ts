// "Send invitation" double-clicked for an address whose link is still waiting (s22): the first click sends the
// invitation again with a new link, the second sends nothing, and the browser shows the second's answer. That
// answer said "Invitation sent to …", as if it were a first invitation, hiding that the earlier link had stopped
// working. A repeat is now answered as the first sending was.
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
import { flashOf } from "../helpers/flash.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

const linksSentTo = async (to: string) =>
  (
    await db.emailOutbox.findMany({
      where: { to, template: "survey-invitation" },
      orderBy: { createdAt: "asc" },
      select: { text: true },
    })
  ).map((e) => e.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1]);

describe("'Send invitation' sent twice", () => {
  it("says 'sent again' for both sends when the first replaced a waiting link, and sends one email", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ4"] });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    const address = `${unique("twice")}@faraway.test`;
    const invite = (submissionKey: string) =>
      callAction(cyclePage.action, {
        path: `/council/survey/${cycle.id}`,
        params: { cycleId: cycle.id },
        cookie,
        form: { intent: "invite-email", email: address, submissionKey },
      });
    const sentAgain = {
      kind: "success",
      message: `Invitation sent again to ${address}; the earlier link no longer works`,
    };

    expect(await flashOf(await invite("s22-first"))).toEqual({
      kind: "success",
      message: `Invitation sent to ${address}`,
    });
    // the double click: both sends at once, then the same form once more a little later
    const both = await Promise.all([invite("s22-again"), invite("s22-again")]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await Promise.all(both.map(flashOf))).toEqual([sentAgain, sentAgain]);
    expect(await flashOf(await invite("s22-again"))).toEqual(sentAgain);

    // what was done: the first link replaced once, one more email, still one invitation
    const links = await linksSentTo(address);
    expect(links).toHaveLength(2);
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "survey.invite", entityId: cycle.id } })).toBe(2);
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const follow = (token: string) =>
      callLoader(invitation.loader, { path: "/x", params: { token }, cookie: owner });
    expect((await follow(links[0])).status).toBe(404);
    expect((await follow(links[1])).headers.get("location")).toBe(`/survey/${cycle.id}`);
  });

  it("says 'sent' for both sends of a first invitation, and sends one email", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZZ3"] });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    const address = `${unique("first")}@faraway.test`;
    const invite = () =>
      callAction(cyclePage.action, {
        path: `/council/survey/${cycle.id}`,
        params: { cycleId: cycle.id },
        cookie,
        form: { intent: "invite-email", email: address, submissionKey: "s22-once" },
      });
    const both = await Promise.all([invite(), invite()]);
    const sent = { kind: "success", message: `Invitation sent to ${address}` };
    expect(await Promise.all(both.map(flashOf))).toEqual([sent, sent]);
    expect(await linksSentTo(address)).toHaveLength(1);
    expect(await db.surveyInvitation.findFirst({ where: { cycleId: cycle.id } })).toMatchObject({
      sentAgainAt: null,
    });
  });
});
