// A membership invitation ended "You received this email because you use the Social Value Marketplace", untrue for
// an address with no account (a council's first admin, a colleague invited before signing up). It now says who
// invited the address to which organisation, and that it may be ignored, as the survey invitation does. A council's
// first admin is told who the platform admin inviting them is (session 55).
import { describe, expect, it } from "vitest";
import { invitationMessage } from "~/domain/accounts/emails.server.tsx";

const oneLine = (text: string) => text.replaceAll("<!-- -->", "").replace(/\s+/g, " ");

describe("a membership invitation's footer", () => {
  it("says who invited this address, and that it can be ignored", async () => {
    const email = await invitationMessage(
      { councilId: null, councilName: "Westmarch Borough Council" },
      "Pat Owner",
      { name: "Westmarch Borough Council", from: { by: "organisation" } },
      "Admin",
      "token-abc",
    );
    for (const text of [oneLine(email.text), oneLine(email.html)]) {
      expect(text).not.toContain("because you use the Social Value Marketplace");
      expect(text).toContain(
        "You received this email because Pat Owner invited this email address to join Westmarch Borough Council on the Social Value Marketplace. If you were not expecting it, you can ignore it: nothing happens unless you accept.",
      );
    }
  });

  // session 55: the person invited to be a council's first admin does not know the platform admin who invited them
  it("says, for a council's first admin, that a platform admin invited them to be its first admin", async () => {
    const email = await invitationMessage(
      { councilId: null, councilName: "Westmarch Borough Council" },
      "Pat Platform",
      { name: "Westmarch Borough Council", from: { by: "platform" } },
      "Admin",
      "token-abc",
    );
    for (const text of [oneLine(email.text), oneLine(email.html)]) {
      expect(text).toContain(
        "Pat Platform, a platform admin of the Social Value Marketplace, invited you to be the first admin of Westmarch Borough Council. Nobody has joined it yet: once you have, you can invite your colleagues.",
      );
      expect(text).toContain(
        "You received this email because Pat Platform, a platform admin, invited this email address to be the first admin of Westmarch Borough Council on the Social Value Marketplace. If you were not expecting it, you can ignore it: nothing happens unless you accept.",
      );
    }
  });
});
