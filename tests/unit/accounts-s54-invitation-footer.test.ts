// A membership invitation ended "You received this email because you use the Social Value Marketplace", untrue for
// an address with no account (a council's first admin, a colleague invited before signing up). It now says who
// invited the address to which organisation, and that it may be ignored, as the survey invitation does.
import { describe, expect, it } from "vitest";
import { invitationMessage } from "~/domain/accounts/emails.server.tsx";

const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("a membership invitation's footer", () => {
  it("says who invited this address, and that it can be ignored", async () => {
    const email = await invitationMessage(
      { councilId: null, councilName: "Westmarch Borough Council" },
      "Pat Platform",
      "Westmarch Borough Council",
      "Admin",
      "token-abc",
    );
    for (const text of [oneLine(email.text), oneLine(email.html)]) {
      expect(text).not.toContain("because you use the Social Value Marketplace");
      expect(text).toContain(
        "You received this email because Pat Platform invited this email address to join Westmarch Borough Council on the Social Value Marketplace. If you were not expecting it, you can ignore it: nothing happens unless you accept.",
      );
    }
  });
});
