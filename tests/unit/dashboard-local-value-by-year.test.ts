import { describe, expect, it } from "vitest";
import { localValueByYear } from "~/domain/reporting/dashboard-totals.ts";

const measure = (unit: string, proxyValueGbp: string | null) => ({
  id: `m-${unit}-${proxyValueGbp}`,
  code: "X",
  name: "X",
  unit,
  proxyValueGbp,
});

describe("local £ by financial year", () => {
  it("values each year's plan and delivery with the council's proxy, oldest year first", () => {
    const commitments = [
      { id: "hours", targetQuantity: "100", measure: measure("HOURS", "15.50") },
      { id: "level", targetQuantity: "90", measure: measure("PERCENT", "10.00") },
      { id: "unpriced", targetQuantity: "10", measure: measure("PEOPLE", null) },
    ];
    const q = (financialYear: number, quarter: number, quantity: string) => ({
      financialYear,
      quarter,
      quantity,
    });
    const quarterly = new Map([
      [
        "hours",
        {
          plan: [q(2026, 1, "20"), q(2025, 4, "10")],
          // returns and pledges in 2025/26 and 2026/27; 0.01 h × £15.50 rounds half up to £0.16
          delivered: [q(2025, 3, "8"), q(2026, 2, "12.5"), q(2026, 2, "0.01")],
        },
      ],
      ["level", { plan: [q(2026, 1, "90")], delivered: [q(2026, 1, "95")] }],
      ["unpriced", { plan: [q(2026, 1, "5")], delivered: [q(2026, 1, "5")] }],
    ]);
    expect(localValueByYear(commitments, quarterly)).toEqual([
      { financialYear: 2025, label: "2025/26", planned: "155.00", delivered: "124.00" },
      { financialYear: 2026, label: "2026/27", planned: "310.00", delivered: "193.91" },
    ]);
  });
});
