// The survey invitation ended "You received this email because you use the Social Value Marketplace", untrue for a
// business the council invited by address, which may have no account. It now says why the address got it, and
// that the reader may ignore it; other emails keep their footer.
import { describe, expect, it } from "vitest";
import { returnAcceptedEmail } from "~/email/templates/returns-notices.tsx";
import { renderSurveyInvitationEmail } from "~/email/templates/survey-invitation.tsx";

const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("the survey invitation's footer", () => {
  it("says the council invited this address, and that it can be ignored", async () => {
    const email = await renderSurveyInvitationEmail({
      councilName: "Northshire",
      year: 2027,
      closesOn: "31 March 2027",
      url: "http://localhost/survey/invitation/abc",
    });
    for (const text of [oneLine(email.text), oneLine(email.html)]) {
      expect(text).not.toContain("because you use the Social Value Marketplace");
      expect(text).toContain(
        "You received this email because Northshire invited this email address to take part in its yearly supplier diversity survey. Taking part is optional: if you do not want to, you can ignore this email.",
      );
    }
  });

  it("is not given to other emails", async () => {
    const email = await returnAcceptedEmail({
      councilName: "Northshire",
      contractTitle: "Highways maintenance",
      contractReference: "NCC-2401",
      quarterLabel: "Q1 2026/27",
      dueDate: "30 July 2026",
      url: "http://localhost/returns/1",
      comment: null,
    });
    expect(oneLine(email.text)).toContain(
      "You received this email because you use the Social Value Marketplace.",
    );
  });
});
