// Found in the s36 survey QA: a free-text answer made only of characters that show nothing (zero-width spaces, a
// direction mark, a blank Braille pattern: pasted from another document) was kept as an answer. Check your answers
// showed an empty answer where it would say "Not answered", and the council's report listed it among the
// businesses' own words as a comment with no words; beside "Prefer not to say" it was refused as text given as
// well, though the box looked empty. Such an answer is now no answer, as a blank one is.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { answer, consent, freshCycle, locationOf } from "../helpers/survey-respondent.ts";

const NOTHING_TO_SEE = "\u200B\u200F \u2800\uFEFF";

async function respondent() {
  const { cycleId, business } = await freshCycle();
  const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
  await consent(cycleId, cookie);
  const saved = () =>
    db.surveyResponse.findFirstOrThrow({
      where: { cycleId, organisationId: business.id },
      select: { councilCouldDo: true, barriersOther: true },
    });
  return { cycleId, cookie, saved };
}

describe("free text of characters that show nothing", () => {
  it("is no answer to what the council could do", async () => {
    const { cycleId, cookie, saved } = await respondent();
    const sent = await answer(cycleId, cookie, "council-could-do", {
      councilCouldDo: NOTHING_TO_SEE,
      intent: "continue",
    });
    expect(locationOf(sent)).toBe(`/survey/${cycleId}/questions/meet-the-buyer`);
    expect((await saved()).councilCouldDo).toBeNull();
  });

  it("beside 'Prefer not to say' is that answer, not text given as well", async () => {
    const { cycleId, cookie, saved } = await respondent();
    const sent = await answer(cycleId, cookie, "council-could-do", {
      councilCouldDo: NOTHING_TO_SEE,
      councilCouldDoPreferNot: "PREFER_NOT_TO_SAY",
      intent: "continue",
    });
    expect(sent.status).toBe(302);
    expect((await saved()).councilCouldDo).toBe("PREFER_NOT_TO_SAY");
  });

  it("is no answer to anything else that makes it hard", async () => {
    const { cycleId, cookie, saved } = await respondent();
    const sent = await answer(cycleId, cookie, "barriers", {
      barriersOther: NOTHING_TO_SEE,
      intent: "continue",
    });
    expect(sent.status).toBe(302);
    expect((await saved()).barriersOther).toBeNull();
  });

  it("keeps an answer with words in it as typed", async () => {
    const { cycleId, cookie, saved } = await respondent();
    await answer(cycleId, cookie, "council-could-do", {
      councilCouldDo: "\u200BSmaller lots",
      intent: "continue",
    });
    expect((await saved()).councilCouldDo).toBe("\u200BSmaller lots");
  });
});
