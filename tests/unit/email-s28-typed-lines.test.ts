// What a person typed into an email (a reason for declining, disputing or withdrawing a pledge, a contract manager's
// comments on a return) keeps its lines, as the officers' moderation and verification comments already did: a list
// written one point to a line reached the reader as one run-on sentence, in the HTML and the plain text alike.
import { describe, expect, it } from "vitest";
import {
  deliveryDisputedEmail,
  pledgeDecisionEmail,
  pledgeWithdrawnEmail,
} from "~/email/templates/marketplace-pledge.tsx";
import { returnAcceptedEmail, returnQueriedEmail } from "~/email/templates/returns-notices.tsx";

const TYPED = "Two things:\r\n1. only 3 of 5 arrived\r\n2. one was broken";
const LINES = ["Two things:", "1. only 3 of 5 arrived", "2. one was broken"];

const pledge = {
  councilName: "Northshire",
  title: "Laptops for the homework club",
  url: "http://localhost/pledges/1",
  supplierName: "Acme Ltd",
  quantity: "5 laptops",
};
const kpiReturn = {
  councilName: "Northshire",
  contractTitle: "Highways maintenance",
  contractReference: "NCC-2401",
  quarterLabel: "Q1 2026/27",
  dueDate: "30 July 2026",
  url: "http://localhost/returns/1",
};

function expectLinesKept(email: { html: string; text: string }, lead: string) {
  expect(email.text).toContain(`${lead}${LINES.join("\n")}`);
  expect(email.html).toContain(LINES.join("<br/>"));
}

describe("typed text in an email", () => {
  it("keeps its lines in a pledge declined, disputed or withdrawn", async () => {
    expectLinesKept(await pledgeDecisionEmail({ ...pledge, accepted: false, reason: TYPED }), "Reason: ");
    expectLinesKept(await deliveryDisputedEmail({ ...pledge, reason: TYPED }), "The requestor’s reason: ");
    expectLinesKept(
      await pledgeWithdrawnEmail({ ...pledge, reason: TYPED, neededAgain: true }),
      "Their reason: ",
    );
  });

  it("keeps its lines in a contract manager's comments on a return", async () => {
    const queried = await returnQueriedEmail({
      ...kpiReturn,
      comment: TYPED,
      lineQueries: [{ measureName: "Volunteering hours", comment: TYPED }],
    });
    expectLinesKept(queried, "Their comment: ");
    expectLinesKept(queried, "Volunteering hours: ");
    expectLinesKept(await returnAcceptedEmail({ ...kpiReturn, comment: TYPED }), "Comment: ");
  });
});
