// The council's survey page counted the answers a business it rejected had started as "Started, not yet sent",
// though that business may not send them: an officer could wait for, or chase, answers that can never arrive.
// They are now counted apart.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

describe("the council's survey page, with answers started by a business it then rejected", () => {
  it("does not count them as answers still to come, and says how many cannot be sent", async () => {
    const { council, cycle, business, post } = await respondentInArea("ZQ9", {
      status: "PENDING",
      consented: true,
    });
    await post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const cookie = await sessionCookieFor(officer.id);
    const page = () => renderPage(`/council/survey/${cycle.id}`, cookie);

    const before = readableMainText(await (await page()).text());
    expect(before).toMatch(/Started, not yet sent\s*1\b/);
    expect(before).not.toContain("cannot be sent");

    await db.organisation.update({ where: { id: business.id }, data: { status: "REJECTED" } });
    const response = await page();
    expect(response.status).toBe(200);
    const after = readableMainText(await response.text());
    expect(after).toMatch(/Started, not yet sent\s*0\b/);
    expect(after).toMatch(/Started by businesses the council did not verify \(cannot be sent\)\s*1\b/);
  });
});
