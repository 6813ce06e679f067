// Check your answers listed the ethnic background answer as "Ethnic background" under a section of the same name,
// the only row not in the words of its question. It now reads as the question the respondent was asked.
import { describe, expect, it } from "vitest";
import { respondentInArea } from "../helpers/survey-respondent.ts";

describe("check your answers, the ethnic background row", () => {
  it("names the question asked, with the group answered before it", async () => {
    const { post, page } = await respondentInArea("ZR7", { consented: true });
    await post("/questions/ethnic-group", { ethnicGroup: "ASIAN" });
    await post("/questions/ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });

    const asked = await page("/questions/ethnic-background");
    // the page's text keeps the apostrophe as the HTML wrote it
    const question =
      /Which of these best describes the Asian or Asian British background of most of the business(?:'|&#x27;)s owners or leaders\?/;
    expect(asked.text).toMatch(question);

    const check = await page("/check-answers");
    expect(check.text).toMatch(new RegExp(`${question.source} Indian`));
    expect(check.text).not.toMatch(/Ethnic background\s+Ethnic background/);
  });
});
