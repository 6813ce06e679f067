// A supplier holding contracts with several councils saw its returns listed by contract title and reference
// only: two councils' "Highways maintenance" contracts read the same, and nothing on the list or in its contract
// filter said which council each return was for. Both now name the council when the supplier works for more
// than one; a supplier working for one council sees the list as before.
import { describe, expect, it } from "vitest";
import { createCommitment, createContract, createMeasure, createReturn } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

describe("a supplier's returns list", () => {
  it("names each return's council when the supplier has contracts with several councils", async () => {
    const w = await createReturnsWorld();
    const onlyOneCouncil = readableMainText(
      await (await renderPage("/returns", w.cookies.supplierOwner)).text(),
    );
    expect(onlyOneCouncil).toContain("Returns to complete: 1 Contract Quarter Due by Status");

    const measure = await createMeasure({
      councilId: w.councilB.id,
      name: "Tonnes recycled",
      unit: "TONNES",
    });
    const other = await createContract({
      councilId: w.councilB.id,
      supplierOrganisationId: w.supplier.id,
      reference: "BCC-77",
      title: "Highways maintenance",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    });
    await createCommitment({ contractId: other.id, measureId: measure.id, targetQuantity: 100 });
    await createReturn({ contractId: other.id, financialYear: 2026, quarter: 1 });

    const html = await (await renderPage("/returns", w.cookies.supplierOwner)).text();
    const page = readableMainText(html);
    expect(page).toContain("Returns to complete: 2 Contract Council Quarter Due by Status");
    expect(page).toMatch(
      new RegExp(`Highways maintenance \\(BCC-77\\) , Q1 2026/27 return ${w.councilB.name} Q1 2026/27`),
    );
    expect(page).toMatch(
      new RegExp(`Highways maintenance \\(NCC-2401\\) , Q1 2026/27 return ${w.councilA.name} Q1 2026/27`),
    );
    expect(html).toContain(`>Highways maintenance (BCC-77), ${w.councilB.name}</option>`);
    expect(html).toContain(`>Highways maintenance (NCC-2401), ${w.councilA.name}</option>`);
  });
});
