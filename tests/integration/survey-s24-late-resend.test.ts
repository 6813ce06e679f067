// "Send invitation" for an address whose link is waiting sends it again with a new link. A form's key stays on the
// invitation only until the next "send again" takes it over, so a late repeat of an older form (its double click's
// second request, arriving after a colleague's or another tab's send to the same address) found no key and sent one
// more email, retiring the link just sent (decision 031, s24). The page now says when it was shown, and a form shown
// before the address's link was last sent, moments ago, sends nothing more: it is answered as that sending was.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { flashOf } from "../helpers/flash.ts";
import { callLoader } from "../helpers/routes.ts";
import { officerInviting, sentAgainTo } from "./survey-invite-world.ts";

describe("a late repeat of an old 'send again' form", () => {
  it("sends nothing more once another form has sent the address its link, and a page shown since still can", async () => {
    const { cycle, cookie, address, path, sendInvitation } = await officerInviting("ZZ5", "late");
    // the page as the officer's browser has it: its one-off key and when it was shown
    const showPage = async () =>
      (await (
        await callLoader(cyclePage.loader, { path, params: { cycleId: cycle.id }, cookie })
      ).json()) as { submissionKey: string; shownAt: string };
    const send = (page: { submissionKey: string; shownAt: string }) => sendInvitation(page);
    const emails = () => db.emailOutbox.count({ where: { to: address, template: "survey-invitation" } });
    const sentAgain = sentAgainTo(address);

    await send(await showPage());
    const formA = await showPage();
    expect(await flashOf(await send(formA))).toEqual(sentAgain);
    const formB = await showPage();
    expect(await flashOf(await send(formB))).toEqual(sentAgain);
    expect(await emails()).toBe(3);
    const { tokenHash } = await db.surveyInvitation.findFirstOrThrow({ where: { cycleId: cycle.id } });

    // form A's second request, late
    expect(await flashOf(await send(formA))).toEqual(sentAgain);
    expect(await emails()).toBe(3);
    expect(await db.surveyInvitation.findFirstOrThrow({ where: { cycleId: cycle.id } })).toMatchObject({
      tokenHash,
    });
    expect(await db.auditLog.count({ where: { action: "survey.invite", entityId: cycle.id } })).toBe(3);

    // sending again on purpose, from a page shown since, still sends
    expect(await flashOf(await send(await showPage()))).toEqual(sentAgain);
    expect(await emails()).toBe(4);
    // and so does a page left open, once the last send is minutes old (a business says it lost the link)
    await db.surveyInvitation.updateMany({
      where: { cycleId: cycle.id },
      data: { sentAgainAt: new Date(Date.now() - 3 * 60 * 1000) },
    });
    expect(await flashOf(await send(formB))).toEqual(sentAgain);
    expect(await emails()).toBe(5);
  });
});
