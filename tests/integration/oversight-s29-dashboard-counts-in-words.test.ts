// The council dashboard asked for its top 1 contract said "Top 1 contracts by size of commitment"; the chart of
// delivery by measure said "0 of 2 measures are on track" over a chart of one measure, counting a measure whose
// plan starts next year that the chart leaves out; and a screen reader heard "1 returns with the supplier".
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let cookie: string;

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  const behind = await createMeasure({ councilId: world.councilA.id, proxyValueGbp: 10 });
  const later = await createMeasure({ councilId: world.councilA.id, name: "Apprentices", unit: "PEOPLE" });
  for (const value of [1000, 2000]) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      valueGbp: value,
    });
    await createCommitment({
      contractId: contract.id,
      measureId: behind.id,
      targetQuantity: 10,
      plan: [{ financialYear: 2025, quarter: 1, targetQuantity: 10 }],
    });
    await createCommitment({
      contractId: contract.id,
      measureId: later.id,
      targetQuantity: 2,
      plan: [{ financialYear: 2027, quarter: 1, targetQuantity: 2 }],
    });
    if (value === 1000) await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 2 });
  }
});

async function section(search: string, id: string) {
  const page = await renderPage(`/council/dashboard${search}`, cookie);
  expect(page.status).toBe(200);
  const html = await page.text();
  const start = html.slice(html.indexOf(`aria-labelledby="${id}"`));
  return readableText(start.slice(0, start.indexOf("</section>")));
}

describe("the council dashboard's counts in words", () => {
  it("name the one largest contract when asked for one of several", async () => {
    const text = await section("?top=1", "top-contracts");
    expect(text).toContain("The largest contract by size of commitment");
    expect(text).toContain("The largest contract by committed local £ value, then contract value");
    expect(text).not.toContain("Top 1 contracts");
    expect(text).not.toContain("Largest 1 contracts");
  });

  it("count only the measures the chart shows as on track or not", async () => {
    const text = await section("", "delivery");
    expect(text).toContain(
      "The one measure with a plan to date is not on track (90% of plan to date or more).",
    );
    expect(text).not.toContain("of 2 measures");
  });

  it("tell a screen reader of one return with the supplier after the due date in the singular", async () => {
    const text = await section("", "compliance");
    expect(text).toContain("1 return with the supplier after the due date – see them");
  });
});
