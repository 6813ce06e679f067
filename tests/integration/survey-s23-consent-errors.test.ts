// The survey's first page asks for consent below a long explainer. Its error summary sat inside the form, at the
// foot of the page: without JavaScript the page came back scrolled to the top with no sign of the problem (GOV.UK
// puts the summary at the top of the page). And a consent sent once the survey no longer took answers (a page
// left open past its closing day) came back with no message at all: the form, and its summary with it, is not
// shown then.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { freshCycle } from "../helpers/survey-respondent.ts";

const consent = (cycleId: string, cookie: string, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return postPage(`/survey/${cycleId}`, form, cookie);
};

describe("the survey's consent question", () => {
  it("shows its error summary at the top of the page, before the heading and the explainer", async () => {
    const { cycleId, business } = await freshCycle();
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const page = await consent(cycleId, cookie, {});
    expect(page.status).toBe(400);
    const html = await page.text();
    const summary = html.indexOf("There is a problem");
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(html.indexOf("<h1"));
    expect(summary).toBeLessThan(html.indexOf("Why we ask"));
    expect(readableText(html)).toContain("There is a problem Select whether you agree to take part");
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(0);
  });

  it("says the survey is not taking answers when consent is sent after its closing day", async () => {
    const { cycleId, business } = await freshCycle();
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    // the page was read while the survey was open; its closing day is over when "Continue" is pressed
    await db.surveyCycle.update({
      where: { id: cycleId },
      data: { opensOn: new Date("2026-01-01"), closesOn: new Date("2026-01-31") },
    });
    const page = await consent(cycleId, cookie, { consent: "yes" });
    expect(page.status).toBe(400);
    expect(readableText(await page.text())).toContain(
      "There is a problem This survey is not taking answers at the moment",
    );
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(0);
  });
});
