// The confirmation page, opened from the browser's history after the answers were withdrawn, said "Page not found":
// it now says what became of the answers and links to the survey.
import { beforeEach, describe, expect, it } from "vitest";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { locationOf, respondentInArea, type SurveyPages } from "../helpers/survey-respondent.ts";

let base: string;
let cookie: string;
let colleague: string;
let post: SurveyPages["post"];

beforeEach(async () => {
  const respondent = await respondentInArea("ZQ3", { consented: true });
  ({ base, cookie, post } = respondent);
  colleague = await sessionCookieFor((await createMember(respondent.business.id, "MEMBER")).id);
});

describe("the confirmation page from the browser's history", () => {
  it("says the answers were withdrawn, with a link to the survey, not 'Page not found'", async () => {
    await post("/questions/age", { age: "35_49" });
    expect(locationOf(await post("/check-answers", {}))).toBe(`${base}/confirmation`);
    expect(locationOf(await post("/withdraw", {}))).toBe(base);

    const confirmation = await renderPage(`${base}/confirmation`, cookie);
    expect(confirmation.status).toBe(200);
    const html = await confirmation.text();
    expect(html).toContain("<title>Your answers were withdrawn");
    const text = readableMainText(html);
    expect(text).toContain("Your answers were withdrawn");
    expect(text).toContain("answers to the 2026 survey were withdrawn and deleted");
    expect(text).not.toContain("Answers sent");
    expect(html).toContain(`href="${base}"`);

    // taking part again, not yet sent: the page says so; a colleague is not offered answers they may not continue
    await postPage(base, formOf({ consent: "yes" }), cookie);
    const started = readableMainText(await (await renderPage(`${base}/confirmation`, cookie)).text());
    expect(started).toContain("Your answers have not been sent");
    expect(started).toContain("You can continue the survey");
    const seenByColleague = readableMainText(
      await (await renderPage(`${base}/confirmation`, colleague)).text(),
    );
    expect(seenByColleague).toContain("Someone in your business has started the 2026 survey");
    expect(seenByColleague).not.toContain("continue the survey");
  });
});
