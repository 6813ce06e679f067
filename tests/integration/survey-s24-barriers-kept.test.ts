// The barriers page sent back with an error elsewhere on it (the free text too long): Conform hands back one ticked
// box as a lone string and several as a list, and the page matched a lone string as text (s24): a value spelling two
// boxes' values ticked both, and a real single tick stayed ticked only because no barrier's value lies inside
// another's. The boxes now always get a list, so what was ticked stays ticked, one box or several, and nothing else.
import { describe, expect, it } from "vitest";
import { fieldState, topicBySlug } from "~/domain/survey/questions.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { consent, freshCycle } from "../helpers/survey-respondent.ts";

const barriers = topicBySlug("barriers")!.questions.find((q) => q.name === "barriers")!;

// the barrier boxes ticked on a page as rendered
function tickedBoxes(html: string) {
  return [...html.matchAll(/<input[^>]*name="barriers"[^>]*>/g)]
    .map(([input]) => input)
    .filter((input) => /\schecked=""/.test(input))
    .map((input) => input.match(/value="([^"]+)"/)![1]);
}

async function sendWithTooLongText(ticks: string[]) {
  const { cycleId, business } = await freshCycle();
  const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
  await consent(cycleId, cookie);
  const form = new FormData();
  for (const tick of ticks) form.append("barriers", tick);
  form.set("barriersOther", "x".repeat(2001));
  form.set("intent", "continue");
  const page = await postPage(`/survey/${cycleId}/questions/barriers`, form, cookie);
  expect(page.status).toBe(400);
  const html = await page.text();
  expect(html).toContain("Tell us what else makes it hard in 2,000 characters or fewer");
  return tickedBoxes(html);
}

describe("the barriers page sent back with an error elsewhere on it", () => {
  it("keeps one ticked box ticked", async () => {
    expect(await sendWithTooLongText(["PAYMENT_TERMS"])).toEqual(["PAYMENT_TERMS"]);
  });

  it("keeps several ticked boxes ticked", async () => {
    expect(
      await sendWithTooLongText(["HARD_TO_FIND_OPPORTUNITIES", "NO_FEEDBACK", "CLOSED_FRAMEWORKS"]),
    ).toEqual(["HARD_TO_FIND_OPPORTUNITIES", "NO_FEEDBACK", "CLOSED_FRAMEWORKS"]);
  });

  it("ticks no box for a lone value that is no box's own, though it spells two of them", async () => {
    // before, "NO_FEEDBACK_PAYMENT_TERMS" was read as text and ticked both boxes whose values it contains
    expect(await sendWithTooLongText(["NO_FEEDBACK_PAYMENT_TERMS"])).toEqual([]);
  });

  it("gives the boxes a list whatever came back", () => {
    expect(fieldState(barriers, { barriers: "PAYMENT_TERMS" }, ["NO_FEEDBACK"]).value).toEqual([
      "PAYMENT_TERMS",
    ]);
    expect(fieldState(barriers, { barriers: ["PAYMENT_TERMS", "NO_FEEDBACK"] }, null).value).toEqual([
      "PAYMENT_TERMS",
      "NO_FEEDBACK",
    ]);
    // nothing ticked when sent: the boxes show none, not the saved answer
    expect(fieldState(barriers, { barriersOther: "x" }, ["NO_FEEDBACK"]).value).toEqual([]);
    expect(fieldState(barriers, null, ["NO_FEEDBACK"]).value).toEqual(["NO_FEEDBACK"]);
    expect(fieldState(barriers, null, null).value).toEqual([]);
  });
});
