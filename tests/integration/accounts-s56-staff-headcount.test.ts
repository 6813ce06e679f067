// A supplier's registration asked for "Full-time equivalent employees across the business" and refused 7.5, while
// the diversity survey counts a headcount ("Count full-time and part-time staff, including owners…"): both decide a
// business's size, so one business could come out a different size on each. Both now ask for the headcount, in the
// same words (PRODUCT.md §5 says headcount).
import { expect, it } from "vitest";
import { TOPICS } from "~/domain/survey/questions.ts";
import { createUser } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";

const HEADCOUNT = "Count full-time and part-time staff, including owners who work in the business.";

it("asks for a headcount on the supplier's registration, as the survey does", async () => {
  const user = await createUser();
  const text = readableMainText(await pageHtmlAs("/organisations/new/supplier", user.id));
  expect(text).toContain(`Number of staff ${HEADCOUNT}`);
  expect(text).not.toContain("Full-time equivalent");
  const surveyQuestion = TOPICS.flatMap((t) => t.questions).find((q) => q.name === "staffHeadcountBand");
  expect(surveyQuestion?.hint).toBe(HEADCOUNT);
});
