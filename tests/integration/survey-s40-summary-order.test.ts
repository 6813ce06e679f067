// The survey question pages' error summaries listed the checks between answers, made after every question's own,
// last: barriers chosen with "We have not met any barriers" came below the refusal of the free text under them.
// They now follow the page, as GOV.UK's summary does, on the page a browser without JavaScript gets. (The survey
// cycle forms need no such help: their checks between dates run only once every field is otherwise right.)
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
