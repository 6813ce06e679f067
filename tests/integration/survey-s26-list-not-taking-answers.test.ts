// The business's list of surveys ("Surveys open to your business") showed a survey opened for a later day, and one
// whose closing day was over before the night's housekeeping closed it, as "Not started" with only its closing
// date, as if it could be answered now: following it found a survey taking no answers. The list now gives each
// survey's dates and says "Not open yet" or "Closed".
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

const rowOf = (text: string, survey: string) => {
  const start = text.indexOf(survey);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, start + 200);
};

describe("the business's list of surveys", () => {
  it("says which surveys are not open yet or past their closing date, with their dates", async () => {
    const { council, cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await createSurveyCycle({
      councilId: council.id,
      year: 2099,
      opensOn: new Date("2099-02-01"),
      closesOn: new Date("2099-03-01"),
    });
    const list = async () => {
      const response = await renderPage("/survey", owner);
      expect(response.status).toBe(200);
      return readableText(await response.text());
    };

    const before = await list();
    expect(rowOf(before, `${council.name} 2026`)).toContain("Not started");
    expect(rowOf(before, `${council.name} 2099`)).toContain("1 February 2099 to 1 March 2099 Not open yet");

    // the 2026 survey's closing day is over; the night's housekeeping has not closed it yet
    await db.surveyCycle.update({
      where: { id: cycleId },
      data: { opensOn: new Date("2026-01-01"), closesOn: new Date("2026-01-31") },
    });
    expect(rowOf(await list(), `${council.name} 2026`)).toContain("1 January 2026 to 31 January 2026 Closed");
  });

  it("still says the answers were sent once the closing day is over", async () => {
    const { cycleId, business, council } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "age", { age: "35_49" });
    await send(cycleId, owner);
    await db.surveyCycle.update({
      where: { id: cycleId },
      data: { opensOn: new Date("2026-01-01"), closesOn: new Date("2026-01-31") },
    });
    const response = await renderPage("/survey", owner);
    expect(rowOf(readableText(await response.text()), `${council.name} 2026`)).toContain("Submitted");
  });
});
