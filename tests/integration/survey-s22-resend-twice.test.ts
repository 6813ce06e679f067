// "Send invitation" double-clicked for an address whose link is still waiting (s22): the first click sends the
// invitation again with a new link, the second sends nothing, and the browser shows the second's answer. That
// answer said "Invitation sent to …", as if it were a first invitation, hiding that the earlier link had stopped
// working. A repeat is now answered as the first sending was.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { flashOf } from "../helpers/flash.ts";
import {
  invitationEmailsTo,
  newBusinessOwnerFollowing,
  officerInviting,
  sentAgainTo,
  sentTo,
} from "./survey-invite-world.ts";

const linksSentTo = async (to: string) => (await invitationEmailsTo(to)).map((e) => e.token);

describe("'Send invitation' sent twice", () => {
  it("says 'sent again' for both sends when the first replaced a waiting link, and sends one email", async () => {
    const { council, cycle, address, sendInvitation } = await officerInviting("ZZ4", "twice");
    const invite = (submissionKey: string) => sendInvitation({ submissionKey });
    const sentAgain = sentAgainTo(address);

    expect(await flashOf(await invite("s22-first"))).toEqual(sentTo(address));
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
    const follow = await newBusinessOwnerFollowing(council.id);
    expect((await follow(links[0])).status).toBe(404);
    expect((await follow(links[1])).headers.get("location")).toBe(`/survey/${cycle.id}`);
  });

  it("says 'sent' for both sends of a first invitation, and sends one email", async () => {
    const { cycle, address, sendInvitation } = await officerInviting("ZZ3", "first");
    const invite = () => sendInvitation({ submissionKey: "s22-once" });
    const both = await Promise.all([invite(), invite()]);
    const sent = sentTo(address);
    expect(await Promise.all(both.map(flashOf))).toEqual([sent, sent]);
    expect(await linksSentTo(address)).toHaveLength(1);
    expect(await db.surveyInvitation.findFirst({ where: { cycleId: cycle.id } })).toMatchObject({
      sentAgainAt: null,
    });
  });
});
