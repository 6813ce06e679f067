// The survey's free-text answers. A NUL character (pasted, or sent by hand) in "What the council could do" beside
// a ticked "Prefer not to say" was refused as text given as well, though the box showed nothing; the database drops
// NUL, so it is now dropped before the answer is trimmed and checked. And an answer too long was told only "Enter
// 254 characters or fewer" (or 2000, with no comma), which on a page of several questions did not say which
// answer: each message now names it.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { jsonOf } from "../helpers/routes.ts";
import { readableText, postPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle } from "../helpers/survey-respondent.ts";

async function respondent() {
  const { cycleId, business } = await freshCycle();
  const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
  await consent(cycleId, cookie);
  return { cycleId, business, cookie };
}

describe("the survey's free-text answers", () => {
  it("takes NUL beside 'Prefer not to say' as no text at all", async () => {
    const { cycleId, business, cookie } = await respondent();
    const sent = await answer(cycleId, cookie, "council-could-do", {
      councilCouldDo: "\u0000 \u0000",
      councilCouldDoPreferNot: "PREFER_NOT_TO_SAY",
    });
    expect(sent.status).toBe(302);
    const response = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId, organisationId: business.id },
      select: { councilCouldDo: true },
    });
    expect(response.councilCouldDo).toBe("PREFER_NOT_TO_SAY");
  });

  // the database would drop the NUL anyway: what matters is that it goes before the trim and the length check
  it("checks and trims text that is kept as it is kept, without its NUL", async () => {
    const { cycleId, business, cookie } = await respondent();
    const barriersOther = async () =>
      (
        await db.surveyResponse.findFirstOrThrow({
          where: { cycleId, organisationId: business.id },
          select: { barriersOther: true },
        })
      ).barriersOther;
    const trailing = await answer(cycleId, cookie, "barriers", { barriersOther: "Late payment \u0000" });
    expect(trailing.status).toBe(302);
    expect(await barriersOther()).toBe("Late payment");
    const longest = `${"a".repeat(1999)}\u0000\u0000b`;
    expect((await answer(cycleId, cookie, "barriers", { barriersOther: longest })).status).toBe(302);
    expect(await barriersOther()).toBe(`${"a".repeat(1999)}b`);
  });

  it("says which answer is too long", async () => {
    const { cycleId, cookie } = await respondent();
    const errorsOf = async (topic: string, form: Record<string, string>) => {
      const sent = await answer(cycleId, cookie, topic, form);
      expect(sent.status).toBe(400);
      return (await jsonOf<{ error: Record<string, string[]> }>(sent)).error;
    };
    expect(
      await errorsOf("meet-the-buyer", {
        contactConsent: "YES",
        contactName: "n".repeat(201),
        contactEmail: `${"a".repeat(250)}@example.com`,
      }),
    ).toEqual({
      contactName: ["Enter a name of 200 characters or fewer"],
      contactEmail: ["Enter an email address of 254 characters or fewer"],
    });
    expect(await errorsOf("council-could-do", { councilCouldDo: "x".repeat(2001) })).toEqual({
      councilCouldDo: ["Tell us what the council could do in 2,000 characters or fewer"],
    });

    // as the page shows it, in the error summary
    const form = new FormData();
    form.set("barriersOther", "x".repeat(2001));
    const page = await postPage(`/survey/${cycleId}/questions/barriers`, form, cookie);
    expect(page.status).toBe(400);
    expect(readableText(await page.text())).toContain(
      "There is a problem Tell us what else makes it hard in 2,000 characters or fewer",
    );
  });
});
