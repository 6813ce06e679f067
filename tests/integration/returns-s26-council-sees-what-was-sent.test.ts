// The council's page of a return showed the supplier's draft under "What was reported": figures saved but never
// submitted read as the supplier's own figure for the quarter, and while the supplier amended a queried return the
// officer saw the half-made amendment, not the version they had queried. Now the council sees what was sent:
// nothing before the first submission, and the queried version until the return is submitted again.
import { beforeAll, describe, expect, it } from "vitest";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createQueriedReturnWorld } from "./returns-review-world.ts";
import { createReturnsWorld, sendReturn } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

async function councilPage(returnId: string, cookie: string) {
  const response = await renderPage(`/returns/${returnId}`, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

describe("a return still with the supplier, on the council's page", () => {
  it("shows nothing of a draft never submitted", async () => {
    const w = await createReturnsWorld();
    const saved = await sendReturn(w, "save", {
      hours: "12",
      narrative: "Half written",
      note: "Still counting",
    });
    expect(saved.status).toBe(302);
    const text = await councilPage(w.kpiReturn.id, w.cookies.officerA);
    expect(text).toContain(
      "What was reported Nothing yet: the supplier has not submitted this return. Their answers show here once they do.",
    );
    expect(text).not.toContain("12 hours");
    expect(text).not.toContain("Half written");
    expect(text).not.toContain("Still counting");
    // the supplier still sees their draft
    const own = readableMainText(
      await (await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner)).text(),
    );
    expect(own).toContain("Still counting");
  });

  it("shows the version queried while the supplier amends it, and the new one once resubmitted", async () => {
    const w = await createQueriedReturnWorld();
    const amend = (intent: "save" | "submit") =>
      sendReturn(w, intent, { hours: "25", narrative: "Two careers fairs", declaration: true });
    expect((await amend("save")).status).toBe(302);
    const during = await councilPage(w.kpiReturn.id, w.cookies.officerA);
    expect(during).toContain("As submitted before it was queried.");
    expect(during).toContain("own figure this quarter 10 hours");
    expect(during).toContain("What was delivered A careers fair");
    expect(during).not.toContain("25 hours");
    expect(during).not.toContain("Two careers fairs");

    expect((await amend("submit")).status).toBe(302);
    const after = await councilPage(w.kpiReturn.id, w.cookies.officerA);
    expect(after).not.toContain("As submitted before it was queried.");
    expect(after).toContain("own figure this quarter 25 hours");
    expect(after).toContain("What was delivered Two careers fairs");
  });
});
