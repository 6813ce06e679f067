// The supplier's own return pages called their figure "Supplier's own figure", as if someone else had reported it:
// the supplier now reads "Your own figure" (what they reported, and what they changed in a resubmission), while the
// council's pages of the same return still say "Supplier's own figure".
import { beforeAll, describe, expect, it } from "vitest";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createQueriedReturnWorld } from "./returns-review-world.ts";
import { sendReturn } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

async function pageText(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text()).replaceAll("&#x27;", "'");
}

describe("the label of the supplier's own figure", () => {
  it("is 'Your own figure' for the supplier and 'Supplier's own figure' for the council", async () => {
    const w = await createQueriedReturnWorld();
    const resent = await sendReturn(w, "submit", {
      hours: "25",
      narrative: "A careers fair",
      declaration: true,
    });
    expect(resent.status).toBe(302);

    const supplier = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplier).toContain("Your own figure this quarter 25 hours");
    expect(supplier).toContain("Volunteering hours Your own figure 10 hours 25 hours");
    expect(supplier).not.toContain("Supplier's own figure");

    const council = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.officerA);
    expect(council).toContain("Supplier's own figure this quarter 25 hours");
    expect(council).toContain("Volunteering hours Supplier's own figure 10 hours 25 hours");
    expect(council).not.toContain("Your own figure");

    const review = await pageText(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain("Supplier's own figure this quarter 25 hours");
    expect(review).toContain("Volunteering hours Supplier's own figure 10 hours 25 hours");
    expect(review).not.toContain("Your own figure");
  });
});
