// Found in the s39 survey QA: the officer's survey page gave the response rate as a bare "25%" below "Invitations
// sent", though it is worked out over the businesses eligible or invited, and as "–" when there were none. The
// page and the report of an open survey now say "1 of 4 eligible or invited businesses responded (25%)".
import { describe, expect, it } from "vitest";
import { createMember, createOrganisation, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, send } from "../helpers/survey-respondent.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

describe("the response rate of an open survey", () => {
  it("says how many of the businesses eligible or invited responded", async () => {
    // a council whose area has no supplier: every business is invited by email
    const { council, cycle, cookie, path, sendInvitation } = await officerInviting("ZZ99", "wording");
    const text = async (at: string) => readableText(await (await renderPage(at, cookie)).text());
    expect(await text(path)).toContain("Response rate No business is eligible or has been invited yet");

    const addresses = [1, 2, 3, 4].map((i) => `${unique(`wording-${i}`)}@faraway.test`);
    for (const email of addresses) expect((await sendInvitation({ email })).status).toBe(302);
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "TR1 1AA",
    });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const [{ token }] = await invitationEmailsTo(addresses[0]);
    expect((await followInvitation(token, owner)).status).toBe(302);
    await consent(cycle.id, owner);
    await answer(cycle.id, owner, "age", { age: "PREFER_NOT_TO_SAY" });
    await send(cycle.id, owner);

    const rate = "Response rate 1 of 4 eligible or invited businesses responded (25%)";
    expect(await text(path)).toContain(rate);
    expect(await text(`${path}/report`)).toContain(rate);
  });
});
