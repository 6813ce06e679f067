// The "Answers sent" page, seen again once the survey's closing day is over (before the night's housekeeping closes
// it): it still offered to "see or change your answers or withdraw them until" a date already past, through links
// that only sent the business back. It now says the answers can no longer be changed, as the survey's first page
// does.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

describe("the 'Answers sent' page after the closing day", () => {
  it("no longer offers changes until a date already past, to the respondent or a colleague", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "age", { age: "35_49" });
    await send(cycleId, owner);
    const page = async (cookie: string) => {
      const response = await renderPage(`/survey/${cycleId}/confirmation`, cookie);
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(readableText(await page(owner))).toContain(
      "You can see or change your answers or withdraw them until",
    );

    await db.surveyCycle.update({
      where: { id: cycleId },
      data: { opensOn: new Date("2026-01-01"), closesOn: new Date("2026-01-31") },
    });
    const closed =
      "The survey's closing date, 31 January 2026, has passed, so the answers can no longer be changed or withdrawn.";
    const mine = await page(owner);
    expect(readableText(mine).replaceAll("&#x27;", "'")).toContain(closed);
    expect(mine).not.toContain(`/survey/${cycleId}/withdraw`);
    expect(mine).not.toContain(`/survey/${cycleId}/check-answers`);
    const theirs = readableText(await page(colleague)).replaceAll("&#x27;", "'");
    expect(theirs).toContain(`A colleague sent your business's answers and was emailed a receipt. ${closed}`);
    expect(theirs).not.toContain("until 31 January 2026");
  });
});
