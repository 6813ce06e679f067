// A business with survey answers it had not sent was offered "Withdraw your answers", asked whether to withdraw
// them and told they were "withdrawn and deleted": words for answers the council has, when it never had these.
// Only a business the council rejected was asked to delete them. Every business's unsent answers are now deleted,
// in those words (also to the form sent twice); sent answers are still withdrawn.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

const started = async (area: string) => {
  const respondent = await respondentInArea(area, { consented: true });
  await respondent.post("/questions/barriers", { barriers: "SHORT_TIMESCALES" });
  return respondent;
};

const shown = async (path: string, cookie: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: readableMainText(html) };
};

describe("a verified business's answers not yet sent", () => {
  it("are offered for deletion, not withdrawal, and deleting them says they were deleted", async () => {
    const { cycle, business, cookie, base } = await started("ZT2");
    const survey = await shown(base, cookie);
    expect(survey.text).toContain("Delete your answers");
    expect(survey.text).not.toContain("Withdraw your answers");

    const confirm = await shown(`${base}/withdraw`, cookie);
    expect(confirm.html).toContain("<title>Delete your answers");
    expect(confirm.text).toContain("Are you sure you want to delete your answers?");
    expect(confirm.text).toContain("They have not been sent to the council.");
    expect(confirm.text).toContain("Delete my answers");
    expect(confirm.text).not.toMatch(/withdraw/i);

    const deleted = await postPage(`${base}/withdraw`, new FormData(), cookie);
    expect((await flashOfRedirect(deleted))?.message).toBe("Your answers have been deleted.");
    // the form sent again (a double click after a slow answer) is told the same
    const again = await postPage(`${base}/withdraw`, new FormData(), cookie);
    expect((await flashOfRedirect(again))?.message).toBe("Your answers have been deleted.");
    expect(
      await db.surveyResponse.count({
        where: { cycleId: cycle.id, organisationId: business.id, status: { not: "WITHDRAWN" } },
      }),
    ).toBe(0);
  });
});

describe("a verified business's sent answers", () => {
  it("are still withdrawn, in those words", async () => {
    const { cookie, base, post } = await started("ZT3");
    expect((await post("/check-answers", {})).status).toBe(302);
    const survey = await shown(base, cookie);
    expect(survey.text).toContain("Withdraw your answers");

    const confirm = await shown(`${base}/withdraw`, cookie);
    expect(confirm.text).toContain("Are you sure you want to withdraw your answers?");
    expect(confirm.text).toContain("Withdraw and delete my answers");

    const withdrawn = await postPage(`${base}/withdraw`, new FormData(), cookie);
    expect((await flashOfRedirect(withdrawn))?.message).toBe("Your answers have been withdrawn and deleted.");
    const again = await postPage(`${base}/withdraw`, new FormData(), cookie);
    expect((await flashOfRedirect(again))?.message).toBe("Your answers have been withdrawn and deleted.");
  });
});
