// A queried return as the council sees it. The return page told everyone who opened a queried return "Your
// contract manager has queried this return … amend the return and submit it again", the contract manager who had
// just queried it included (the review sends them there): the council is told the return waits for the supplier,
// with the query made; the supplier is still told what to do.
import { beforeAll, describe, expect, it } from "vitest";
import { renderPage } from "../helpers/render-page.ts";
import { createQueriedReturnWorld } from "./returns-review-world.ts";

const queriedReturn = () => createQueriedReturnWorld("Please split the hours by site.");

// the first page rendered puts the app together, which takes a while on a busy machine
beforeAll(() => renderPage("/"));

describe("a queried return's page", () => {
  it("tells the contract manager it waits for the supplier, not to amend it themselves", async () => {
    const w = await queriedReturn();
    const page = await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.officerA);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("The council has queried this return");
    expect(html).not.toContain("amend the return and submit it again");
    expect(html).toContain("This return has been queried");
    expect(html).toContain("The supplier has been asked to amend it and submit it again.");
    expect(html).toContain("Please split the hours by site.");
  });

  it("still tells the supplier what the query asks of them", async () => {
    const w = await queriedReturn();
    const html = await (await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierMember)).text();
    expect(html).toContain("The council has queried this return");
    expect(html).toContain("Please split the hours by site.");
    expect(html).not.toContain("This return has been queried");
  });
});
