// The council dashboard's top contracts said "Top 75 contracts by size of commitment" (and its table "Largest 75
// contracts") over a council with three contracts with commitments, as if 72 were missing: it named the number
// asked for, not the rows there are. It counts the rows, and says when they are all of them.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let cookie: string;
let emptyCouncilCookie: string;

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  emptyCouncilCookie = await sessionCookieFor(world.users.officerB.id);
  const measure = await createMeasure({ councilId: world.councilA.id, proxyValueGbp: 10 });
  for (const value of [1000, 2000, 3000]) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      valueGbp: value,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: value / 100 });
  }
  // a contract without commitments is not among them
  await createContract({ councilId: world.councilA.id, supplierOrganisationId: world.supplier.id });
});

async function topSection(search: string, as = cookie) {
  const page = await renderPage(`/council/dashboard${search}`, as);
  expect(page.status).toBe(200);
  const html = await page.text();
  const section = html.slice(html.indexOf('aria-labelledby="top-contracts"'));
  return readableText(section.slice(0, section.indexOf("</section>")));
}

describe("the dashboard's top contracts", () => {
  it("say they are all the contracts with commitments when fewer than asked for", async () => {
    const text = await topSection("");
    expect(text).toContain("All 3 contracts with commitments, by size of commitment");
    expect(text).toContain(
      "All 3 contracts with commitments, by committed local £ value, then contract value",
    );
    expect(text).not.toMatch(/\b75\b/);
    // as many as there are: all of them too
    expect(await topSection("?top=3")).toContain("All 3 contracts with commitments");
  });

  it("count the rows shown when there are more", async () => {
    const text = await topSection("?top=2");
    expect(text).toContain("Top 2 contracts by size of commitment");
    expect(text).toContain("Largest 2 contracts by committed local £ value");
  });

  it("name no number when there are none", async () => {
    const text = await topSection("", emptyCouncilCookie);
    expect(text).toContain("Top contracts by size of commitment");
    expect(text).toContain("No contracts have commitments recorded yet.");
    expect(text).not.toMatch(/\b75\b/);
  });
});
