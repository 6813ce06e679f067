// A council's public guidance pages showed that council in the header (its name and colour) only to its own members:
// a visitor read council A's guidance under the portal's plain header, and someone of another council or of an
// organisation working with another council read it under that other council's name and colour. The guidance pages
// and case studies of a council now name it in the header for everyone, as its own pages.
import { beforeAll, describe, expect, it } from "vitest";
import { createGuidancePage, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import {
  COLOURS,
  colourCouncils,
  councilIn,
  expectHeaderOf,
  pageAsRead,
  recordPage,
} from "../helpers/record-header.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookies: Record<"visitor" | "officerB" | "supplierOfA", string | undefined>;
const slugs = { A: "", B: "" };

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await colourCouncils(world);
  slugs.A = (await createGuidancePage({ councilId: world.councilA.id, title: "Guidance of A" })).slug;
  slugs.B = (await createGuidancePage({ councilId: world.councilB.id, title: "Guidance of B" })).slug;
  cookies = {
    visitor: undefined,
    // an officer of council B only
    officerB: await sessionCookieFor(world.users.officerB.id),
    // a supplier working with council A, whose header otherwise names A
    supplierOfA: await sessionCookieFor(world.users.supplierOwner.id),
  };
});

describe("a council's public guidance, read by someone not in it", () => {
  it.each([
    ["a visitor", "visitor", "A"],
    ["an officer of another council", "officerB", "A"],
    ["a supplier working with another council", "supplierOfA", "B"],
  ] as const)("names the page's council in the header for %s", async (_, viewer, own) => {
    for (const location of [
      `/guidance/${councilIn(world, own).id}/${slugs[own]}`,
      `/guidance/${councilIn(world, own).id}/case-studies`,
    ]) {
      expectHeaderOf(world, await recordPage(location, cookies[viewer]), own, location);
    }
  });

  it("keeps a visitor's plain header on a page of the council that is not found", async () => {
    const shown = await pageAsRead(`/guidance/${world.councilA.id}/no-such-page`);
    expect(shown.status).toBe(404);
    expect(shown.header).not.toContain(world.councilA.name);
    expect(shown.headerTag).not.toContain(COLOURS.A);
  });
});
