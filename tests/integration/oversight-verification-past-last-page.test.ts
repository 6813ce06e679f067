// A page of "Organisations to verify" past its end (an old link, a bookmark, the last organisation on page 2 just
// verified) says how many are waiting and links to the last page. Before, it said "No organisations are waiting
// for verification." to an officer whose council had organisations waiting.
import { beforeAll, describe, expect, it } from "vitest";
import { createOrganisation, createWorld } from "../helpers/factories.ts";
import { lastPageLink, pageHtmlAs } from "../helpers/render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
  for (const kind of ["VCSE", "SUPPLIER"] as const)
    await createOrganisation({ kind, councilId: world.councilA.id, status: "PENDING" });
});

describe("a page past the end of the verification queue", () => {
  it("says how many are waiting and links to the last page, not that none are", async () => {
    const html = await pageHtmlAs("/council/verification?page=3", world.users.officerA.id);
    expect(html).not.toContain("No organisations are waiting for verification.");
    expect(html).toContain("There is no page 3: there are 2 organisations waiting, on 1 page.");
    expect(html).toMatch(lastPageLink("/council/verification"));
  });

  it("and a huge page number is answered the same way", async () => {
    const html = await pageHtmlAs("/council/verification?page=999999999", world.users.officerA.id);
    expect(html).toContain("there are 2 organisations waiting, on 1 page.");
  });

  it("but an empty queue still says it is empty", async () => {
    const html = await pageHtmlAs("/council/verification?page=2", world.users.officerB.id);
    expect(html).toContain("No organisations are waiting for verification.");
  });
});
