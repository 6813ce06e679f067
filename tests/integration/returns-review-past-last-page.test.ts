// A page number past the end of the returns lists (an old link, or the last return on a page just reviewed) says
// how many returns there are and links to the last page. Before, the council's queue said "There are no returns
// here." to an officer with returns to review, and the supplier's list said its returns to complete were "on the
// earlier pages" and the sent ones "on the next pages", which do not exist.
import { beforeAll, describe, expect, it } from "vitest";
import { createReturn } from "../helpers/factories.ts";
import { lastPageLink, pageHtmlAs } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;
let w: World;

beforeAll(async () => {
  w = await createReturnsWorld(); // one return to complete (April–June 2026)
  await createReturn({ contractId: w.contract.id, financialYear: 2025, quarter: 4, status: "SUBMITTED" });
});

describe("a page past the end of the returns lists", () => {
  it("of the council's queue says there is no such page, keeping the queue in the link to the last page", async () => {
    const html = await pageHtmlAs("/returns?queue=all&page=3", w.users.officerA.id);
    expect(html).not.toContain("There are no returns here.");
    expect(html).toContain("There is no page 3: there are 2 returns, on 1 page.");
    expect(html).toMatch(lastPageLink("/returns?queue=all"));
    const review = await pageHtmlAs("/returns?queue=review&page=2", w.users.officerA.id);
    expect(review).toContain("There is no page 2: there is 1 return, on 1 page.");
  });

  it("of the supplier's returns says there is no such page, not that they are on other pages", async () => {
    const html = await pageHtmlAs("/returns?page=4", w.users.supplierOwner.id);
    expect(html).not.toContain("on the earlier pages");
    expect(html).not.toContain("on the next pages");
    expect(html).toContain("There is no page 4: there are 2 returns, on 1 page.");
    expect(html).toMatch(lastPageLink("/returns"));
  });

  it("but an empty queue still says it is empty, and the first page is as before", async () => {
    expect(await pageHtmlAs("/returns?queue=review&page=2", w.users.officerB.id)).toContain(
      "There are no returns here.",
    );
    const first = await pageHtmlAs("/returns", w.users.supplierOwner.id);
    expect(first).toContain("Returns to complete: 1");
    expect(first).toContain("Sent, accepted and not owed returns: 1");
  });
});
