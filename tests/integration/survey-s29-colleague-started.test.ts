// Found in the s29 survey QA: a business's owner may see and continue the answers a colleague started, but the
// survey's first page told the owner "You have started the survey. Your answers are saved as you go", as if they
// had, and, past the closing day, "You started the survey but did not send your answers". It now says a colleague
// started it, as the page already said of answers a colleague sent.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle } from "../helpers/survey-respondent.ts";

describe("the survey's first page, for an owner whose colleague started the survey", () => {
  it("says a colleague started it, and only the colleague is told they did", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const colleague = await sessionCookieFor((await createMember(business.id, "MEMBER")).id);
    await consent(cycleId, colleague);
    await answer(cycleId, colleague, "business-size", { staffHeadcountBand: "0_9" });

    const ownersPage = readableText(await (await renderPage(`/survey/${cycleId}`, owner)).text());
    expect(ownersPage).toContain("A colleague has started the survey for your business.");
    expect(ownersPage).not.toContain("You have started the survey");
    expect(ownersPage).toContain("Continue the survey");
    const colleaguesPage = readableText(await (await renderPage(`/survey/${cycleId}`, colleague)).text());
    expect(colleaguesPage).toContain(
      "You have started the survey. Your answers are saved as you go; send them by",
    );

    // past the closing day, before the night's housekeeping closes it
    await db.surveyCycle.update({
      where: { id: cycleId },
      data: { closesOn: new Date(Date.UTC(2020, 0, 1)), opensOn: new Date(Date.UTC(2019, 11, 1)) },
    });
    const late = readableText(await (await renderPage(`/survey/${cycleId}`, owner)).text());
    expect(late).toContain(
      "A colleague started the survey for your business but the answers were not sent before it closed, so they will not be used.",
    );
    expect(late).not.toContain("You started the survey");
  });
});
