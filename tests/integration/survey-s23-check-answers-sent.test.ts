// Check your answers, for answers already sent: a change saved on a question page counts in the council's report at
// once (decision 007), and sending again only emails a receipt. The page still said "Now send your answers" and
// "By sending your answers you confirm…", so a business changing a sent answer and then leaving without sending
// believed the change did not count.
import { describe, expect, it } from "vitest";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

describe("check your answers", () => {
  it("asks for answers not yet sent to be sent, and says a change to sent answers counts when saved", async () => {
    const { cycleId, business } = await freshCycle();
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const page = async () => {
      const response = await renderPage(`/survey/${cycleId}/check-answers`, cookie);
      expect(response.status).toBe(200);
      return readableText(await response.text());
    };
    await consent(cycleId, cookie);
    await answer(cycleId, cookie, "disability", { disability: "NO" });
    const before = await page();
    expect(before).toContain("Now send your answers");
    expect(before).toContain("By sending your answers you confirm they are right");
    expect(before).not.toContain("counts straight away");

    await send(cycleId, cookie);
    await answer(cycleId, cookie, "disability", { disability: "YES" });
    const after = await page();
    expect(after).toContain("Your answers have been sent");
    expect(after).toContain(
      "Any change you save counts straight away: you do not need to send your answers again. Send them again if you want an email receipt of your changes.",
    );
    expect(after).not.toContain("Now send your answers");
    expect(after).toContain("Send changed answers");
  });
});
