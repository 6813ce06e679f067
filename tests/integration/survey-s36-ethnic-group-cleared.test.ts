// Found in the s36 survey QA: the ethnic group page sent with no group chosen, after one with backgrounds had been
// saved (a form sent without a choice, or from a page read before the group was given), cleared the group but led on
// to the ethnic background page as if the old group still stood. That page no longer applies, so it sent the business
// straight to check your answers: religion, barriers, what the council could do and Meet the Buyer were skipped, and
// "Continue the survey" later went the same way. The next page is now worked out from the answers as saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { answer, consent, freshCycle, locationOf } from "../helpers/survey-respondent.ts";

let cycleId: string;
let cookie: string;

beforeAll(async () => {
  const fresh = await freshCycle();
  cycleId = fresh.cycleId;
  cookie = await sessionCookieFor((await createMember(fresh.business.id, "OWNER")).id);
  await consent(cycleId, cookie);
});

describe("the ethnic group page sent with no group, after a group with backgrounds", () => {
  it("goes on to religion, not to the background page of a group no longer given", async () => {
    const first = await answer(cycleId, cookie, "ethnic-group", { ethnicGroup: "BLACK", intent: "continue" });
    expect(locationOf(first)).toBe(`/survey/${cycleId}/questions/ethnic-background`);

    const cleared = await answer(cycleId, cookie, "ethnic-group", { intent: "continue" });
    expect(locationOf(cleared)).toBe(`/survey/${cycleId}/questions/religion`);
  });

  it("remembers religion as the page to continue from", async () => {
    await answer(cycleId, cookie, "ethnic-group", { ethnicGroup: "ASIAN", intent: "continue" });
    await answer(cycleId, cookie, "ethnic-group", { intent: "save-and-exit" });
    const response = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId },
      select: { resumeAt: true },
    });
    expect(response.resumeAt).toBe("religion");
  });
});
