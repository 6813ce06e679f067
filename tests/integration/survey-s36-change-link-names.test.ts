// Check your answers' Change links named their question in lower case throughout ("Change would the business like
// to come to a meet the buyer event?"), so a screen reader read the name of the events as ordinary words. Only the
// first letter is now lower case, as in GOV.UK's "Change name".
import { describe, expect, it } from "vitest";
import { afterChange } from "~/domain/survey/questions.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

describe("check your answers, the Change links' hidden words", () => {
  it("keep the capitals of names in the question", async () => {
    const { page } = await respondentInArea("ZR8", { consented: true });
    const { text } = await page("/check-answers");
    expect(text).toContain("Change would the business like to come to a Meet the Buyer event?");
    // a section asked as one question is named by its title, its first letter lower case
    expect(text).toContain("Change age");
    expect(text).toContain("Change religion or belief");
    expect(text).not.toContain("meet the buyer");
  });

  it("leave an abbreviation at the start as it is", () => {
    expect(afterChange("SME owners")).toBe("SME owners");
    expect(afterChange("A business")).toBe("a business");
    expect(afterChange("Meet the Buyer events")).toBe("meet the Buyer events");
  });
});
