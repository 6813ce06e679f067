// A survey question page's error summary listed a check between its answers, made after every question's own, last:
// on the barriers page, barriers chosen with "We have not met any barriers" came below the refusal of the free text
// under them. The summary now follows the page, as GOV.UK's does: this posts the barriers page as a browser without
// JavaScript does and checks the summary links its two errors in the order their fields are on the page. (The survey
// cycle forms, whose dates are now compared beside the other fields' errors, are checked in
// survey-s45-cycle-errors-one-round.test.ts.)
import { describe, expect, it } from "vitest";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { consent, freshCycle } from "../helpers/survey-respondent.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";

describe("the barriers page's error summary", () => {
  it("lists the barriers chosen with 'not met any' before the free text too long, as the page does", async () => {
    const { cycleId, business } = await freshCycle();
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, cookie);
    const form = new FormData();
    form.append("barriers", "NO_BARRIERS");
    form.append("barriers", "PAYMENT_TERMS");
    form.set("barriersOther", "x".repeat(2001));
    form.set("intent", "continue");
    const response = await postPage(`/survey/${cycleId}/questions/barriers`, form, cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("not both");
    expect(html).toContain("Tell us what else makes it hard in 2,000 characters or fewer");
    const { linked, onPage } = errorSummaryOrder(html);
    expect(linked).toHaveLength(2);
    expect(linked).toEqual(onPage);
  });
});
