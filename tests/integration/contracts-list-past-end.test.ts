// A page of the contracts list past its last page (an old link, a bookmark, a filter that now matches fewer) says
// how many contracts there are and links to the last page. Before, the council's list said "2 contracts found"
// above "No contracts match these filters.", and the supplier's said only "There are no contracts on this page."
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  for (const reference of ["PAST-1", "PAST-2"])
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference,
      department: "Libraries",
    });
});

/** The page as a browser gets it, its text without React's markers and tags. */
async function page(location: string, userId: string) {
  const response = await renderPage(location, await sessionCookieFor(userId));
  expect(response.status).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  return { html, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}

describe("a page of contracts past the last", () => {
  it("tells a council officer how many there are and links to the last page, keeping the filters", async () => {
    const { html, text } = await page("/contracts?department=Libraries&page=4", world.users.officerA.id);
    expect(text).toContain("2 contracts found");
    expect(text).toContain("There is no page 4: there are 2 contracts, on 1 page.");
    expect(text).not.toContain("No contracts match these filters.");
    expect(html).toMatch(
      /<a [^>]*href="\/contracts\?department=Libraries(&amp;page=1)?"[^>]*>Go to page 1, the last page</,
    );
  });

  it("tells the supplier the same", async () => {
    const { text } = await page("/contracts?page=3", world.users.supplierOwner.id);
    expect(text).toContain("There is no page 3: there are 2 contracts, on 1 page.");
    expect(text).not.toContain("There are no contracts on this page.");
  });

  it("still says nothing matches when nothing does", async () => {
    const { text } = await page("/contracts?q=Nowhere&page=2", world.users.officerA.id);
    expect(text).toContain("No contracts match these filters.");
    expect(text).not.toContain("There is no page");
  });
});
