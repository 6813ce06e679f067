// The survey cycle's closing date box is given the days it takes (today to the last year the portal takes), so its
// hint's example is one of them and a browser's date picker offers no day the form would refuse.
import { describe, expect, it } from "vitest";
import { londonDayIso } from "~/domain/calendar.ts";
import { closingDays } from "~/domain/survey/schemas.ts";
import { createCouncil, createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

const closesOnInput = (html: string) => html.match(/<input[^>]*name="closesOn"[^>]*>/)?.[0] ?? "";

describe("the survey cycle's closing date box", () => {
  it("takes today to the last day the portal takes, on opening a cycle and on changing one", async () => {
    const council = await createCouncil({ postcodeAreas: ["ZY3"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: 2043,
      opensOn: new Date("2043-11-01"),
      closesOn: new Date("2044-01-31"),
    });
    const { max } = closingDays();
    for (const path of ["/council/survey/new", `/council/survey/${cycle.id}/edit`]) {
      const response = await renderPage(path, cookie);
      expect(response.status).toBe(200);
      const input = closesOnInput(await response.text());
      expect(input).toContain(`min="${londonDayIso(new Date())}"`);
      expect(input).toContain(`max="${max}"`);
    }
  });
});
