// Found in the s45 QA: opening a survey with a closing date before its opening date and the privacy notice and DPIA
// reference left empty was told only of the empty fields; the closing date's error came only once they were given,
// a second round for the officer. The dates are now compared whenever both are real, whatever the other fields,
// and the error summary lists every problem in the page's order.
import { describe, expect, it } from "vitest";
import { createCouncil, createMember, sessionCookieFor } from "../helpers/factories.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

async function officer() {
  const council = await createCouncil({ postcodeAreas: ["ZZ45"] });
  return sessionCookieFor((await createMember(council.id, "OFFICER", { surveyAccess: true })).id);
}

describe("opening a survey with several mistakes", () => {
  it("is told every one in one answer, the summary in the page's order, with what was typed kept", async () => {
    const cookie = await officer();
    const response = await postPage(
      "/council/survey/new",
      formOf({
        opensOn: "01/03/2027",
        closesOn: "01/02/2027",
        privacyNotice: "",
        dpiaReference: "",
        retentionMonths: "36",
      }),
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain("The closing date must be on or after the opening date");
    expect(text).toContain("Enter the privacy notice respondents will read");
    expect(text).toContain("Enter the reference of the data protection impact assessment");
    const { linked, onPage } = errorSummaryOrder(html);
    expect(linked).toEqual(["closesOn", "privacyNotice", "dpiaReference"]);
    expect(linked).toEqual(onPage);
    expect(html).toMatch(
      /name="opensOn"[^>]*value="(01\/03\/2027|2027-03-01)"|value="(01\/03\/2027|2027-03-01)"[^>]*name="opensOn"/,
    );
  });

  it("still gives a mistyped opening date its own error alone, with the empty fields", async () => {
    const cookie = await officer();
    const response = await postPage(
      "/council/survey/new",
      formOf({
        opensOn: "31/02/2027",
        closesOn: "01/02/2027",
        privacyNotice: "",
        dpiaReference: "DPIA-1",
        retentionMonths: "",
      }),
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain("Enter the date the survey opens as a real date");
    expect(text).not.toContain("The closing date must be on or after the opening date");
    const { linked, onPage } = errorSummaryOrder(html);
    expect(linked).toEqual(["opensOn", "privacyNotice", "retentionMonths"]);
    expect(linked).toEqual(onPage);
  });

  it("is told a closing date already past together with the empty fields", async () => {
    const cookie = await officer();
    const response = await postPage(
      "/council/survey/new",
      formOf({ opensOn: "01/01/2025", closesOn: "02/01/2025", privacyNotice: "", dpiaReference: "" }),
      cookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(readableMainText(html)).toContain("The closing date must be today or in the future");
    const { linked, onPage } = errorSummaryOrder(html);
    expect(linked).toEqual(["closesOn", "privacyNotice", "dpiaReference", "retentionMonths"]);
    expect(linked).toEqual(onPage);
  });
});
