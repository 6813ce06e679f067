// The audit log showed a contract's value and a measure's proxy value as stored, "1200000.50 → 1500000.00", where
// the contract's page says "£1,200,000.50": figures in a change are now said as the contract's history says them.
import { describe, expect, it } from "vitest";
import { readableDetails } from "~/domain/audit/audit-details.ts";

describe("a change to a figure in the audit log", () => {
  it("writes money in pounds and pence, with thousands separators", () => {
    expect(
      readableDetails("contract.update", {
        changes: [
          { field: "valueGbp", label: "Value (£)", from: "1200000.50", to: "1500000.00" },
          { field: "title", label: "Title", from: "Roads 2026", to: "Roads" },
        ],
      }),
    ).toEqual([
      { label: "Value (£)", value: "£1,200,000.50 → £1,500,000.00" },
      { label: "Title", value: "Roads 2026 → Roads" },
    ]);
    expect(
      readableDetails("measure.update", {
        changes: [{ field: "proxyValueGbp", label: "Proxy value in £ per unit", from: null, to: "1200.5" }],
      }),
    ).toEqual([{ label: "Proxy value in £ per unit", value: "none → £1,200.50" }]);
  });

  it("writes a commitment's target and plan as figures", () => {
    expect(
      readableDetails("commitment.update", {
        changes: [
          { field: "targetQuantity", label: "Target", from: "1200.50", to: "1500.00" },
          {
            field: "plan",
            label: "Quarterly plan",
            from: null,
            to: "Q1 2026/27: 1500.00; Q2 2026/27: 250.50",
          },
        ],
      }),
    ).toEqual([
      { label: "Target", value: "1,200.5 → 1,500" },
      { label: "Quarterly plan", value: "none → Q1 2026/27: 1,500; Q2 2026/27: 250.5" },
    ]);
  });
});
