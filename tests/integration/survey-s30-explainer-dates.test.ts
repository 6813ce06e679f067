// The survey's page, past its closing day (before the night's housekeeping closes it), said "This survey is not
// taking answers. It is open from 23 November to 1 December", and its explainer still offered to change or withdraw
// answers "until 1 December", days after that date: read as if the survey were open. It now says the survey has
// closed; a survey opening later says when it opens.
import { describe, expect, it } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { formatDate } from "~/ui/format.ts";
import { createSurveyCycle } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { smeOwnerInArea } from "../helpers/survey-respondent.ts";

const day = (offset: number) => new Date(londonDay(new Date()).getTime() + offset * 86_400_000);

describe("the survey page of a survey not taking answers", () => {
  it("says it has closed once its closing date has passed, and when it opens before it has opened", async () => {
    const { council, cookie } = await smeOwnerInArea("ZP5");
    const past = await createSurveyCycle({ councilId: council.id, opensOn: day(-30), closesOn: day(-2) });
    const later = await createSurveyCycle({
      councilId: council.id,
      year: 2027,
      opensOn: day(20),
      closesOn: day(60),
    });

    const passed = readableMainText(await (await renderPage(`/survey/${past.id}`, cookie)).text());
    expect(passed).toContain(
      `This survey has closed Its closing date, ${formatDate(day(-2))}, has passed, so it no longer takes answers.`,
    );
    expect(passed).not.toContain("It is open from");
    expect(passed).not.toContain(`withdraw them until ${formatDate(day(-2))}`);

    const notYet = readableMainText(await (await renderPage(`/survey/${later.id}`, cookie)).text());
    expect(notYet).toContain(
      `This survey is not open yet It opens on ${formatDate(day(20))} and closes on ${formatDate(day(60))}.`,
    );
    expect(notYet).toContain(`change or withdraw them until ${formatDate(day(60))}`);
  });
});
