// Changing the broad ethnic group from check your answers leads on to the background question, whose Back link went
// to check your answers, past the group page the respondent had just left; and a "Prefer not to say" background kept
// from the old group skipped the new group's follow-up question altogether.
import { beforeEach, describe, expect, it } from "vitest";
import { formOf, postPage } from "../helpers/render-page.ts";
import { locationOf, respondentInArea, type SurveyPages } from "../helpers/survey-respondent.ts";

let base: string;
let cookie: string;
let post: SurveyPages["post"];
/** A page as the browser shows it: its Back link, the address its form posts to, its words. */
let page: SurveyPages["page"];

beforeEach(async () => {
  ({ base, cookie, post, page } = await respondentInArea("ZQ3", { consented: true }));
});

describe("changing the ethnic group from check your answers", () => {
  it("asks the new group's background, with Back to the group page, then returns to check your answers", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "ASIAN" });
    await post("/questions/ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });

    // the Change link beside the group
    const group = await page("/questions/ethnic-group?return=check");
    expect(group.back).toBe(`${base}/check-answers`);
    const changed = await post("/questions/ethnic-group?return=check", { ethnicGroup: "WHITE" });
    const background = locationOf(changed)!;
    expect(background).toMatch(new RegExp(`^${base}/questions/ethnic-background\\?`));

    const followUp = await page(background.slice(base.length));
    expect(followUp.text).toContain("White background");
    expect(followUp.back).toBe(`${base}/questions/ethnic-group?return=check`);
    // Back, and the group saved again as it is: on to the same question, Back the same way
    expect(locationOf(await post("/questions/ethnic-group?return=check", { ethnicGroup: "WHITE" }))).toBe(
      background,
    );
    // a wrong answer keeps the page as it was, Back link and all
    const wrong = await postPage(followUp.formAction!, formOf({ ethnicBackground: "ASIAN_INDIAN" }), cookie);
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain(`href="${`${base}/questions/ethnic-group?return=check`}"`);
    const saved = await postPage(followUp.formAction!, formOf({ ethnicBackground: "WHITE_IRISH" }), cookie);
    expect(locationOf(saved)).toBe(`${base}/check-answers`);
    expect((await page("/check-answers")).text).toContain("Irish");
  });

  it("keeps Back to check your answers for the Change link beside the background itself", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "BLACK" });
    const background = await page("/questions/ethnic-background?return=check");
    expect(background.back).toBe(`${base}/check-answers`);
    // the same group saved again keeps its background and goes straight back
    expect(
      locationOf(
        await post("/questions/ethnic-background?return=check", { ethnicBackground: "BLACK_AFRICAN" }),
      ),
    ).toBe(`${base}/check-answers`);
    expect(locationOf(await post("/questions/ethnic-group?return=check", { ethnicGroup: "BLACK" }))).toBe(
      `${base}/check-answers`,
    );
  });

  it("asks the new group's background when the old one was 'Prefer not to say'", async () => {
    await post("/questions/ethnic-group", { ethnicGroup: "ASIAN" });
    await post("/questions/ethnic-background", { ethnicBackground: "PREFER_NOT_TO_SAY" });
    const changed = await post("/questions/ethnic-group?return=check", { ethnicGroup: "MIXED" });
    expect(locationOf(changed)).toMatch(new RegExp(`^${base}/questions/ethnic-background\\?return=check`));
    expect((await page(locationOf(changed)!.slice(base.length))).text).toContain(
      "Mixed or Multiple ethnic groups background",
    );
  });
});
